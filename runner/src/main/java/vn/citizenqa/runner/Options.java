package vn.citizenqa.runner;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The local commands' shared options: {@code --port N}, {@code --env-vars FILE}, {@code --template FILE},
 * {@code --parameter-overrides "K=V …"}, other flags, and positional arguments.
 */
record Options(Integer port, Path envVars, Path template, String parameterOverrides, List<String> flags, List<String> positional) {

    /** The options that take a value, and what the value is (for the message when it is missing). */
    private static final Map<String, String> VALUED = Map.of(
            "--port", "a port number (0-65535)",
            "--env-vars", "a file",
            "--template", "a file",
            "--parameter-overrides", "\"Key=Value …\"");

    /**
     * Parses, or prints what is wrong and the usage to {@code err} and returns null.
     *
     * @param allowed the options this command takes (valued ones and flags); any other {@code --option} is refused
     */
    static Options parse(List<String> args, PrintStream err, String usage, int positionalCount, Set<String> allowed) {
        Map<String, String> values = new HashMap<>();
        List<String> flags = new ArrayList<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("-") && a.length() > 1 && !allowed.contains(a)) {
                err.println("unknown option " + a + "\nusage: " + usage);
                return null;
            }
            if (VALUED.containsKey(a)) {
                if (i + 1 >= args.size() || a.equals("--port") && !validPort(args.get(i + 1))) {
                    err.println(a + " needs " + VALUED.get(a) + "\nusage: " + usage);
                    return null;
                }
                values.put(a, args.get(++i));
            } else if (a.startsWith("--")) {
                flags.add(a);
            } else {
                positional.add(a);
            }
        }
        if (positionalCount >= 0 && positional.size() != positionalCount) {
            err.println("usage: " + usage);
            return null;
        }
        return new Options(values.containsKey("--port") ? Integer.valueOf(values.get("--port")) : null,
                values.containsKey("--env-vars") ? Path.of(values.get("--env-vars")) : null,
                values.containsKey("--template") ? Path.of(values.get("--template")) : null,
                values.get("--parameter-overrides"), flags, positional);
    }

    /** What is wrong with a command's first argument when it is not one of its actions ("" when there is none). */
    static String notAnAction(List<String> args) {
        if (args.isEmpty()) {
            return "";
        }
        String first = args.getFirst();
        return first.startsWith("-") ? "unknown option " + first + "\n" : "unknown action '" + first + "'\n";
    }

    private static boolean validPort(String s) {
        return s.matches("\\d{1,5}") && Integer.parseInt(s) <= 65535;
    }
}
