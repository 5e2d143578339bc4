package vn.citizenqa.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.functions.PagesFile;
import vn.citizenqa.functions.channel.JsonFields;
import vn.citizenqa.functions.dynamo.DynamoDbSettings;
import vn.citizenqa.functions.dynamo.DynamoDbStore;
import vn.citizenqa.functions.queue.QueuedMessageJson;
import vn.citizenqa.functions.testsupport.DynamoDbTestServer;

/**
 * What {@link LambdaColdStart} gives the functions: the package as the Makefile lays it out, each store mode's variables
 * (over HTTPS relays when asked), the SQS events for the worker; and what it checks of their answers.
 */
final class LambdaInputs implements AutoCloseable {

    private static final Pattern JAR = Pattern.compile("(?m)^JAR := (\\S+)$");

    private final Path repo;
    private final HttpsRelay.Certificate tls;
    private final List<HttpsRelay> relays = new ArrayList<>();
    private int nextMessage;

    /** @param tls null for plain HTTP to the local servers; else the certificate of the HTTPS relays put before them */
    LambdaInputs(Path repo, HttpsRelay.Certificate tls) {
        this.repo = repo;
        this.tls = tls;
    }

    /** {@code endpoint} as the functions reach it: itself, or an HTTPS relay to it. */
    String reach(java.net.URI endpoint) throws IOException {
        if (tls == null) {
            return endpoint.toString();
        }
        HttpsRelay relay = HttpsRelay.start(endpoint, tls);
        relays.add(relay);
        return relay.endpoint().toString();
    }

    /** The variables a function that reaches AWS needs beyond its own: the trust store of the relays, when there are any. */
    Map<String, String> awsCallerVariables() {
        return tls == null ? Map.of() : Map.of("JAVA_TOOL_OPTIONS", tls.trustOptions());
    }

    Map<String, String> storeVariables(String store, Map<String, String> base) throws IOException {
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
                vars.put("DYNAMODB_ENDPOINT", reach(dynamo.endpoint()));
            }
            default -> throw new IllegalArgumentException("unknown store '" + store + "'; known: in-process, dynamodb");
        }
        return vars;
    }

    static void requireQueued(LambdaRun.Sample s) throws IOException {
        var response = JsonFields.read(s.response());
        var body = JsonFields.read(response.path("body").asText("{}"));
        if (response.path("statusCode").asInt() != 200 || body.path("queued").asInt() != 1) {
            throw new IllegalStateException("the webhook did not queue the message: " + s.response() + "\n" + s.log());
        }
    }

    /** An SQS event of one record holding a citizen's Zalo text, as the webhook queues it. */
    byte[] sqsEvent(String queueUrl) {
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
    Path packageAsTheMakefileDoes(Path artifacts) throws IOException, InterruptedException {
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

    static Path onlyJar(Path lib) throws IOException {
        try (Stream<Path> files = Files.list(lib)) {
            List<Path> jars = files.filter(p -> p.toString().endsWith(".jar")).toList();
            if (jars.size() != 1) {
                throw new IllegalStateException(lib + " should hold the one jar the Makefile copies, not " + jars);
            }
            return jars.getFirst();
        }
    }

    static long helloRun(Path dir) throws IOException, InterruptedException {
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

    @Override
    public void close() {
        relays.forEach(HttpsRelay::close);
    }
}
