package vn.citizenqa.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.citizenqa.core.answer.ReplyDrafter;
import vn.citizenqa.core.model.ConversationContext;
import vn.citizenqa.functions.Wiring;
import vn.citizenqa.functions.channel.Signed;
import vn.citizenqa.functions.channel.messenger.MessengerSignature;
import vn.citizenqa.functions.testsupport.TestJson;
import vn.citizenqa.standin.ChannelStandIn;

/** {@code serve} over real HTTP: a signed POST, as curl sends it, is answered at the channel stand-in. */
class ServeCommandTest {

    private final ChannelStandIn channels = ChannelStandIn.start(0, null);
    private final Path envFile = Files.createTempFile("env", ".json");
    private final ServeCommand.Running server;
    private final HttpClient http = HttpClient.newHttpClient();

    ServeCommandTest() throws Exception {
        Map<String, String> env = new HashMap<>(EnvVars.forFunction(SampleEventsTest.EVENTS.resolve("env.json"), "WebhookFunction"));
        env.put("GRAPH_API_BASE", channels.graphApiBase());
        env.put("ZALO_API_BASE", channels.zaloApiBase());
        env.put("ZALO_OAUTH_BASE", channels.zaloOAuthBase());
        env.put("PAGES_FILE", SampleEventsTest.EVENTS.resolve("pages.json").toString());
        Files.writeString(envFile, TestJson.MAPPER.writeValueAsString(Map.of("WebhookFunction", env)));
        server = ServeCommand.start(0, envFile, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        channels.close();
        Files.deleteIfExists(envFile);
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    @Test
    void aSignedPostIsAnsweredAtTheStandIn() throws Exception {
        String question = "Đăng ký tạm trú cần giấy tờ gì?";
        byte[] body = Signed.messengerText("100000000000001", "6543210987654321", "m_serve_1", question).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/webhook/messenger"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", new MessengerSignature(Signed.MESSENGER_APP_SECRET).sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(1, channels.deliveries().size());
        assertEquals("6543210987654321", channels.deliveries().getFirst().recipientId());
        assertEquals("test-messenger-page-token", channels.deliveries().getFirst().accessToken());
        var decision = Wiring.assistant().decide(question, ConversationContext.NONE);
        assertEquals(new ReplyDrafter(Wiring.assistant().knowledgeBase()).text(decision.reply(), decision.language()),
                channels.deliveries().getFirst().text());
    }

    @Test
    void theHandshakeAndUnknownRoutes() throws Exception {
        var verify = http.send(HttpRequest.newBuilder(uri("/webhook/messenger?hub.mode=subscribe&hub.verify_token=test-verify-token&hub.challenge=42"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, verify.statusCode());
        assertEquals("42", verify.body());
        var unknown = http.send(HttpRequest.newBuilder(uri("/nowhere")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unknown.statusCode());
    }

    @Test
    void anUnsignedPostIs401() throws Exception {
        var response = http.send(HttpRequest.newBuilder(uri("/webhook/messenger"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"object\":\"page\",\"entry\":[]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode());
        assertEquals(0, channels.deliveries().size());
    }
}
