package vn.citizenqa.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.citizenqa.functions.channel.JsonFields;
import vn.citizenqa.functions.dynamo.DynamoDbSettings;
import vn.citizenqa.functions.dynamo.DynamoDbStore;
import vn.citizenqa.functions.dynamo.TableSetup;
import vn.citizenqa.standin.ChannelStandIn;

/**
 * Cold start: a fresh JVM from process start to the first webhook response, as a user runs it
 * ({@code java -jar runner/target/citizen-qa.jar invoke WebhookFunction EVENT --env-vars ENV}), against a
 * channel stand-in on loopback in this process, beside a hello-world JVM (a class compiled here) started the same
 * way in the same rounds. Each round runs every JVM once, so a busy moment weighs on all of them alike; the medians
 * are compared. Every webhook run must answer 200 with its message replied, and the stand-in must have received
 * each reply, or the figure is not reported.
 */
final class ColdStart {

    /** A way of starting the same jar: extra JVM options, and a training run that makes its archive, if any. */
    record Variant(String name, List<String> options, List<String> trainingOptions) {
    }

    record Sample(long toOutputNanos, long toExitNanos, Map<String, Double> steps) {
    }

    private static final Pattern STEP = Pattern.compile("citizenqa\\.init: (\\S+) ([0-9.]+) ms");

    private final Path repo;
    private final Path jar;
    private final Path work;
    private final PrintStream out;
    private final Map<String, String> childEnv = new HashMap<>();
    private final List<String> unsetEnv = new ArrayList<>(List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"));
    private final List<Path> events = new ArrayList<>();
    private int nextEvent;

    ColdStart(Path repo, PrintStream out) throws IOException {
        this.repo = repo.toAbsolutePath().normalize();
        this.jar = this.repo.resolve("runner/target/citizen-qa.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw -q package -DskipTests)");
        }
        this.work = Files.createTempDirectory("citizenqa-cold-");
        this.out = out;
    }

    static List<Variant> variants(Path work, List<String> names) {
        String aot = work.resolve("citizen-qa.aot").toString();
        String cds = work.resolve("citizen-qa.jsa").toString();
        List<Variant> all = List.of(
                new Variant("java -jar", List.of(), null),
                new Variant("java -XX:TieredStopAtLevel=1 -jar", List.of("-XX:TieredStopAtLevel=1"), null),
                new Variant("AppCDS archive", List.of("-XX:SharedArchiveFile=" + cds), List.of("-XX:ArchiveClassesAtExit=" + cds)),
                new Variant("AOT cache", List.of("-XX:AOTCache=" + aot), List.of("-XX:AOTCacheOutput=" + aot)),
                new Variant("AOT cache, C1 only", List.of("-XX:AOTCache=" + aot, "-XX:TieredStopAtLevel=1"),
                        List.of("-XX:AOTCacheOutput=" + aot)));
        Map<String, Variant> byKey = new LinkedHashMap<>();
        byKey.put("default", all.get(0));
        byKey.put("c1", all.get(1));
        byKey.put("cds", all.get(2));
        byKey.put("aot", all.get(3));
        byKey.put("aot-c1", all.get(4));
        List<Variant> chosen = new ArrayList<>();
        for (String n : names) {
            Variant v = byKey.get(n);
            if (v == null) {
                throw new IllegalArgumentException("unknown variant '" + n + "'; known: " + String.join(", ", byKey.keySet()));
            }
            chosen.add(v);
        }
        return chosen;
    }

