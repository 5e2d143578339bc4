package vn.citizenqa.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.citizenqa.functions.AllAtOnce;
import vn.citizenqa.functions.channel.Signed;
import vn.citizenqa.functions.channel.messenger.MessengerSignature;
import vn.citizenqa.functions.testsupport.DynamoDbTestServer;
import vn.citizenqa.functions.testsupport.TestJson;
import vn.citizenqa.standin.ChannelStandIn;

/**
 * Through {@code serve} on DynamoDB (dynalite), over loopback HTTP: the webhook acknowledges as it queues, whatever
 * the channel does and however large the body, and the worker behind the queue answers each citizen exactly once;
 * twenty officer replies at once with one {@code Idempotency-Key} send one message. Times are printed (README,
 * "Acknowledging at once"), never asserted: the assertions are what happened, in which order.
 */
class ServeAcknowledgesAtOnceTest {

    private static final String PAGE = "100000000000001";
    private static final String UNIT = "ca-phuong-ben-nghe";
    private static final String SECRET = "acknowledge-test-officer-jwt-secret-0123456789";
    private static final List<String> QUESTIONS = List.of(
            "Đăng ký tạm trú cần giấy tờ gì?", "Làm căn cước lần đầu ở đâu?", "Làm hộ chiếu mất bao lâu?",
            "dang ky xe may o dau", "Đổi giấy phép lái xe hết hạn thế nào?", "xin chào");

    private final ChannelStandIn channels = ChannelStandIn.start(0, null);
    private final DynamoDbTestServer dynamo = DynamoDbTestServer.get();
    private final Path envFile = Files.createTempFile("serve-ack-env", ".json");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final MessengerSignature signature = new MessengerSignature(Signed.MESSENGER_APP_SECRET);
    private final ServeCommand.Running serve;

    ServeAcknowledgesAtOnceTest() throws IOException {
        SampleServeEnv.write(envFile, channels, dynamo.createTable(), dynamo.endpoint());
        Map<String, Map<String, String>> sections = new HashMap<>();
        JsonNode written = TestJson.MAPPER.readTree(envFile.toFile());
        Map<String, String> webhook = new HashMap<>();
        written.get("WebhookFunction").properties().forEach(e -> webhook.put(e.getKey(), e.getValue().asText()));
        Map<String, String> officer = new HashMap<>(webhook);
        officer.put(DevTokens.SECRET_VARIABLE, SECRET);
        sections.put("WebhookFunction", webhook);
        sections.put("OfficerApiFunction", officer);
        Files.writeString(envFile, TestJson.MAPPER.writeValueAsString(sections));
        serve = ServeCommand.start(0, envFile, new PrintStream(OutputStream.nullOutputStream()));
    }

    @AfterEach
    void stop() throws IOException {
        serve.close();
        channels.close();
        Files.deleteIfExists(envFile);
    }

    private HttpResponse<String> deliver(String body) throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serve.port() + "/webhook/messenger"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", signature.sign(bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One message answered first: the index, the SDK client and the connections are opened once per process. */
    private void warmUp() throws Exception {
        assertEquals(200, deliver(Signed.messengerText(PAGE, "warm-up", "m_ack_warm_up", QUESTIONS.getFirst())).statusCode());
        assertTrue(serve.awaitWorker(Duration.ofMinutes(1)));
    }

