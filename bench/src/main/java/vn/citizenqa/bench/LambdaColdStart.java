package vn.citizenqa.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import vn.citizenqa.core.queue.QueueSettings;
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
    /**
     * The floor of a function that calls AWS over HTTPS: the 200-only handler after one HTTPS request (to the SQS relay,
     * whatever it answers), so that the JDK's TLS set-up and one handshake are in the floor too, as they are in every
     * function's first request on AWS.
     */
    private static final String OK200_HTTPS = """
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
            import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

            public class Ok200Https implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
                public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
                    try {
                        java.net.HttpURLConnection c = (java.net.HttpURLConnection) java.net.URI.create(System.getenv("FLOOR_HTTPS_URL"))
                                .toURL().openConnection();
                        c.setRequestMethod("POST");
                        c.setDoOutput(true);
                        c.setRequestProperty("Content-Type", "application/x-amz-json-1.0");
                        try (java.io.OutputStream out = c.getOutputStream()) {
                            out.write(new byte[] {'{', '}'});
                        }
                        int status = c.getResponseCode();
                        try (java.io.InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                            if (in != null) {
                                in.readAllBytes();
                            }
                        }
                        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("ok " + status).build();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
            """;
    static final String FLOOR = "200-only handler (same package)";
    static final String FLOOR_HTTPS = "200-only handler, one HTTPS call";

    private final Path repo;
    private final Path work;
    private final PrintStream out;
    private final Map<String, List<LambdaRun.Sample>> samples = new LinkedHashMap<>();
    private final Map<String, Long> heaps = new LinkedHashMap<>();
    private final List<Long> hello = new ArrayList<>();

    LambdaColdStart(Path repo, PrintStream out) throws IOException {
        this.repo = repo.toAbsolutePath().normalize();
        this.work = Files.createTempDirectory("citizenqa-lambda-cold-");
        this.out = out;
    }

    /**
     * What to run.
     *
     * @param artifacts  a directory {@code make build-WebhookFunction ARTIFACTS_DIR=…} filled, or null to lay the package
     *                   out the same way (the Makefile's jar copied into {@code lib/})
     * @param stores     of {@code in-process}, {@code dynamodb}
     * @param tls        the functions reach DynamoDB and SQS over HTTPS (relays before dynalite and ElasticMQ), as on AWS
     * @param compareSdk each function also with {@code CITIZENQA_AWS_CLIENT=sdk} (the SDK's clients), in the same rounds
     */
    record Options(int runs, List<String> stores, boolean snapStart, Path artifacts, Path runtimeLib, boolean initSteps,
                   boolean aotCache, boolean tls, boolean compareSdk, boolean compareTlsWarmUp) {
    }

    void run(Options o) throws Exception {
        LambdaEnvironment lambda = new LambdaEnvironment(o.runtimeLib());
        boolean snapStart = o.snapStart();
        try (ChannelStandIn channel = ChannelStandIn.start(0, null);
             LambdaInputs inputs = new LambdaInputs(repo, o.tls() ? HttpsRelay.certificate(work.resolve("tls")) : null)) {
            Path task = o.artifacts() != null ? o.artifacts().toAbsolutePath() : inputs.packageAsTheMakefileDoes(work.resolve("task"));
            Path jar = LambdaInputs.onlyJar(task.resolve("lib"));
            Path floorTask = Files.createDirectories(work.resolve("floor"));
            Files.createDirectories(floorTask.resolve("lib"));
            // Only the jar: the floor opens no index.
            Files.copy(jar, floorTask.resolve("lib").resolve(jar.getFileName()));
            BenchInputs.compile(floorTask, "Ok200", OK200, jar.toString());
            BenchInputs.compile(floorTask, "Ok200Https", OK200_HTTPS, jar.toString());
            Path helloDir = BenchInputs.compile(work.resolve("hello"), "Hello", BenchInputs.HELLO_WORLD, null);

            Map<String, String> base = BenchInputs.envSection(repo, "WebhookFunction");
            base.put("GRAPH_API_BASE", channel.graphApiBase());
            base.put("ZALO_API_BASE", channel.zaloApiBase());
            base.put("ZALO_OAUTH_BASE", channel.zaloOAuthBase());
            base.put("CONVERSATION_RETENTION_DAYS", "180");
            if (o.initSteps()) {
                base.put("CITIZENQA_INIT_TIMES", "true");
            }
            base.putAll(inputs.awsCallerVariables());
            SqsTestServer sqs = SqsTestServer.get();
            String queueUrl = sqs.createQueue(QueueSettings.DEFAULT).url();
            base.put("SQS_ENDPOINT", inputs.reach(sqs.endpoint()));
            List<Map<String, String>> clients = new ArrayList<>(List.of(Map.of()));
            if (o.compareSdk()) {
                clients.add(Map.of("CITIZENQA_AWS_CLIENT", "sdk"));
            }
            if (o.compareTlsWarmUp()) {
                clients.add(Map.of("CITIZENQA_TLS_WARM_UP", "false"));
            }
            String suffix = (o.tls() ? ", HTTPS" : "") + (o.aotCache() ? ", AOT cache" : "");
            Map<String, LambdaEnvironment.Function> webhooks = new LinkedHashMap<>();
            Map<String, LambdaEnvironment.Function> workers = new LinkedHashMap<>();
            for (String store : o.stores()) {
                Map<String, String> storeVars = inputs.storeVariables(store, base);
                for (Map<String, String> client : clients) {
                    String name = label(store) + (client.containsKey("CITIZENQA_AWS_CLIENT") ? ", SDK clients" : "")
                            + (client.containsKey("CITIZENQA_TLS_WARM_UP") ? ", no TLS warm-up" : "") + suffix;
                    Map<String, String> vars = LambdaRun.with(storeVars, client);
                    LambdaEnvironment.Function webhook = new LambdaEnvironment.Function("webhook", WEBHOOK, 512, task,
                            LambdaRun.with(vars, Map.of("QUEUE_URL", queueUrl)));
                    LambdaEnvironment.Function worker = new LambdaEnvironment.Function("worker", WORKER, 1024, task, vars);
                    webhooks.put("webhook, " + name, o.aotCache() ? new LambdaEnvironment.Function("webhook", WEBHOOK, 512, task,
                            LambdaRun.withAotCache(lambda, webhook, work.resolve("webhook-" + webhooks.size() + ".aot"), work)) : webhook);
                    workers.put("worker, " + name, o.aotCache() ? new LambdaEnvironment.Function("worker", WORKER, 1024, task,
                            LambdaRun.withAotCache(lambda, worker, work.resolve("worker-" + workers.size() + ".aot"), work)) : worker);
                }
            }
            List<Path> events = BenchInputs.signedZaloTexts(repo, work.resolve("events"), o.runs() * (3 + webhooks.size()) + webhooks.size(),
                    base);
            int nextEvent = 0;
            LambdaEnvironment.Function floor = new LambdaEnvironment.Function("ok200", "Ok200::handleRequest", 512, floorTask, Map.of());
            LambdaEnvironment.Function httpsFloor = o.tls() ? new LambdaEnvironment.Function("ok200https", "Ok200Https::handleRequest", 512,
                    floorTask, LambdaRun.with(inputs.awsCallerVariables(), Map.of("FLOOR_HTTPS_URL", base.get("SQS_ENDPOINT")))) : null;
            LambdaEnvironment.Function cachedFloor = o.aotCache() ? new LambdaEnvironment.Function("ok200", floor.handler(), 512, floorTask,
                    LambdaRun.withAotCache(lambda, floor, work.resolve("ok200.aot"), work)) : null;
            List<String> webhookNames = new ArrayList<>(webhooks.keySet());
            List<String> workerNames = new ArrayList<>(workers.keySet());
            for (int round = 1; round <= o.runs(); round++) {
                hello.add(LambdaInputs.helloRun(helloDir));
                record(FLOOR, LambdaRun.run(lambda, floor, Files.readAllBytes(events.get(nextEvent++)), snapStart, work, null, false));
                if (httpsFloor != null) {
                    record(FLOOR_HTTPS, LambdaRun.run(lambda, httpsFloor, Files.readAllBytes(events.get(nextEvent++)), snapStart, work,
                            null, false));
                }
                if (cachedFloor != null) {
                    record("200-only handler, AOT cache", LambdaRun.run(lambda, cachedFloor, Files.readAllBytes(events.get(nextEvent++)),
                            snapStart, work, null, false));
                }
                for (int i = 0; i < webhookNames.size(); i++) {
                    LambdaRun.Sample w = LambdaRun.run(lambda, webhooks.get(webhookNames.get(i)), Files.readAllBytes(events.get(nextEvent++)),
                            snapStart, work, null, false);
                    LambdaInputs.requireQueued(w);
                    record(webhookNames.get(i), w);
                    int before = channel.deliveries().size();
                    LongSupplier delivered = () -> {
                        List<Long> at = channel.deliveredAtNanos();
                        return at.size() > before ? at.get(before) : 0;
                    };
                    record(workerNames.get(i), LambdaRun.run(lambda, workers.get(workerNames.get(i)), inputs.sqsEvent(queueUrl), snapStart,
                            work, delivered, false));
                }
                out.printf(Locale.ROOT, "  round %d/%d done%n", round, o.runs());
            }
            // The heap after init, in runs of their own (jcmd waits on each, so they are not timed).
            for (int i = 0; i < webhookNames.size(); i++) {
                heaps.put(webhookNames.get(i), LambdaRun.run(lambda, webhooks.get(webhookNames.get(i)),
                        Files.readAllBytes(events.get(nextEvent++)), snapStart, work, null, true).heapAfterInit());
                heaps.put(workerNames.get(i), LambdaRun.run(lambda, workers.get(workerNames.get(i)), inputs.sqsEvent(queueUrl), snapStart,
                        work, null, true).heapAfterInit());
            }
            report(o.runs(), snapStart, lambda, o.runtimeLib(), jar);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String label(String store) {
        return store.equals("dynamodb") ? "DynamoDB + SQS" : "in-process store";
    }

    private void record(String name, LambdaRun.Sample s) {
        samples.computeIfAbsent(name, k -> new ArrayList<>()).add(s);
    }

    private void report(int runs, boolean snapStart, LambdaEnvironment lambda, Path runtimeLib, Path jar)
            throws IOException {
        long floor = ColdStart.median(LambdaRun.values(samples.get(FLOOR), LambdaRun.Sample::responseNanos));
        long httpsFloor = samples.containsKey(FLOOR_HTTPS)
                ? ColdStart.median(LambdaRun.values(samples.get(FLOOR_HTTPS), LambdaRun.Sample::responseNanos)) : 0;
        out.println();
        out.printf(Locale.ROOT, "lambda cold start: process start -> first response under AWS's runtime interface client (%s), "
                + "%d runs each, interleaved in the same rounds (%d cores, load %s)%n", runtimeClient(runtimeLib), runs,
                Runtime.getRuntime().availableProcessors(), Bench.loadAverage());
        out.printf(Locale.ROOT, "  package: %s (%.1f MB); JVM: %s%s%n", jar.getFileName(), Files.size(jar) / 1e6,
                String.join(" ", lambda.command(new LambdaEnvironment.Function("f", "H", 512, work, Map.of()), snapStart, List.of()))
                        .replace(runtimeLib.toAbsolutePath().toString(), "RUNTIME_LIB"), snapStart ? " (SnapStart: init, then the "
                        + "runtime's beforeCheckpoint hooks, then restore/next, afterRestore, the first event)" : "");
        long floorCpu = ColdStart.median(LambdaRun.values(samples.get(FLOOR), LambdaRun.Sample::cpuNanos));
        long httpsFloorCpu = samples.containsKey(FLOOR_HTTPS)
                ? ColdStart.median(LambdaRun.values(samples.get(FLOOR_HTTPS), LambdaRun.Sample::cpuNanos)) : 0;
        out.printf(Locale.ROOT, "  %-52s %22s %16s %10s%s%n", "", "first response", "init", "ratio", httpsFloor > 0 ? "  to the HTTPS floor" : "");
        out.printf(Locale.ROOT, "  %-52s %22s %16s %9.2fx%n", "hello world (java -cp DIR Hello)", spread(hello), "", (double) ColdStart.median(hello) / floor);
        for (var e : samples.entrySet()) {
            List<Long> response = LambdaRun.values(e.getValue(), LambdaRun.Sample::responseNanos);
            List<Long> init = LambdaRun.values(e.getValue(), LambdaRun.Sample::initNanos);
            out.printf(Locale.ROOT, "  %-52s %22s %13.0f ms %9.2fx%s%n", e.getKey(), spread(response), ColdStart.median(init) / 1e6,
                    (double) ColdStart.median(response) / floor, httpsFloor > 0
                            ? String.format(Locale.ROOT, " %9.2fx", (double) ColdStart.median(response) / httpsFloor) : "");
        }
        out.printf(Locale.ROOT, "  CPU time to the first response (user + system, all threads; median and range, ratio to the 200-only "
                + "handler's%s):%n", httpsFloorCpu > 0 ? ", then to the HTTPS floor's" : "");
        for (var e : samples.entrySet()) {
            List<Long> cpu = LambdaRun.values(e.getValue(), LambdaRun.Sample::cpuNanos);
            out.printf(Locale.ROOT, "  %-52s %22s %9.2fx%s%n", e.getKey(), spread(cpu), (double) ColdStart.median(cpu) / floorCpu,
                    httpsFloorCpu > 0 ? String.format(Locale.ROOT, " %9.2fx", (double) ColdStart.median(cpu) / httpsFloorCpu) : "");
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
                + "init: process start to the first invocation/next; ratio: to the 200-only handler's median; to the HTTPS floor: "
                + "to the median of the 200-only handler that first makes one HTTPS call)");
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
