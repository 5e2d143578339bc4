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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.citizenqa.functions.channel.Signed;
import vn.citizenqa.functions.channel.messenger.MessengerSignature;
import vn.citizenqa.functions.testsupport.DynamoDbTestServer;
import vn.citizenqa.standin.ChannelStandIn;

/**
 * A bounded load through {@code serve} on DynamoDB (dynalite) over loopback HTTP, replies going to the channel
 * stand-in: {@code load.deliveries} signed Messenger deliveries (default 2,000) from {@code load.senders}
 * concurrent senders (default 50), a quarter of them duplicates of earlier messages sent by any sender at any
 * time, as platforms redeliver. A sender acts as the platform: a 503 (the message is still held by another
 * delivery) is delivered again a moment later. Every distinct message must be answered exactly once, with no other
 * error; the figures are printed. The full size runs in {@code ./mvnw verify}; a bigger one with
 * {@code -Dload.deliveries=10000 -Dtest=ServeLoadTest}.
 */
class ServeLoadTest {

    private static final int DELIVERIES = Integer.getInteger("load.deliveries", 2_000);
    private static final int SENDERS = Integer.getInteger("load.senders", 50);
    private static final long SEED = 2_000L;
    private static final String PAGE = "100000000000001";
    private static final List<String> QUESTIONS = List.of(
            "Đăng ký tạm trú cần giấy tờ gì?", "Làm căn cước lần đầu ở đâu?", "Làm hộ chiếu mất bao lâu?",
            "lệ phí cấp hộ chiếu bao nhiêu", "dang ky xe may o dau", "Đổi giấy phép lái xe hết hạn thế nào?",
            "Nộp phạt vi phạm giao thông online được không?", "xin chào", "Mất ví ở chợ Bến Thành, báo ai?",
            "thủ tục xóa đăng ký thường trú", "cấp lại căn cước bị mất", "gia hạn tạm trú cần gì",
            "giấy tờ", "đăng ký thường trú cho con mới sinh", "xác nhận thông tin cư trú ở đâu");

    private final ChannelStandIn channels = ChannelStandIn.start(0, null);
    private final DynamoDbTestServer dynamo = DynamoDbTestServer.get();
    private final String table = dynamo.createTable();
    private final Path envFile = Files.createTempFile("serve-load-env", ".json");

    ServeLoadTest() throws IOException {
    }

    @AfterEach
    void stop() throws IOException {
        channels.close();
        Files.deleteIfExists(envFile);
    }

    /** One delivery to make: the message it carries, and whether it repeats one delivered before. */
    private record Delivery(int message, boolean duplicate) {
    }

    @Test
    void deliveriesFromManySendersWithDuplicatesAreEachAnsweredExactlyOnce() throws Exception {
        SampleServeEnv.write(envFile, channels, table, dynamo.endpoint());

        int distinct = DELIVERIES - DELIVERIES / 4;
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < distinct; i++) {
            // One citizen per message: each must receive exactly one reply (and none is rate-limited).
            bodies.add(Signed.messengerText(PAGE, "load-user-" + i, "m_load_" + i, QUESTIONS.get(i % QUESTIONS.size()))
                    .getBytes(StandardCharsets.UTF_8));
        }
        Random random = new Random(SEED);
        List<Delivery> plan = new ArrayList<>();
        for (int i = 0; i < distinct; i++) {
            plan.add(new Delivery(i, false));
        }
        for (int i = 0; i < DELIVERIES - distinct; i++) {
            // A redelivery comes some time after the original: anywhere from together with it to much later.
            int original = random.nextInt(distinct);
            int at = Math.min(plan.size(), plan.indexOf(new Delivery(original, false)) + 1 + random.nextInt(200));
            plan.add(at, new Delivery(original, true));
        }

        MessengerSignature signature = new MessengerSignature(Signed.MESSENGER_APP_SECRET);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<Delivery> queue = new ConcurrentLinkedQueue<>(plan);
        ConcurrentHashMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger redelivered = new AtomicInteger();
        long started;
        long elapsed;
        try (ServeCommand.Running serve = ServeCommand.start(0, envFile, new PrintStream(OutputStream.nullOutputStream()))) {
            URI webhook = URI.create("http://127.0.0.1:" + serve.port() + "/webhook/messenger");
            warmUp(http, webhook, signature);
            int warm = channels.deliveries().size();
            started = System.nanoTime();
            try (ExecutorService senders = Executors.newFixedThreadPool(SENDERS)) {
                List<Future<?>> running = new ArrayList<>();
                for (int s = 0; s < SENDERS; s++) {
                    running.add(senders.submit(() -> {
                        for (Delivery d; (d = queue.poll()) != null; ) {
                            byte[] body = bodies.get(d.message());
                            HttpRequest request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(30))
                                    .header("Content-Type", "application/json")
                                    .header("X-Hub-Signature-256", signature.sign(body))
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                            for (int attempt = 0; ; attempt++) {
                                long t0 = System.nanoTime();
                                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                                latencies.add(System.nanoTime() - t0);
                                statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                                if (status != 503 || attempt == 5) {
                                    break;
                                }
                                // Still held by another delivery of the same message: the platform comes back later.
                                redelivered.incrementAndGet();
                                Thread.sleep(500);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
            }
            elapsed = System.nanoTime() - started;
            assertEquals(warm + distinct, channels.deliveries().size(), "one reply per distinct message");
        }

        Map<String, Long> repliesPerCitizen = channels.deliveries().stream().map(ChannelStandIn.Delivery::recipientId)
                .filter(r -> r.startsWith("load-user-")).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(distinct, repliesPerCitizen.size(), "every distinct message answered");
        assertEquals(Collections.singleton(1L), new java.util.HashSet<>(repliesPerCitizen.values()), "none answered twice");
        Map<Integer, Integer> tally = new TreeMap<>();
        statuses.forEach((k, v) -> tally.put(k, v.get()));
        assertEquals(DELIVERIES + redelivered.get(), tally.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(tally.keySet().stream().allMatch(s -> s == 200 || s == 503), "no error but 'still in progress': " + tally);
        assertEquals(DELIVERIES, tally.get(200), "every delivery ends acknowledged: " + tally);

        List<Long> sorted = latencies.stream().sorted().toList();
        double seconds = elapsed / 1e9;
        System.out.printf("[load] %d deliveries (%d distinct, %d duplicates) from %d senders through serve on %s in %.1f s: "
                        + "%.0f deliveries/s; latency p50 %d ms, p99 %d ms, max %d ms; statuses %s (%d redelivered after 503)%n",
                DELIVERIES, distinct, DELIVERIES - distinct, SENDERS, dynamo.description(), seconds, DELIVERIES / seconds,
                percentile(sorted, 50), percentile(sorted, 99), sorted.getLast() / 1_000_000, tally, redelivered.get());
    }

    /** One question before measuring: the index, the SDK client and the connections are opened once per process. */
    private void warmUp(HttpClient http, URI webhook, MessengerSignature signature) throws IOException, InterruptedException {
        byte[] body = Signed.messengerText(PAGE, "warm-up", "m_load_warm_up", QUESTIONS.getFirst()).getBytes(StandardCharsets.UTF_8);
        http.send(HttpRequest.newBuilder(webhook).header("X-Hub-Signature-256", signature.sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1_000_000;
    }
}
