package vn.citizenqa.functions.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.queue.QueueUnavailableException;
import vn.citizenqa.core.store.StoreSettings;
import vn.citizenqa.core.store.StoreUnavailableException;
import vn.citizenqa.functions.dynamo.DynamoDbStore;
import vn.citizenqa.functions.queue.SqsMessageQueue;

/**
 * The clients over the JDK's URL connection where dynalite and ElasticMQ cannot show them: their signature is the
 * SDK's own, server errors and damaged bodies are retried, a connection lost mid-call is "unavailable", an MD5 that
 * does not match is not a send, and a SnapStart function's container credentials sign the calls.
 */
class AwsOverHttpTest {

    private static final AwsKeys SESSION = new AwsKeys("ASIAEXAMPLE", "example-secret", "example-session-token", null);
    private final List<HttpServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    record Seen(Headers headers, byte[] body) {
    }

    /** A stand-in answering each request with what {@code answer} gives for the request's number (from 1). */
    private URI standIn(List<Seen> seen, Function<Integer, Reply> answer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            seen.add(new Seen(exchange.getRequestHeaders(), body));
            Reply r = answer.apply(seen.size());
            byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            r.headers().forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(r.status(), out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    record Reply(int status, String body, Map<String, String> headers) {
        static Reply ok(String body) {
            return new Reply(200, body, Map.of());
        }
    }

    private static AwsJsonHttp dynamoAt(URI endpoint, int attempts) {
        return new AwsJsonHttp(new AwsJsonHttp.Service(endpoint, "ap-southeast-1", "dynamodb", "DynamoDB_20120810",
                "application/x-amz-json-1.0", attempts, Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(5)),
                new RoleCredentials(Map.of(), true, Clock.systemUTC()));
    }

    @Test
    void theSignatureOfACallIsTheOneTheSdkComputesForIt() throws IOException {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        URI endpoint = standIn(seen, n -> Reply.ok("{}"));
        try (DynamoDbClient sdk = DynamoDbClient.builder().region(Region.AP_SOUTHEAST_1).endpointOverride(endpoint)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(SESSION.accessKeyId(),
                        SESSION.secretAccessKey(), SESSION.sessionToken()))).build()) {
            sdk.getItem(b -> b.tableName("citizen-qa").consistentRead(true)
                    .key(Map.of("pk", AttributeValue.fromS("MSG#zalo#1"), "sk", AttributeValue.fromS("CLAIM"))));
        }
        Seen request = seen.getFirst();
        String authorization = request.headers().getFirst("Authorization");
        String signedHeaders = authorization.replaceAll(".*SignedHeaders=([^,]+),.*", "$1");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : signedHeaders.split(";")) {
            if (!name.equals("x-amz-date") && !name.equals("x-amz-security-token")) {
                headers.put(name, request.headers().getFirst(name));
            }
        }
        Instant at = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .parse(request.headers().getFirst("X-Amz-Date"), Instant::from);

