package vn.citizenqa.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.queue.QueueSettings;
import vn.citizenqa.functions.PagesFile;
import vn.citizenqa.functions.channel.JsonFields;
import vn.citizenqa.functions.dynamo.DynamoDbSettings;
import vn.citizenqa.functions.dynamo.DynamoDbStore;
import vn.citizenqa.functions.queue.QueuedMessageJson;
import vn.citizenqa.functions.testsupport.DynamoDbTestServer;
import vn.citizenqa.functions.testsupport.SqsTestServer;
import vn.citizenqa.standin.ChannelStandIn;

/**
 * Cold start as Lambda runs it: each function of the package the Makefile's {@code build-<Function>} targets leave in
 * {@code ARTIFACTS_DIR/lib} started by AWS's runtime interface client in a fresh JVM, polling a local Runtime API
 * ({@link RuntimeApiStandIn}); the webhook gets a signed Zalo text event and is timed to its 200, the worker gets an SQS
 * event holding the same message and is timed to its reply reaching the channel stand-in. Beside them, in the same
 * rounds: a handler of the same package that only answers 200 under the same client (the platform's floor) and a
 * hello-world JVM. Each store mode: the in-process store (the queue on ElasticMQ, which the webhook always needs), and
 * DynamoDB (dynalite) with the queue on ElasticMQ, whose SDK clients are then part of init.
 */
final class LambdaColdStart {

    static final String WEBHOOK = "vn.citizenqa.functions.WebhookHandler::handleRequest";
    static final String WORKER = "vn.citizenqa.functions.WorkerHandler::handleRequest";
    private static final String OK200 = """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

            public class Ok200 implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
                public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
                    return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("ok").build();
                }
            }
            """;
    private static final Pattern JAR = Pattern.compile("(?m)^JAR := (\\S+)$");

    private final Path repo;
    private final Path work;
    private final PrintStream out;
    private final Map<String, List<LambdaRun.Sample>> samples = new LinkedHashMap<>();
    private final Map<String, Long> heaps = new LinkedHashMap<>();
    private final List<Long> hello = new ArrayList<>();
    private int nextMessage;

    LambdaColdStart(Path repo, PrintStream out) throws IOException {
        this.repo = repo.toAbsolutePath().normalize();
        this.work = Files.createTempDirectory("citizenqa-lambda-cold-");
        this.out = out;
    }

