package vn.citizenqa.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.citizenqa.core.queue.QueueSettings;
import vn.citizenqa.functions.channel.Signed;
import vn.citizenqa.functions.channel.messenger.MessengerSignature;
import vn.citizenqa.functions.testsupport.DynamoDbTestServer;
import vn.citizenqa.functions.testsupport.SqsTestServer;
import vn.citizenqa.functions.testsupport.TestJson;
import vn.citizenqa.standin.ChannelStandIn;

/**
 * {@code serve} as its own process on DynamoDB (dynalite) with its queue on ElasticMQ (in the test JVM), killed with
 * SIGKILL while citizens are writing; a second process takes over, and the platform redelivers what was never
 * acknowledged. Nothing is lost: every citizen is answered. A reply can reach a citizen twice only where the kill
 * fell between the channel taking it and the claim being marked SENT, and then only by the one more send the rule
 * allows, which the new process announces in its log: every second copy must be one it announced.
 */
class ServeKilledMidStreamTest {

    private static final String PAGE = "100000000000001";
    private static final int CITIZENS = 40;
    private static final Pattern RESENT = Pattern.compile("messenger (m_kill_\\d+): an earlier send of this reply got no answer");

    private final ChannelStandIn channels = ChannelStandIn.start(0, null);
    private final DynamoDbTestServer dynamo = DynamoDbTestServer.get();
    private final SqsTestServer sqs = SqsTestServer.get();
    // Visibility 4 s, longer than the claims' 3 s lease (as template.yaml's 120 s is than 60 s); receives to spare.
    private final SqsTestServer.TestQueue queue = sqs.createQueue(new QueueSettings(30, Duration.ofSeconds(4), 4));
    private final Path envFile = Files.createTempFile("serve-kill-env", ".json");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final MessengerSignature signature = new MessengerSignature(Signed.MESSENGER_APP_SECRET);

    ServeKilledMidStreamTest() throws IOException {
        SampleServeEnv.write(envFile, channels, dynamo.createTable(), dynamo.endpoint());
        Map<String, String> env = new HashMap<>();
        TestJson.MAPPER.readTree(envFile.toFile()).get("WebhookFunction").properties()
                .forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        env.put("QUEUE_URL", queue.url());
        env.put("SQS_ENDPOINT", sqs.endpoint().toString());
        env.put("CLAIM_LEASE_SECONDS", "3");
        Files.writeString(envFile, TestJson.MAPPER.writeValueAsString(Map.of("WebhookFunction", env)));
    }

    @AfterEach
    void stop() throws IOException {
        channels.close();
        Files.deleteIfExists(envFile);
    }

    /** The status the webhook answered, or -1 when the process was gone. */
    private int deliver(int port, int citizen) {
        byte[] body = Signed.messengerText(PAGE, "kill-user-" + citizen, "m_kill_" + citizen, "Làm hộ chiếu mất bao lâu?")
                .getBytes(StandardCharsets.UTF_8);
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhook/messenger"))
                    .timeout(Duration.ofSeconds(30)).header("X-Hub-Signature-256", signature.sign(body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private Map<String, Long> repliesPerCitizen() {
        return channels.deliveries().stream().map(ChannelStandIn.Delivery::recipientId).filter(r -> r.startsWith("kill-user-"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @Test
    void killingServeMidStreamLosesNothingAndRepeatsOnlyWhatTheRuleAnnounces() throws Exception {
        Map<Integer, Integer> status = new ConcurrentHashMap<>();
        AtomicInteger acknowledged = new AtomicInteger();
        String secondOutput;
        try (ServeProcess first = ServeProcess.start(envFile)) {
            try (ExecutorService senders = Executors.newFixedThreadPool(4)) {
                List<Future<?>> sent = new ArrayList<>();
                for (int i = 0; i < CITIZENS; i++) {
                    int citizen = i;
                    sent.add(senders.submit(() -> {
                        int s = deliver(first.port(), citizen);
                        status.put(citizen, s);
                        if (s == 200 && acknowledged.incrementAndGet() == CITIZENS / 3) {
                            // Mid-stream: messages queued, some being answered, more on their way.
                            first.kill();
                        }
                        return null;
                    }));
                }
                for (Future<?> f : sent) {
                    f.get();
                }
            }
        }
        List<Integer> unacknowledged = status.entrySet().stream().filter(e -> e.getValue() != 200).map(Map.Entry::getKey)
                .sorted().toList();
        try (ServeProcess second = ServeProcess.start(envFile)) {
            for (int citizen : unacknowledged) {
                // The platform delivers again what it never got a 200 for.
                assertEquals(200, deliver(second.port(), citizen), second.output());
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while ((repliesPerCitizen().size() < CITIZENS || sqs.depth(queue.url()) > 0) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            // Anything still in flight after the kill has passed its visibility timeout and lease by now.
            Thread.sleep(5_000);
            secondOutput = second.output();
        }

        Map<String, Long> replies = repliesPerCitizen();
        assertEquals(CITIZENS, replies.size(), "nothing lost: every citizen answered; missing "
                + java.util.stream.IntStream.range(0, CITIZENS).mapToObj(i -> "kill-user-" + i).filter(c -> !replies.containsKey(c))
                .toList());
        assertEquals(0, sqs.depth(queue.deadLetterUrl()), "nothing dead-lettered");
        List<String> twice = replies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList();
        assertTrue(replies.values().stream().allMatch(n -> n <= 2), "never more than one more send: " + replies);
        List<String> announced = new ArrayList<>();
        Matcher m = RESENT.matcher(secondOutput);
        while (m.find()) {
            announced.add("kill-user-" + m.group(1).substring("m_kill_".length()));
        }
        assertTrue(announced.containsAll(twice), "every second copy was announced: twice " + twice + ", announced " + announced);
        System.out.printf("[kill] serve killed (SIGKILL) after %d of %d acknowledgements; %d redelivered to a new process; "
                        + "all %d citizens answered, %d twice (each announced by the one-more-send rule), none dead-lettered%n",
                CITIZENS / 3, CITIZENS, unacknowledged.size(), CITIZENS, twice.size());
    }
}
