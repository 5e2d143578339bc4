package vn.citizenqa.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One cold start of a function under the runtime interface client: a fresh JVM, its own Runtime API stand-in, one
 * event. Timed from just before the process is started to the first response the function posts (or, for the worker,
 * to the reply reaching the channel stand-in), with init (process start to the first {@code invocation/next}) apart.
 * The process is ended after it answers, as Lambda would freeze it; its output is kept in a log file shown on failure.
 */
final class LambdaRun {

    /** What one cold start took, in nanoseconds; heap in use after init in bytes, -1 when not measured. */
    record Sample(long initNanos, long responseNanos, long restoreNanos, long heapAfterInit, String response, String log,
                  Map<String, Long> steps, long cpuNanos) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** A line of {@code CITIZENQA_INIT_TIMES=true}: {@code citizenqa.init: STEP N ms}, as a JSON log line. */
    private static final Pattern STEP = Pattern.compile("\"message\":\"([a-z-]+) ([0-9.]+) ms\"");
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

    private LambdaRun() {
    }

    /**
     * Starts the function, hands it {@code event} and waits for its response.
     *
     * @param delivered when not null, when the function's reply reached the channel (0 while it has not): the figure
     *                  taken instead of the response
     * @param heap      whether to hold the event until init is done and read the heap in use after a full GC first
     */
    static Sample run(LambdaEnvironment lambda, LambdaEnvironment.Function f, byte[] event, boolean snapStart, Path logDir,
                      LongSupplier delivered, boolean heap) throws IOException, InterruptedException {
        try (RuntimeApiStandIn api = RuntimeApiStandIn.start()) {
            String requestId = UUID.randomUUID().toString();
            RuntimeApiStandIn.Invocation invocation = new RuntimeApiStandIn.Invocation(requestId, event,
                    System.currentTimeMillis() + 60_000, "arn:aws:lambda:ap-southeast-1:123456789012:function:citizen-qa-" + f.name(),
                    "Root=1-674d0000-" + requestId.replace("-", "").substring(0, 24) + ";Parent=53995c3f42cd8ad8;Sampled=0");
            if (!heap) {
                api.offer(invocation);
            }
            List<String> command = new ArrayList<>(lambda.command(f, snapStart, functionJvmOptions()));
            if (f.variables().getOrDefault("JAVA_TOOL_OPTIONS", "").contains("-XX:AOTCache=")) {
                command.remove("-Xshare:auto"); // JDK 25 refuses an AOT cache beside an explicit -Xshare option
            }
            ProcessBuilder pb = new ProcessBuilder(command).directory(f.taskRoot().toFile());
            pb.environment().clear();
            pb.environment().putAll(LambdaEnvironment.variables(f, api.address(), snapStart));
            Path log = Files.createTempFile(logDir, f.name() + "-", ".log");
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
            long start = System.nanoTime();
            Process p = pb.start();
            try {
                long heapBytes = -1;
                if (heap) {
                    awaitInit(api, p, log);
                    heapBytes = heapInUse(p.pid());
                    api.offer(invocation);
                }
                RuntimeApiStandIn.Outcome outcome;
                try {
                    outcome = api.await(requestId, TIMEOUT);
                } catch (TimeoutException e) {
                    throw failed(f, "no response within " + TIMEOUT.toSeconds() + " s", log);
                }
                if (outcome.requestId() == null || outcome.error()) {
                    throw failed(f, (outcome.requestId() == null ? "init failed: " : "the invocation failed: ") + outcome.errorType()
                            + " " + outcome.body(), log);
                }
                long end = outcome.atNanos();
                if (delivered != null) {
                    long at = awaitDelivery(delivered);
                    if (at == 0) {
                        throw failed(f, "answered " + outcome.body() + " but no reply reached the channel", log);
                    }
                    end = at;
                }
                long cpu = cpuNanos(p.pid());
                Long init = api.firstNextAtNanos();
                Long restore = api.restoreNextAtNanos();
                String output = Files.readString(log);
                Map<String, Long> steps = new java.util.LinkedHashMap<>();
                output.lines().filter(l -> l.contains("citizenqa.init")).forEach(l -> {
                    Matcher m = STEP.matcher(l);
                    if (m.find()) {
                        steps.put(m.group(1), (long) (Double.parseDouble(m.group(2)) * 1e6));
                    }
                });
                return new Sample(init - start, end - start, restore == null ? -1 : restore - start, heapBytes, outcome.body(), output, steps,
                        cpu);
            } finally {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                Files.deleteIfExists(log);
            }
        }
    }

