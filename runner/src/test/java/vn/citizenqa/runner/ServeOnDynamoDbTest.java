package vn.citizenqa.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
            assertEquals(1, channels.deliveries().size());
        }
        try (ServeProcess second = ServeProcess.start(env)) {
            assertEquals(200, deliver(second.port(), "m_restart_1").statusCode(), second.output());
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
            assertEquals(200, deliver(serve.port(), "m_outage_1").statusCode());
        }

        assertEquals(1, channels.deliveries().size());
    }

    /** {@code citizen-qa serve --port 0} as its own JVM, on the test's class path. */
    private static final class ServeProcess implements AutoCloseable {
        private static final Pattern SERVING = Pattern.compile("serving on http://127\\.0\\.0\\.1:(\\d+)");

        private final Process process;
        private final StringBuilder output = new StringBuilder();
        private final int port;

        private ServeProcess(Path envFile) throws Exception {
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-cp", classPath, "vn.citizenqa.runner.CitizenQa",
                    "serve", "--port", "0", "--env-vars", envFile.toString())
                    .redirectErrorStream(true)
                    .start();
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            CompletableFuture<Integer> serving = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    for (String line; (line = lines.readLine()) != null; ) {
                        synchronized (output) {
                            output.append(line).append('\n');
                        }
                        Matcher m = SERVING.matcher(line);
                        if (m.find()) {
                            serving.complete(Integer.parseInt(m.group(1)));
                        }
                    }
                } catch (IOException e) {
                    // The process ended.
                }
                serving.completeExceptionally(new IllegalStateException("serve exited before serving:\n" + output()));
            });
            port = serving.get(60, TimeUnit.SECONDS);
        }

        static ServeProcess start(Path envFile) throws Exception {
            return new ServeProcess(envFile);
        }

        int port() {
            return port;
        }

        String output() {
            synchronized (output) {
                return output.toString();
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