    void run(int runs, List<String> variantNames, URI dynamoDbEndpoint) throws IOException, InterruptedException {
        List<Variant> variants = variants(work, variantNames);
        Path hello = compileHelloWorld();
        try (ChannelStandIn standIn = ChannelStandIn.start(0, null)) {
            Path env = envFile(standIn, dynamoDbEndpoint);
            prepareEvents(env, runs * variants.size() + 2 * variants.size() + 2);
            int expectedReplies = 0;
            for (Variant v : variants) {
                if (v.trainingOptions() != null && !Files.exists(Path.of(archiveOf(v)))) {
                    appRun(v.trainingOptions(), env);
                    expectedReplies++;
                }
            }
            List<Long> helloOut = new ArrayList<>();
            List<Long> helloExit = new ArrayList<>();
            Map<Variant, List<Sample>> samples = new LinkedHashMap<>();
            variants.forEach(v -> samples.put(v, new ArrayList<>()));
            for (int round = 1; round <= runs; round++) {
                Sample h = helloRun(hello, List.of());
                helloOut.add(h.toOutputNanos());
                helloExit.add(h.toExitNanos());
                for (Variant v : variants) {
                    samples.get(v).add(appRun(v.options(), env));
                    expectedReplies++;
                }
                out.printf(Locale.ROOT, "  round %d/%d done%n", round, runs);
            }
            Map<String, String> classes = new LinkedHashMap<>();
            classes.put("hello", classCount(helloLog -> helloRun(hello, List.of("-Xlog:class+load:file=" + helloLog))));
            for (Variant v : variants) {
                classes.put(v.name(), classCount(log -> {
                    List<String> opts = new ArrayList<>(v.options());
                    opts.add("-Xlog:class+load:file=" + log);
                    return appRun(opts, env);
                }));
                expectedReplies++;
            }
            int replies = standIn.deliveries().size();
            if (replies != expectedReplies) {
                throw new IllegalStateException("the stand-in received " + replies + " replies, expected " + expectedReplies);
            }
            report(runs, dynamoDbEndpoint, helloOut, helloExit, samples, classes);
        } finally {
            deleteWork();
        }
    }

    private String archiveOf(Variant v) {
        String opt = v.trainingOptions().getFirst();
        return opt.substring(opt.indexOf('=') + 1);
    }

