package vn.citizenqa.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.store.ClaimResult;
import vn.citizenqa.core.store.MessageKey;
import vn.citizenqa.core.store.StoreSettings;
import vn.citizenqa.functions.channel.Signed;
import vn.citizenqa.functions.channel.messenger.MessengerSignature;
import vn.citizenqa.functions.dynamo.DynamoDbStore;
import vn.citizenqa.functions.testsupport.DynamoDbTestServer;
import vn.citizenqa.functions.testsupport.TcpRelay;
import vn.citizenqa.standin.ChannelStandIn;

/**
 * {@code serve} with its store on DynamoDB, over real HTTP, as an operator runs it: what is recorded survives a
 * restart of the process, and a store that goes away makes the webhook answer 503 until it is back.
 */
class ServeOnDynamoDbTest {

    private static final String PAGE = "100000000000001";
    private static final String QUESTION = "Đăng ký tạm trú cần giấy tờ gì?";

    private final ChannelStandIn channels = ChannelStandIn.start(0, null);
    private final DynamoDbTestServer dynamo = DynamoDbTestServer.get();
    private final String table = dynamo.createTable();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Path envFile = Files.createTempFile("serve-dynamodb-env", ".json");

    ServeOnDynamoDbTest() throws IOException {
    }

    @AfterEach
    void stop() throws IOException {
        channels.close();
        Files.deleteIfExists(envFile);
    }

    /** The README's example configuration, pointed at the stand-in and at the table on {@code dynamoEndpoint}. */
    private Path writeEnv(URI dynamoEndpoint) throws IOException {
        return SampleServeEnv.write(envFile, channels, table, dynamoEndpoint);
    }

    private HttpResponse<String> deliver(int port, String mid) throws IOException, InterruptedException {
        byte[] body = Signed.messengerText(PAGE, "6543210987654321", mid, QUESTION).getBytes(StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhook/messenger"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", new MessengerSignature(Signed.MESSENGER_APP_SECRET).sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aMessageAnsweredBeforeARestartIsNotAnsweredAgainAfterIt() throws Exception {
        Path env = writeEnv(dynamo.endpoint());

        try (ServeProcess first = ServeProcess.start(env)) {
            assertEquals(200, deliver(first.port(), "m_restart_1").statusCode(), first.output());
            awaitDeliveries(1);
            assertEquals(1, channels.deliveries().size());
        }
        try (ServeProcess second = ServeProcess.start(env)) {
            assertEquals(200, deliver(second.port(), "m_restart_1").statusCode(), second.output());
            // A redelivery the new process might queue would be answered within this time.
            Thread.sleep(1000);
        }

        assertEquals(1, channels.deliveries().size(), "the redelivery after the restart is not answered again");
        var store = new DynamoDbStore(dynamo.client(), table, Clock.systemUTC(), StoreSettings.defaults());
        assertInstanceOf(ClaimResult.AlreadySent.class, store.messages().claim(new MessageKey(Channel.MESSENGER,
                "m_restart_1")));
    }

    @Test
    void whileTheStoreIsUnreachableTheWebhookAnswers503AndTheRedeliveryIsAnsweredOnce() throws Exception {
        try (TcpRelay relay = TcpRelay.to(dynamo.endpoint());
             ServeCommand.Running serve = ServeCommand.start(0, writeEnv(relay.endpoint()),
                     new PrintStream(OutputStream.nullOutputStream()))) {
            relay.cut();
            assertEquals(503, deliver(serve.port(), "m_outage_1").statusCode());
            assertEquals(0, channels.deliveries().size());

            relay.restore();
            assertEquals(200, deliver(serve.port(), "m_outage_1").statusCode());
            assertTrue(serve.awaitWorker(Duration.ofSeconds(60)));
            assertEquals(200, deliver(serve.port(), "m_outage_1").statusCode());
            assertTrue(serve.awaitWorker(Duration.ofSeconds(60)));
        }

        assertEquals(1, channels.deliveries().size());
    }

    /** Waits for the stand-in to have {@code n} deliveries (the worker answers behind the queue). */
    private void awaitDeliveries(int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (channels.deliveries().size() < n && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
