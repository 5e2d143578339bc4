package vn.citizenqa.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code citizen-qa serve --port 0} as its own JVM, on the test's class path. */
final class ServeProcess implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("serving on http://127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final StringBuilder output = new StringBuilder();
    private final int port;

    private ServeProcess(Path envFile) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", classPath, "vn.citizenqa.runner.CitizenQa",
                "serve", "--port", "0", "--env-vars", envFile.toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        CompletableFuture<Integer> serving = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                for (String line; (line = lines.readLine()) != null; ) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) {
                        serving.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                // The process ended.
            }
            serving.completeExceptionally(new IllegalStateException("serve exited before serving:\n" + output()));
        });
        port = serving.get(60, TimeUnit.SECONDS);
    }

    static ServeProcess start(Path envFile) throws Exception {
        return new ServeProcess(envFile);
    }

    int port() {
        return port;
    }

    String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    /** Kills the process at once (SIGKILL): no shutdown hook runs, nothing in flight is finished. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