    private void report(int runs, URI dynamo, List<Long> helloOut, List<Long> helloExit, Map<Variant, List<Sample>> samples,
                        Map<String, String> classes) {
        long hello = median(helloOut);
        out.println();
        out.printf(Locale.ROOT, "cold start: process start -> first webhook response, median of %d runs (%d cores, load %s)%n", runs,
                Runtime.getRuntime().availableProcessors(), Bench.loadAverage());
        out.printf(Locale.ROOT, "  java -jar runner/target/citizen-qa.jar invoke WebhookFunction events/zalo-text.json (signed, a new "
                + "message id each run); channel stand-in on loopback; store: %s%n", dynamo == null ? "in-process" : "DynamoDB at " + dynamo);
        out.printf(Locale.ROOT, "  %-36s %10s %10s %8s   %s%n", "JVM", "response", "exit", "ratio", "classes loaded (from archive)");
        out.printf(Locale.ROOT, "  %-36s %7.0f ms %7.0f ms %7.1fx   %s%n", "hello world (java -cp DIR Hello)", hello / 1e6,
                median(helloExit) / 1e6, 1.0, classes.get("hello"));
        for (var e : samples.entrySet()) {
            long response = median(e.getValue().stream().map(Sample::toOutputNanos).toList());
            long exit = median(e.getValue().stream().map(Sample::toExitNanos).toList());
            out.printf(Locale.ROOT, "  %-36s %7.0f ms %7.0f ms %7.1fx   %s%n", e.getKey().name(), response / 1e6, exit / 1e6,
                    (double) response / hello, classes.get(e.getKey().name()));
        }
        for (var e : samples.entrySet()) {
            Map<String, List<Double>> steps = new LinkedHashMap<>();
            for (Sample s : e.getValue()) {
                s.steps().forEach((k, v) -> steps.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
            }
            StringBuilder b = new StringBuilder();
            steps.forEach((k, v) -> b.append(String.format(Locale.ROOT, " %s %.0f,", k, medianDouble(v))));
            out.printf(Locale.ROOT, "  steps, ms (%s):%s%n", e.getKey().name(), b.length() == 0 ? "" : b.substring(0, b.length() - 1));
        }
    }

    /** Runs the webhook once in a fresh JVM; its reply must have been sent and the response must say so. */
    private Sample appRun(List<String> options, Path env) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.javaExecutable().toString());
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toString(), "invoke", "WebhookFunction", events.get(nextEvent++).toString(),
                "--env-vars", env.toString()));
        return timed(command);
    }

    private Sample helloRun(Path dir, List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.javaExecutable().toString());
        command.addAll(options);
        command.addAll(List.of("-cp", dir.toString(), "Hello"));
        return timed(command);
    }

    private Sample timed(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile());
        unsetEnv.forEach(pb.environment()::remove);
        pb.environment().putAll(childEnv);
        long start = System.nanoTime();
        Process p = pb.start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        InputStream in = p.getInputStream();
        int first = in.read();
        long firstOutput = System.nanoTime();
        byte[] rest = in.readAllBytes();
        int status = p.waitFor();
        long exit = System.nanoTime();
        String stdout = first < 0 ? "" : (char) first + new String(rest, StandardCharsets.UTF_8);
        String stderr = new String(err.join(), StandardCharsets.UTF_8);
        boolean hello = command.getLast().equals("Hello");
        if (status != 0 || (hello ? !stdout.startsWith("hello") : !(stdout.contains("\"statusCode\": 200") && stdout.contains("\\\"replied\\\":1")))) {
            throw new IllegalStateException("run failed (exit " + status + "): " + String.join(" ", command) + "\n" + stdout + "\n" + stderr);
        }
        Map<String, Double> steps = new LinkedHashMap<>();
        Matcher m = STEP.matcher(stderr);
        while (m.find()) {
            steps.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return new Sample(firstOutput - start, exit - start, steps);
    }

    @FunctionalInterface
    private interface LoggedRun {
        Sample run(Path log) throws IOException, InterruptedException;
    }

    private String classCount(LoggedRun run) throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "classes-", ".log");
        run.run(log);
        List<String> lines = Files.readAllLines(log);
        long archived = lines.stream().filter(l -> l.contains("shared objects file")).count();
        return String.format(Locale.ROOT, "%,d (%,d)", lines.size(), archived);
    }

    private Path compileHelloWorld() throws IOException {
        return BenchInputs.compile(work.resolve("hello"), "Hello", BenchInputs.HELLO_WORLD, null);
    }

    /** events/env.json's function section, its channel URLs pointed at the stand-in (and the store at DynamoDB). */
    private Path envFile(ChannelStandIn standIn, URI dynamo) throws IOException {
        JsonNode root = JsonFields.read(Files.readAllBytes(repo.resolve("events/env.json")));
        ObjectNode fn = (ObjectNode) root.get("WebhookFunction");
        fn.put("GRAPH_API_BASE", standIn.graphApiBase());
        fn.put("ZALO_API_BASE", standIn.zaloApiBase());
        fn.put("ZALO_OAUTH_BASE", standIn.zaloOAuthBase());
        fn.put("PAGES_FILE", repo.resolve(fn.path("PAGES_FILE").asText("events/pages.json")).toString());
        childEnv.put("CITIZENQA_INIT_TIMES", "true");
        if (dynamo != null) {
            String table = "citizenqa-bench";
            fn.put("TABLE_NAME", table);
            fn.put("DYNAMODB_ENDPOINT", dynamo.toString());
            Map<String, String> storeEnv = Map.of("TABLE_NAME", table, "DYNAMODB_ENDPOINT", dynamo.toString());
            DynamoDbSettings settings = DynamoDbSettings.fromEnvironment(storeEnv).orElseThrow();
            TableSetup.ensure(DynamoDbStore.client(settings), table);
        } else {
            // The in-process store, whatever this shell's environment says.
            unsetEnv.add("TABLE_NAME");
        }
        Path env = work.resolve("env.json");
        Files.writeString(env, JsonFields.pretty(root));
        return env;
    }

    /** {@code count} copies of events/zalo-text.json, each with its own message id, signed. */
    private void prepareEvents(Path envFile, int count) throws IOException {
        Map<String, String> env = new HashMap<>();
        JsonFields.read(Files.readAllBytes(envFile)).get("WebhookFunction").properties()
                .forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        events.addAll(BenchInputs.signedZaloTexts(repo, work.resolve("events"), count, env));
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static double medianDouble(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private void deleteWork() throws IOException {
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
