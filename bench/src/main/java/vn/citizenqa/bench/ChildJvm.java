package vn.citizenqa.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one measurement in a fresh JVM with the bench's own class path, so that each figure starts from the same
 * state (no JIT or heap left over from another) and heap figures are the measured thing's alone. The child
 * prints {@code RESULT name value} lines; anything else it prints passes through.
 */
final class ChildJvm {

    static final String RESULT = "RESULT ";

    private ChildJvm() {
    }

    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** Runs {@code Bench mode args...} in a child JVM and returns its results by name, in order. */
    static Map<String, String> run(List<String> jvmOptions, String mode, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Bench.class.getName());
        command.add(mode);
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, String> results = new LinkedHashMap<>();
        List<String> other = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith(RESULT)) {
                    String[] kv = line.substring(RESULT.length()).split(" ", 2);
                    results.put(kv[0], kv.length > 1 ? kv[1] : "");
                } else {
                    other.add(line);
                }
            }
        }
        int status = p.waitFor();
        if (status != 0) {
            throw new IllegalStateException(mode + " failed (exit " + status + "):\n" + String.join("\n", other));
        }
        return results;
    }

    /** In a child: one result for the parent. */
    static void result(String name, Object value) {
        System.out.println(RESULT + name + " " + value);
    }
}
