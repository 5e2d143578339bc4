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
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

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
 * {@code serve} with {@code QUEUE_URL} on a FIFO queue of ElasticMQ (in the test JVM) and its store on DynamoDB
 * (dynalite): the webhook sends to SQS, the event source polls it for the worker as Lambda's does, and a message no
 * worker can handle ends in the dead-letter queue after the queue's maximum receives — the queue depth the
 * dead-letter alarm of template.yaml watches ({@code ApproximateNumberOfMessagesVisible}) goes from 0 to 1.
 */
class ServeOnSqsTest {

    private static final String PAGE = "100000000000001";

    private final ChannelStandIn channels = ChannelStandIn.start(0, null);
    private final DynamoDbTestServer dynamo = DynamoDbTestServer.get();
    private final SqsTestServer sqs = SqsTestServer.get();
    // Two receives a second apart: the dead-letter queue within seconds.
    private final SqsTestServer.TestQueue queue = sqs.createQueue(new QueueSettings(2, Duration.ofSeconds(1), 2));
    private final Path envFile = Files.createTempFile("serve-sqs-env", ".json");
    private final HttpClient http = HttpClient.newHttpClient();
    private final ServeCommand.Running serve;

    ServeOnSqsTest() throws IOException {
        SampleServeEnv.write(envFile, channels, dynamo.createTable(), dynamo.endpoint());
        Map<String, String> env = new HashMap<>();
        TestJson.MAPPER.readTree(envFile.toFile()).get("WebhookFunction").properties()
                .forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        env.put("QUEUE_URL", queue.url());
        env.put("SQS_ENDPOINT", sqs.endpoint().toString());
        Files.writeString(envFile, TestJson.MAPPER.writeValueAsString(Map.of("WebhookFunction", env)));
        serve = ServeCommand.start(0, envFile, new PrintStream(OutputStream.nullOutputStream()));
    }

    @AfterEach
    void stop() throws IOException {
        serve.close();
        channels.close();
        Files.deleteIfExists(envFile);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void aMessageGoesThroughSqsToTheWorkerAndAPoisonOneEndsInTheDeadLetterQueue() throws Exception {
        byte[] body = Signed.messengerText(PAGE, "psid-sqs", "m_sqs_1", "Làm hộ chiếu mất bao lâu?").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serve.port() + "/webhook/messenger"))
                .header("X-Hub-Signature-256", new MessengerSignature(Signed.MESSENGER_APP_SECRET).sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        await(() -> channels.deliveries().size() == 1, "the reply sent by the worker behind SQS");
        assertEquals("psid-sqs", channels.deliveries().getFirst().recipientId());

        assertEquals(0, sqs.depth(queue.deadLetterUrl()), "the alarm's metric before");
        // Not a message the webhook writes (say, of a later deploy's layout): no worker can read it.
        sqs.client().sendMessage(b -> b.queueUrl(queue.url()).messageBody("{\"v\":99}").messageGroupId("poison")
                .messageDeduplicationId("poison-1"));
        await(() -> sqs.depth(queue.deadLetterUrl()) == 1, "the poison message in the dead-letter queue");
        assertEquals(0, sqs.depth(queue.url()), "and out of the message queue");
        assertEquals(1, channels.deliveries().size(), "nothing sent for it");
        System.out.println("[dlq] through serve on " + sqs.description() + ": a poison message dead-lettered after 2 receives; "
                + "dead-letter queue depth 0 → 1");
    }
}
