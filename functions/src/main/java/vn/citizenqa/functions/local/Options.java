package vn.citizenqa.functions.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The local commands' shared options: {@code --port N}, {@code --env-vars FILE}, {@code --template FILE},
 * {@code --parameter-overrides "K=V …"}, other flags, and positional arguments.
 */
record Options(Integer port, Path envVars, Path template, String parameterOverrides, List<String> flags, List<String> positional) {

    /** Parses, or prints the usage to {@code err} and returns null. */
    static Options parse(List<String> args, PrintStream err, String usage, int positionalCount) {
        Integer port = null;
        Path envVars = null;
        Path template = null;
        String parameterOverrides = null;
        List<String> flags = new ArrayList<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--port" -> {
                    if (i + 1 >= args.size() || !args.get(i + 1).matches("\\d{1,5}") || Integer.parseInt(args.get(i + 1)) > 65535) {
                        err.println("--port needs a port number (0-65535)\nusage: " + usage);
                        return null;
                    }
                    port = Integer.parseInt(args.get(++i));
                }
                case "--env-vars" -> {
                    if (i + 1 >= args.size()) {
                        err.println("--env-vars needs a file\nusage: " + usage);
                        return null;
                    }
                    envVars = Path.of(args.get(++i));
                }
                case "--template" -> {
                    if (i + 1 >= args.size()) {
                        err.println("--template needs a file\nusage: " + usage);
                        return null;
                    }
                    template = Path.of(args.get(++i));
                }
                case "--parameter-overrides" -> {
                    if (i + 1 >= args.size()) {
                        err.println("--parameter-overrides needs \"Key=Value …\"\nusage: " + usage);
                        return null;
                    }
                    parameterOverrides = args.get(++i);
                }
                default -> {
                    if (a.startsWith("--")) {
                        flags.add(a);
                    } else {
                        positional.add(a);
                    }
                }
            }
        }
        if (positionalCount >= 0 && positional.size() != positionalCount) {
            err.println("usage: " + usage);
            return null;
        }
        return new Options(port, envVars, template, parameterOverrides, flags, positional);
    }
}