        SigV4Signer.Signature ours = SigV4Signer.sign(SESSION, "ap-southeast-1", "dynamodb", at, "POST", "/", "", headers, request.body());
        assertEquals(authorization, ours.authorization());
    }

    @Test
    void aServerErrorIsRetriedAndTheAnswerAfterItIsRead() throws IOException {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        URI endpoint = standIn(seen, n -> n == 1 ? new Reply(500, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\"}",
                Map.of()) : Reply.ok("{\"Item\":{\"pk\":{\"S\":\"PAGE#zalo#oa\"},\"unit\":{\"S\":\"u1\"},\"n\":{\"N\":\"7\"},"
                + "\"tags\":{\"L\":[{\"S\":\"a\"},{\"BOOL\":true}]}}}"));
        var item = new DynamoDbOverHttp(dynamoAt(endpoint, 3)).getItem(b -> b.tableName("t")
                .key(Map.of("pk", AttributeValue.fromS("PAGE#zalo#oa")))).item();

        assertEquals(2, seen.size());
        assertEquals("u1", item.get("unit").s());
        assertEquals("7", item.get("n").n());
        assertEquals(List.of(AttributeValue.fromS("a"), AttributeValue.fromBool(true)), item.get("tags").l());
        Seen last = seen.getLast();
        assertEquals("DynamoDB_20120810.GetItem", last.headers().getFirst("X-Amz-Target"));
        assertEquals("application/x-amz-json-1.0", last.headers().getFirst("Content-Type"));
        assertEquals("{\"TableName\":\"t\",\"Key\":{\"pk\":{\"S\":\"PAGE#zalo#oa\"}}}", new String(last.body(), StandardCharsets.UTF_8));
    }

    @Test
    void aBodyDamagedOnTheWayIsAFailedAttemptAndTheStoreSaysItIsUnavailable() throws IOException {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        URI endpoint = standIn(seen, n -> new Reply(200, "{}", Map.of("x-amz-crc32", "12345")));
        DynamoDbStore store = new DynamoDbStore(new DynamoDbOverHttp(dynamoAt(endpoint, 2)), "t", Clock.systemUTC(), StoreSettings.defaults());

        StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> store.pages().find(Channel.ZALO, "oa"));
        assertTrue(e.getMessage().contains("DynamoDB unreachable") && e.getMessage().contains("CRC32"), e.getMessage());
        assertEquals(2, seen.size());
    }

    /** A server that takes each connection, reads a little of the request and closes it without answering. */
    private static URI losingConnections() throws IOException {
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(() -> {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept(); InputStream in = s.getInputStream()) {
                    in.read(new byte[64]);
                } catch (IOException e) {
                    return;
                }
            }
        });
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    @Test
    void aConnectionLostMidCallIsTheStoreOrTheQueueUnavailable() throws IOException {
        URI endpoint = losingConnections();
        DynamoDbStore store = new DynamoDbStore(new DynamoDbOverHttp(dynamoAt(endpoint, 2)), "t", Clock.systemUTC(), StoreSettings.defaults());
        assertThrows(StoreUnavailableException.class, () -> store.messages().claim(new vn.citizenqa.core.store.MessageKey(Channel.ZALO, "m1")));

        SqsMessageQueue queue = new SqsMessageQueue(SqsOverHttp.create("ap-southeast-1", endpoint, 2, Duration.ofMillis(500),
                Duration.ofSeconds(1), Duration.ofSeconds(3)), endpoint + "/000000000000/q.fifo", true);
        assertThrows(QueueUnavailableException.class, () -> queue.enqueue(List.of(text())));
        SqsMessageQueue direct = new SqsMessageQueue(new SqsSendOverHttp(sqsAt(endpoint)), endpoint + "/000000000000/q.fifo", true);
        assertThrows(QueueUnavailableException.class, () -> direct.enqueue(List.of(text())));
    }

    private static InboundMessage.Text text() {
        return new InboundMessage.Text(new ConversationKey(Channel.ZALO, "oa", "citizen"), "m1", Instant.parse("2026-12-02T03:00:00Z"),
                "cho em hỏi làm căn cước");
    }

    @Test
    void aSendWhoseMd5DoesNotMatchTheBodyIsNotTakenAsSent() throws IOException {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        URI endpoint = standIn(seen, n -> Reply.ok("{\"Successful\":[{\"Id\":\"0\",\"MessageId\":\"x\","
                + "\"MD5OfMessageBody\":\"00000000000000000000000000000000\"}],\"Failed\":[]}"));
        SqsMessageQueue queue = new SqsMessageQueue(SqsOverHttp.create("ap-southeast-1", endpoint, 2, Duration.ofMillis(500),
                Duration.ofSeconds(1), Duration.ofSeconds(3)), endpoint + "/000000000000/q.fifo", true);

        QueueUnavailableException e = assertThrows(QueueUnavailableException.class, () -> queue.enqueue(List.of(text())));
        assertTrue(e.getMessage().contains("MD5"), e.getMessage());
        assertEquals("AmazonSQS.SendMessageBatch", seen.getFirst().headers().getFirst("X-Amz-Target"));
        String sent = new String(seen.getFirst().body(), StandardCharsets.UTF_8);
        assertTrue(sent.startsWith("{\"QueueUrl\":\"" + endpoint + "/000000000000/q.fifo\",\"Entries\":[{\"Id\":\"0\",\"MessageBody\":"), sent);
        assertTrue(sent.contains("\"MessageGroupId\":\"zalo:oa:citizen\"") && sent.contains("\"MessageDeduplicationId\":\"zalo:m1\""), sent);
    }

    private static AwsJsonHttp sqsAt(URI endpoint) {
        return AwsJsonHttp.json10("sqs", "AmazonSQS", "ap-southeast-1", endpoint, 2, Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(3));
    }

    @Test
    void theWebhooksSendWithoutTheSdkModelIsTheSameRequestAndChecksTheSameMd5() throws IOException {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        URI endpoint = standIn(seen, n -> Reply.ok("{\"Successful\":[{\"Id\":\"0\",\"MessageId\":\"x\","
                + "\"MD5OfMessageBody\":\"00000000000000000000000000000000\"}],\"Failed\":[]}"));
        String url = endpoint + "/000000000000/q.fifo";
        InboundMessage.Text text = text();
        SqsMessageQueue direct = new SqsMessageQueue(new SqsSendOverHttp(sqsAt(endpoint)), url, true);
        SqsMessageQueue throughModel = new SqsMessageQueue(new SqsOverHttp(sqsAt(endpoint)), url, true);

        QueueUnavailableException e = assertThrows(QueueUnavailableException.class, () -> direct.enqueue(List.of(text)));
        assertTrue(e.getMessage().contains("MD5"), e.getMessage());
        assertThrows(QueueUnavailableException.class, () -> throughModel.enqueue(List.of(text)));
        assertEquals(2, seen.size());
        assertEquals(new String(seen.get(1).body(), StandardCharsets.UTF_8), new String(seen.get(0).body(), StandardCharsets.UTF_8),
                "the same body as the SDK model's");
        assertEquals(seen.get(1).headers().getFirst("X-Amz-Target"), seen.get(0).headers().getFirst("X-Amz-Target"));
    }

    @Test
    void theDirectBodyIsTheModelsBodyForFifoAndStandardEntries() {
        List<vn.citizenqa.functions.queue.SqsBatchSend.Entry> entries = List.of(
                new vn.citizenqa.functions.queue.SqsBatchSend.Entry("0", "{\"text\":\"cho em hỏi \\\"căn cước\\\"\\n\"}", "zalo:oa:c", "zalo:m1"),
                new vn.citizenqa.functions.queue.SqsBatchSend.Entry("1", "plain", null, null));
        var model = software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest.builder().queueUrl("https://sqs/q")
                .entries(entries.stream().map(e -> software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry.builder()
                        .id(e.id()).messageBody(e.body()).messageGroupId(e.groupId()).messageDeduplicationId(e.deduplicationId()).build())
                        .toList()).build();
        assertEquals(new String(SdkPojoJson.write(model), StandardCharsets.UTF_8),
                new String(SqsSendOverHttp.body("https://sqs/q", entries), StandardCharsets.UTF_8));
    }

    @Test
    void entriesSqsDidNotTakeAreReadWithWhoseFaultAndTheTakenOnesMd5Checked() {
        String body = "{\"text\":1}";
        String md5 = java.util.HexFormat.of().formatHex(md5(body));
        List<vn.citizenqa.functions.queue.SqsBatchSend.Entry> entries = List.of(new vn.citizenqa.functions.queue.SqsBatchSend.Entry("0", body, null, null),
                new vn.citizenqa.functions.queue.SqsBatchSend.Entry("1", body, null, null));
        var failed = SqsSendOverHttp.failures(("{\"Successful\":[{\"Id\":\"0\",\"MessageId\":\"a\",\"MD5OfMessageBody\":\"" + md5
                + "\",\"SequenceNumber\":\"1\"}],\"Failed\":[{\"Id\":\"1\",\"SenderFault\":false,\"Code\":\"InternalError\","
                + "\"Message\":\"try again\"}]}").getBytes(StandardCharsets.UTF_8), entries);
        assertEquals(List.of(new vn.citizenqa.functions.queue.SqsBatchSend.Failure("1", false, "InternalError", "try again")), failed);
        assertEquals(List.of(), SqsSendOverHttp.failures(("{\"Successful\":[{\"Id\":\"0\",\"MD5OfMessageBody\":\"" + md5 + "\"}]}")
                .getBytes(StandardCharsets.UTF_8), entries));
        assertTrue(SqsSendOverHttp.failures("{\"Failed\":[{\"Id\":\"0\",\"SenderFault\":true,\"Code\":\"InvalidParameterValue\"}]}"
                .getBytes(StandardCharsets.UTF_8), entries).getFirst().senderFault());
    }

    private static byte[] md5(String s) {
        try {
            return java.security.MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRefusedSendIsTheQueueUnavailable() throws IOException {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        URI endpoint = standIn(seen, n -> new Reply(400, "{\"__type\":\"com.amazonaws.sqs#QueueDoesNotExist\",\"message\":\"no queue\"}",
                Map.of()));
        SqsMessageQueue direct = new SqsMessageQueue(new SqsSendOverHttp(sqsAt(endpoint)), endpoint + "/000000000000/q.fifo", true);
        QueueUnavailableException e = assertThrows(QueueUnavailableException.class, () -> direct.enqueue(List.of(text())));
        assertTrue(e.getMessage().contains("QueueDoesNotExist"), e.getMessage());
        assertEquals(1, seen.size(), "a client error is not retried");
    }

    @Test
    void withoutKeysInTheEnvironmentTheContainerEndpointsKeysSignAndAreKeptUntilNearTheirExpiry() throws IOException {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        Instant expires = Instant.parse("2026-12-02T08:00:00Z");
        URI endpoint = standIn(seen, n -> Reply.ok("{\"AccessKeyId\":\"ASIACONTAINER" + n + "\",\"SecretAccessKey\":\"s\",\"Token\":\"t" + n
                + "\",\"Expiration\":\"" + expires + "\"}"));
        var clock = new java.util.concurrent.atomic.AtomicReference<>(Instant.parse("2026-12-02T07:00:00Z"));
        Clock ticking = new Clock() {
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return clock.get();
            }
        };
        RoleCredentials credentials = new RoleCredentials(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", endpoint + "/2018-06-01/credentials",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN", "the-token"), false, ticking);

        assertEquals("ASIACONTAINER1", credentials.current().accessKeyId());
        assertEquals("t1", credentials.current().sessionToken());
        assertEquals(1, seen.size(), "kept while valid");
        assertEquals("the-token", seen.getFirst().headers().getFirst("Authorization"));

        clock.set(expires.minus(Duration.ofMinutes(4)));
        assertEquals("ASIACONTAINER2", credentials.current().accessKeyId(), "fetched again within five minutes of the expiry");
        RoleCredentials.forgetContainerKeys();
        assertEquals("ASIACONTAINER3", credentials.current().accessKeyId(), "fetched again after a restore");

        assertThrows(IOException.class, () -> new RoleCredentials(Map.of(), false, ticking).current(), "no source: no keys");
    }
}