    private Map<String, Long> repliesPerCitizen(String prefix) {
        return channels.deliveries().stream().map(ChannelStandIn.Delivery::recipientId).filter(r -> r.startsWith(prefix))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @Test
    void aChannelFrozenSevenSecondsWhileTenCitizensWriteDelaysNoAcknowledgementAndEachGetsOneReply() throws Exception {
        warmUp();
        int before = channels.deliveries().size();
        int attemptsBefore = channels.attempts();
        channels.freezeFor(Duration.ofSeconds(7));
        long frozenAt = System.nanoTime();

        List<long[]> acks = AllAtOnce.run(10, i -> () -> {
            long t0 = System.nanoTime();
            int status = deliver(Signed.messengerText(PAGE, "stall-user-" + i, "m_stall_" + i, QUESTIONS.get(i % QUESTIONS.size())))
                    .statusCode();
            return new long[] {status, System.nanoTime() - t0};
        });
        long allAcknowledged = System.nanoTime() - frozenAt;
        int deliveredWhileFrozen = channels.deliveries().size() - before;

        assertTrue(acks.stream().allMatch(a -> a[0] == 200), "every delivery acknowledged");
        assertEquals(0, deliveredWhileFrozen, "every acknowledgement came while the channel was still frozen");
        assertTrue(serve.awaitWorker(Duration.ofMinutes(2)), "the worker finished");
        long answered = System.nanoTime() - frozenAt;
        Map<String, Long> replies = repliesPerCitizen("stall-user-");
        assertEquals(10, replies.size(), "every citizen answered");
        assertEquals(Collections.singleton(1L), Set(replies), "none twice: " + replies);
        assertEquals(10, channels.attempts() - attemptsBefore, "one send each: nothing was sent again after the stall");

        List<Long> times = acks.stream().map(a -> a[1] / 1_000_000).sorted().toList();
        System.out.printf("[stall] channel frozen 7 s, 10 citizens writing at once through serve on %s: acknowledgements "
                        + "p50 %d ms, max %d ms (all within %d ms of the freeze); every citizen answered once, %.1f s after it%n",
                dynamo.description(), times.get(times.size() / 2), times.getLast(), allAcknowledged / 1_000_000, answered / 1e9);
    }

    private static java.util.Set<Long> Set(Map<String, Long> replies) {
        return new java.util.HashSet<>(replies.values());
    }

    @Test
    void aBodyOfAThousandItemsIsAcknowledgedAtOnceAndEveryCitizenAnsweredOnce() throws Exception {
        warmUp();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            items.add(Signed.messengerItem(PAGE, "bulk-user-" + i, "m_bulk_" + i, QUESTIONS.get(i % QUESTIONS.size())));
        }
        String body = "{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGE + "\",\"messaging\":[" + String.join(",", items) + "]}]}";

        long t0 = System.nanoTime();
        HttpResponse<String> response = deliver(body);
        long acknowledged = System.nanoTime() - t0;
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(1000, TestJson.MAPPER.readTree(response.body()).get("queued").asInt(), response.body());

        assertTrue(serve.awaitWorker(Duration.ofMinutes(5)), "the worker finished");
        long answered = System.nanoTime() - t0;
        Map<String, Long> replies = repliesPerCitizen("bulk-user-");
        assertEquals(1000, replies.size(), "every citizen answered");
        assertEquals(Collections.singleton(1L), Set(replies), "none twice");
        System.out.printf("[bulk] one body of 1,000 messaging items (%d KB) through serve on %s: acknowledged in %d ms; "
                        + "every citizen answered once after %.1f s%n", body.length() / 1024, dynamo.description(),
                acknowledged / 1_000_000, answered / 1e9);
    }

    @Test
    void twentyOfficerRepliesAtOnceWithOneIdempotencyKeySendOneMessageAndNoServerError() throws Exception {
        assertEquals(200, deliver(Signed.messengerText(PAGE, "psid-danger", "m_ack_emergency",
                "Cứu với, có cướp đang vào nhà tôi")).statusCode());
        assertTrue(serve.awaitWorker(Duration.ofMinutes(1)));
        String token = new DevTokens(SECRET, Clock.systemUTC()).issue("officer-a", UNIT, List.of("officer"), Duration.ofHours(1));
        HttpResponse<String> queue = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serve.port()
                + "/escalations")).header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        String id = TestJson.MAPPER.readTree(queue.body()).at("/escalations/0/id").asText();
        String text = "Công an phường đang đến. Hãy ở nơi an toàn.";

        List<HttpResponse<String>> replies = AllAtOnce.run(20, i -> () -> http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + serve.port() + "/escalations/" + id + "/reply"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", "reply-7f3c2a")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"" + text + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString()));

        List<Integer> statuses = replies.stream().map(HttpResponse::statusCode).toList();
        assertEquals(Collections.nCopies(20, 200), statuses, "each gets the first outcome: " + replies.getFirst().body());
        assertEquals(1, channels.deliveries().stream().filter(d -> d.text().equals(text)).count(), "one message sent");
        assertEquals(1, replies.stream().map(r -> {
            try {
                return TestJson.MAPPER.readTree(r.body()).at("/delivery/platformMessageId").asText();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).distinct().count(), "every answer names the one message");
        System.out.println("[officer] 20 concurrent replies with one Idempotency-Key through serve: statuses " + statuses.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())) + ", 1 message sent");
    }
}