    /**
     * JVM options to add to every function's command, for taking a cold start apart (not for figures):
     * {@code -Dcitizenqa.bench.functionJvmOptions="-Xlog:class+load:file=/tmp/cl-%p.log"}, split at spaces.
     */
    private static List<String> functionJvmOptions() {
        String options = System.getProperty("citizenqa.bench.functionJvmOptions", "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split(" +"));
    }

    /**
     * The CPU time (user and system, all threads) the process has used so far, from {@code /proc/PID/stat} (in clock
     * ticks of 10 ms), read as soon as the response is seen: unlike the wall clock, it does not grow while the process
     * waits for a core that other builds hold, and it is what a function's share of a CPU pays on Lambda. -1 off Linux.
     */
    static long cpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After the command: state is field 3, utime 14 and stime 15 (1-based) of the whole line.
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void awaitInit(RuntimeApiStandIn api, Process p, Path log) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (api.firstNextAtNanos() == null) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the function never asked for an event:\n" + Files.readString(log));
            }
            Thread.sleep(5);
        }
    }

    private static long awaitDelivery(LongSupplier delivered) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long at;
        while ((at = delivered.getAsLong()) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        return at;
    }

    /** The heap in use after a full collection, as {@code jcmd} reads it from the running function. */
    private static long heapInUse(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher m = HEAP_USED.matcher(info);
        long kb = 0;
        while (m.find()) {
            kb += Long.parseLong(m.group(1));
        }
        if (kb == 0) {
            throw new IllegalStateException("cannot read the heap from jcmd GC.heap_info:\n" + info);
        }
        return kb * 1024;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static IllegalStateException failed(LambdaEnvironment.Function f, String what, Path log) throws IOException {
        return new IllegalStateException(f.name() + " (" + f.handler() + "): " + what + "\n--- its output:\n" + Files.readString(log));
    }

    /**
     * Trains a JDK AOT cache of the function's init, as a build step in Lambda's own image could: the function starts
     * with {@code -XX:AOTCacheOutput}, inits, finds no Runtime API at a closed port, exits, and the JVM writes the cache.
     * The cache is then given to the measured runs as Lambda would be told, {@code JAVA_TOOL_OPTIONS=-XX:AOTCache=FILE}.
     */
    static Map<String, String> withAotCache(LambdaEnvironment lambda, LambdaEnvironment.Function f, Path cache, Path logDir)
            throws IOException, InterruptedException {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(lambda.command(f, false, List.of("-XX:AOTCacheOutput=" + cache)));
        command.remove("-Xshare:auto"); // the JVM refuses it beside -XX:AOTCacheOutput (it is only the default anyway)
        ProcessBuilder pb = new ProcessBuilder(command).directory(f.taskRoot().toFile());
        pb.environment().clear();
        pb.environment().putAll(LambdaEnvironment.variables(f, "127.0.0.1:" + closed, false));
        Path log = Files.createTempFile(logDir, f.name() + "-aot-", ".log");
        Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS) || !Files.isRegularFile(cache)) {
            p.destroyForcibly();
            throw failed(f, "no AOT cache written by the training run", log);
        }
        Files.deleteIfExists(log);
        return with(f.variables(), Map.of("JAVA_TOOL_OPTIONS", "-XX:AOTCache=" + cache));
    }

    /** The function's variables with {@code more} added. */
    static Map<String, String> with(Map<String, String> variables, Map<String, String> more) {
        Map<String, String> all = new java.util.LinkedHashMap<>(variables);
        all.putAll(more);
        return all;
    }

    static List<Long> values(List<Sample> samples, java.util.function.ToLongFunction<Sample> f) {
        List<Long> out = new ArrayList<>();
        samples.forEach(s -> out.add(f.applyAsLong(s)));
        return out;
    }
}
