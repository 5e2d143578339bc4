package vn.citizenqa.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import vn.citizenqa.functions.WebhookSettings;

/**
 * {@code sign-events [DIR] [--env-vars FILE] [--check]}: (re)signs the sample events (default {@code events/},
 * secrets from {@code events/env.json}); {@code --check} only lists stale ones and fails if there are any.
 */
public final class SignEventsCommand {

    static final String USAGE = "sign-events [DIR] [--env-vars FILE] [--check]";

    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        Options options = Options.parse(args, err, USAGE, -1, Set.of("--env-vars", "--check"));
        if (options == null || options.positional().size() > 1 || options.flags().stream().anyMatch(f -> !f.equals("--check"))) {
            if (options != null) {
                err.println("usage: " + USAGE);
            }
            return 2;
        }
        Path dir = Path.of(options.positional().isEmpty() ? "events" : options.positional().getFirst());
        Path envVars = options.envVars() != null ? options.envVars() : dir.resolve("env.json");
        if (!Files.isDirectory(dir) || !Files.isRegularFile(envVars)) {
            err.println("need the events directory and its env file: " + dir + ", " + envVars);
            return 2;
        }
        boolean check = options.flags().contains("--check");
        List<Path> changed;
        try {
            changed = new EventSigning(WebhookSettings.from(EnvVars.forFunction(envVars, "WebhookFunction"))).sign(dir, !check);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        for (Path p : changed) {
            out.println((check ? "stale: " : "signed: ") + p);
        }
        out.println(changed.isEmpty() ? "every event is signed as it should be" : changed.size() + (check ? " stale" : " re-signed"));
        return check && !changed.isEmpty() ? 1 : 0;
    }
}