    /**
     * @param artifacts a directory {@code make build-WebhookFunction ARTIFACTS_DIR=…} filled, or null to lay the
     *                  package out the same way (the Makefile's jar copied into {@code lib/})
     * @param stores    of {@code in-process}, {@code dynamodb}
     */
    void run(int runs, List<String> stores, boolean snapStart, Path artifacts, Path runtimeLib, boolean initSteps, boolean aotCache)
            throws Exception {
        LambdaEnvironment lambda = new LambdaEnvironment(runtimeLib);
        try (ChannelStandIn channel = ChannelStandIn.start(0, null)) {
            Path task = artifacts != null ? artifacts.toAbsolutePath() : packageAsTheMakefileDoes(work.resolve("task"));
            Path jar = onlyJar(task.resolve("lib"));
            Path floorTask = Files.createDirectories(work.resolve("floor"));
            Files.createDirectories(floorTask.resolve("lib"));
            // Only the jar: the floor opens no index.
            Files.copy(jar, floorTask.resolve("lib").resolve(jar.getFileName()));
            BenchInputs.compile(floorTask, "Ok200", OK200, jar.toString());
            Path helloDir = BenchInputs.compile(work.resolve("hello"), "Hello", BenchInputs.HELLO_WORLD, null);

            Map<String, String> base = BenchInputs.envSection(repo, "WebhookFunction");
            base.put("GRAPH_API_BASE", channel.graphApiBase());
            base.put("ZALO_API_BASE", channel.zaloApiBase());
            base.put("ZALO_OAUTH_BASE", channel.zaloOAuthBase());
            base.put("CONVERSATION_RETENTION_DAYS", "180");
            if (initSteps) {
                base.put("CITIZENQA_INIT_TIMES", "true");
            }
            SqsTestServer sqs = SqsTestServer.get();
            String queueUrl = sqs.createQueue(QueueSettings.DEFAULT).url();
            base.put("SQS_ENDPOINT", sqs.endpoint().toString());
            Map<String, Map<String, String>> storeVariables = new LinkedHashMap<>();
            for (String store : stores) {
                storeVariables.put(store, storeVariables(store, base));
            }
            List<Path> events = BenchInputs.signedZaloTexts(repo, work.resolve("events"), runs * (2 + stores.size()) + stores.size(), base);
            int nextEvent = 0;
            LambdaEnvironment.Function floor = new LambdaEnvironment.Function("ok200", "Ok200::handleRequest", 512, floorTask, Map.of());
            String cached = aotCache ? ", AOT cache" : "";
            LambdaEnvironment.Function cachedFloor = aotCache ? new LambdaEnvironment.Function("ok200", floor.handler(), 512, floorTask,
                    LambdaRun.withAotCache(lambda, floor, work.resolve("ok200.aot"), work)) : null;
            Map<String, LambdaEnvironment.Function> webhooks = new LinkedHashMap<>();
            Map<String, LambdaEnvironment.Function> workers = new LinkedHashMap<>();
            for (String store : stores) {
                Map<String, String> vars = storeVariables.get(store);
                LambdaEnvironment.Function webhook = new LambdaEnvironment.Function("webhook", WEBHOOK, 512, task,
                        LambdaRun.with(vars, Map.of("QUEUE_URL", queueUrl)));
                LambdaEnvironment.Function worker = new LambdaEnvironment.Function("worker", WORKER, 1024, task, vars);
                webhooks.put(store, aotCache ? new LambdaEnvironment.Function("webhook", WEBHOOK, 512, task,
                        LambdaRun.withAotCache(lambda, webhook, work.resolve("webhook-" + store + ".aot"), work)) : webhook);
                workers.put(store, aotCache ? new LambdaEnvironment.Function("worker", WORKER, 1024, task,
                        LambdaRun.withAotCache(lambda, worker, work.resolve("worker-" + store + ".aot"), work)) : worker);
            }
            for (int round = 1; round <= runs; round++) {
                hello.add(helloRun(helloDir));
                record("200-only handler (same package)", LambdaRun.run(lambda, floor, Files.readAllBytes(events.get(nextEvent++)),
                        snapStart, work, null, false));
                if (cachedFloor != null) {
                    record("200-only handler" + cached, LambdaRun.run(lambda, cachedFloor, Files.readAllBytes(events.get(nextEvent++)),
                            snapStart, work, null, false));
                }
                for (String store : stores) {
                    LambdaEnvironment.Function webhook = webhooks.get(store);
                    LambdaRun.Sample w = LambdaRun.run(lambda, webhook, Files.readAllBytes(events.get(nextEvent++)), snapStart, work, null,
                            false);
                    requireQueued(w);
                    record("webhook, " + label(store) + cached, w);
                    LambdaEnvironment.Function worker = workers.get(store);
                    int before = channel.deliveries().size();
                    LongSupplier delivered = () -> {
                        List<Long> at = channel.deliveredAtNanos();
                        return at.size() > before ? at.get(before) : 0;
                    };
                    record("worker, " + label(store) + cached, LambdaRun.run(lambda, worker, sqsEvent(queueUrl), snapStart, work, delivered,
                            false));
                }
                out.printf(Locale.ROOT, "  round %d/%d done%n", round, runs);
            }
            // The heap after init, in runs of their own (jcmd waits on each, so they are not timed).
            for (String store : stores) {
                heaps.put("webhook, " + label(store) + cached, LambdaRun.run(lambda, webhooks.get(store),
                        Files.readAllBytes(events.get(nextEvent++)), snapStart, work, null, true).heapAfterInit());
                heaps.put("worker, " + label(store) + cached, LambdaRun.run(lambda, workers.get(store), sqsEvent(queueUrl), snapStart,
                        work, null, true).heapAfterInit());
            }
            report(runs, stores, snapStart, lambda, runtimeLib, jar);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private Map<String, String> storeVariables(String store, Map<String, String> base) {
        Map<String, String> vars = new LinkedHashMap<>(base);
        switch (store) {
            case "in-process" -> vars.put("PAGES_FILE", repo.resolve("events/pages.json").toString());
            case "dynamodb" -> {
                // As in AWS: the table exists, the pages are registered in it, PAGES_FILE is empty.
                DynamoDbTestServer dynamo = DynamoDbTestServer.get();
                String table = dynamo.createTable();
                DynamoDbSettings settings = dynamo.settings(table);
                PagesFile.register(PagesFile.read(repo.resolve("events/pages.json")),
                        new DynamoDbStore(dynamo.client(), table, Clock.systemUTC(), settings.store()), false);
                vars.put("PAGES_FILE", "");
                vars.put("TABLE_NAME", table);
                vars.put("DYNAMODB_ENDPOINT", dynamo.endpoint().toString());
            }
            default -> throw new IllegalArgumentException("unknown store '" + store + "'; known: in-process, dynamodb");
        }
        return vars;
    }

    private static String label(String store) {
        return store.equals("dynamodb") ? "DynamoDB + SQS" : "in-process store";
    }

    private void record(String name, LambdaRun.Sample s) {
        samples.computeIfAbsent(name, k -> new ArrayList<>()).add(s);
    }

    private static void requireQueued(LambdaRun.Sample s) throws IOException {
        var response = JsonFields.read(s.response());
        var body = JsonFields.read(response.path("body").asText("{}"));
        if (response.path("statusCode").asInt() != 200 || body.path("queued").asInt() != 1) {
            throw new IllegalStateException("the webhook did not queue the message: " + s.response() + "\n" + s.log());
        }
    }

    /** An SQS event of one record holding a citizen's Zalo text, as the webhook queues it. */
    private byte[] sqsEvent(String queueUrl) {
        int n = nextMessage++;
        String run = Long.toString(System.currentTimeMillis(), 36);
        InboundMessage.Text text = new InboundMessage.Text(new ConversationKey(Channel.ZALO, "388613280878808645",
                "bench-citizen-" + run + "-" + n), "bench-worker-" + run + "-" + n, Instant.now(), "Đăng ký tạm trú cần giấy tờ gì?");
        ObjectNode record = JsonFields.newObject();
        record.put("messageId", java.util.UUID.randomUUID().toString()).put("receiptHandle", "bench-receipt-" + n)
                .put("body", QueuedMessageJson.write(text)).put("md5OfBody", "").put("eventSource", "aws:sqs")
                .put("eventSourceARN", "arn:aws:sqs:ap-southeast-1:123456789012:" + queueUrl.substring(queueUrl.lastIndexOf('/') + 1))
                .put("awsRegion", "ap-southeast-1");
        record.putObject("attributes").put("ApproximateReceiveCount", "1").put("SentTimestamp", Long.toString(System.currentTimeMillis()))
                .put("MessageGroupId", "zalo#" + text.from().userId()).put("MessageDeduplicationId", text.messageId())
                .put("SenderId", "AROABENCH").put("ApproximateFirstReceiveTimestamp", Long.toString(System.currentTimeMillis()));
        record.putObject("messageAttributes");
        ObjectNode event = JsonFields.newObject();
        event.putArray("Records").add(record);
        return JsonFields.write(event).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * ARTIFACTS_DIR as {@code make build-<Function>} leaves it, made by the Makefile's own {@code lay-out} target from the
     * jar already built (what {@code build-<Function>} runs after its Maven build).
     */
    private Path packageAsTheMakefileDoes(Path artifacts) throws IOException, InterruptedException {
        Matcher m = JAR.matcher(Files.readString(repo.resolve("Makefile")));
        if (!m.find() || !Files.isRegularFile(repo.resolve(m.group(1)))) {
            throw new IllegalStateException("the Makefile's jar is missing: build it first (./mvnw -q package -DskipTests)");
        }
        ProcessBuilder make = new ProcessBuilder("make", "-s", "lay-out", "ARTIFACTS_DIR=" + artifacts.toAbsolutePath())
                .directory(repo.toFile()).redirectErrorStream(true);
        make.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = make.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("make lay-out failed:\n" + output);
        }
        return artifacts;
    }

    private static Path onlyJar(Path lib) throws IOException {
        try (Stream<Path> files = Files.list(lib)) {
            List<Path> jars = files.filter(p -> p.toString().endsWith(".jar")).toList();
            if (jars.size() != 1) {
                throw new IllegalStateException(lib + " should hold the one jar the Makefile copies, not " + jars);
            }
            return jars.getFirst();
        }
    }

    private long helloRun(Path dir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.javaExecutable().toString(), "-XX:+UseSerialGC", "-cp", dir.toString(), "Hello");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        long start = System.nanoTime();
        Process p = pb.redirectErrorStream(true).start();
        try (InputStream in = p.getInputStream()) {
            if (in.read() != 'h') {
                throw new IllegalStateException("the hello world printed nothing");
            }
            long at = System.nanoTime() - start;
            in.readAllBytes();
            p.waitFor();
            return at;
        }
    }

    private void report(int runs, List<String> stores, boolean snapStart, LambdaEnvironment lambda, Path runtimeLib, Path jar)
            throws IOException {
        long floor = ColdStart.median(LambdaRun.values(samples.get("200-only handler (same package)"), LambdaRun.Sample::responseNanos));
        out.println();
        out.printf(Locale.ROOT, "lambda cold start: process start -> first response under AWS's runtime interface client (%s), "
                + "%d runs each, interleaved in the same rounds (%d cores, load %s)%n", runtimeClient(runtimeLib), runs,
                Runtime.getRuntime().availableProcessors(), Bench.loadAverage());
        out.printf(Locale.ROOT, "  package: %s (%.1f MB); JVM: %s%s%n", jar.getFileName(), Files.size(jar) / 1e6,
                String.join(" ", lambda.command(new LambdaEnvironment.Function("f", "H", 512, work, Map.of()), snapStart, List.of()))
                        .replace(runtimeLib.toAbsolutePath().toString(), "RUNTIME_LIB"), snapStart ? " (SnapStart: init, then the "
                        + "runtime's beforeCheckpoint hooks, then restore/next, afterRestore, the first event)" : "");
        out.printf(Locale.ROOT, "  %-38s %22s %16s %10s%n", "", "first response", "init", "ratio");
        out.printf(Locale.ROOT, "  %-38s %22s %16s %9.2fx%n", "hello world (java -cp DIR Hello)", spread(hello), "", (double) ColdStart.median(hello) / floor);
        for (var e : samples.entrySet()) {
            List<Long> response = LambdaRun.values(e.getValue(), LambdaRun.Sample::responseNanos);
            List<Long> init = LambdaRun.values(e.getValue(), LambdaRun.Sample::initNanos);
            out.printf(Locale.ROOT, "  %-38s %22s %13.0f ms %9.2fx%n", e.getKey(), spread(response), ColdStart.median(init) / 1e6,
                    (double) ColdStart.median(response) / floor);
        }
        for (var e : samples.entrySet()) {
            Map<String, List<Long>> steps = new LinkedHashMap<>();
            e.getValue().forEach(s -> s.steps().forEach((k, v) -> steps.computeIfAbsent(k, x -> new ArrayList<>()).add(v)));
            if (!steps.isEmpty()) {
                StringBuilder b = new StringBuilder();
                steps.forEach((k, v) -> b.append(String.format(Locale.ROOT, " %s %.0f,", k, ColdStart.median(v) / 1e6)));
                out.printf(Locale.ROOT, "  init steps, ms (%s):%s%n", e.getKey(), b.substring(0, b.length() - 1));
            }
        }
        out.println("  (first response: median and range; for the worker, until its reply reached the channel stand-in; "
                + "init: process start to the first invocation/next; ratio: to the 200-only handler's median)");
        StringBuilder heap = new StringBuilder();
        heaps.forEach((k, v) -> heap.append(String.format(Locale.ROOT, "%s %.1f MB; ", k, v / 1e6)));
        out.printf(Locale.ROOT, "  heap in use after init (a full GC, before the first event): %s%n", heap);
        if (snapStart) {
            for (var e : samples.entrySet()) {
                out.printf(Locale.ROOT, "  %s: restore/next at %.0f ms (median); priming logged: %s%n", e.getKey(),
                        ColdStart.median(LambdaRun.values(e.getValue(), LambdaRun.Sample::restoreNanos)) / 1e6,
                        e.getValue().stream().allMatch(s -> s.log().contains("primed for the snapshot")) ? "every run" : "not in every run");
            }
        }
    }

    private static String spread(List<Long> nanos) {
        long min = nanos.stream().mapToLong(Long::longValue).min().orElse(0);
        long max = nanos.stream().mapToLong(Long::longValue).max().orElse(0);
        return String.format(Locale.ROOT, "%.0f ms (%.0f-%.0f)", ColdStart.median(nanos) / 1e6, min / 1e6, max / 1e6);
    }

    private static String runtimeClient(Path runtimeLib) throws IOException {
        try (Stream<Path> files = Files.list(runtimeLib)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("aws-lambda-java-runtime-interface-client"))
                    .findFirst().orElse("?").replace(".jar", "");
        }
    }
}
