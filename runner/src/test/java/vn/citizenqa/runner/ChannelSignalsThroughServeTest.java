package vn.citizenqa.runner;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;

import vn.citizenqa.functions.channel.Signed;
import vn.citizenqa.functions.channel.messenger.MessengerSignature;
import vn.citizenqa.functions.channel.zalo.ZaloSignature;
import vn.citizenqa.functions.channel.JsonFields;
import vn.citizenqa.functions.ChannelSignalsContract;
import vn.citizenqa.standin.ChannelStandIn;
import vn.citizenqa.functions.testsupport.TestJson;

/**
 * The channel signals through {@code serve} over real HTTP, as curl or the platforms send them, with the sample
 * configuration of {@code events/env.json} (the webhook and the officer API on one store) pointed at the stand-in.
 */
class ChannelSignalsThroughServeTest extends ChannelSignalsContract {

    private static final Path EVENTS = Path.of("..", "events").toAbsolutePath().normalize();

    private final ChannelStandIn channels = ChannelStandIn.start(0, null);
    private final Path envFile = Files.createTempFile("env", ".json");
    private final ServeCommand.Running serve;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String token;

    ChannelSignalsThroughServeTest() throws Exception {
        var sample = TestJson.MAPPER.readTree(EVENTS.resolve("env.json").toFile());
        Map<String, Object> functions = new HashMap<>();
        for (String f : List.of("WebhookFunction", "OfficerApiFunction")) {
            Map<String, String> env = new HashMap<>();
            sample.get(f).properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
            env.put("GRAPH_API_BASE", channels.graphApiBase());
            env.put("ZALO_API_BASE", channels.zaloApiBase());
            env.put("ZALO_OAUTH_BASE", channels.zaloOAuthBase());
            env.put("PAGES_FILE", EVENTS.resolve("pages.json").toString());
            functions.put(f, env);
        }
        Files.writeString(envFile, TestJson.MAPPER.writeValueAsString(functions));
        token = new DevTokens(sample.get("OfficerApiFunction").get(DevTokens.SECRET_VARIABLE).asText(), Clock.systemUTC())
                .issue("officer-an", UNIT, List.of("officer"), Duration.ofHours(1));
        serve = ServeCommand.start(0, envFile, new PrintStream(OutputStream.nullOutputStream()));
    }

    @AfterEach
    void stop() throws Exception {
        serve.close();
        channels.close();
        Files.deleteIfExists(envFile);
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + serve.port() + pathAndQuery);
    }

    @Override
    protected Answer post(String channel, String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/webhook/" + channel)).header("Content-Type", "application/json");
        if (channel.equals("zalo")) {
            String timestamp = JsonFields.text(JsonFields.object(body), "timestamp");
            b.header("X-ZEvent-Signature", new ZaloSignature(Signed.ZALO_APP_ID, Signed.ZALO_OA_SECRET).sign(body, timestamp));
        } else {
            b.header("X-Hub-Signature-256", new MessengerSignature(Signed.MESSENGER_APP_SECRET).sign(body));
        }
        HttpResponse<String> r = http.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), TestJson.MAPPER.readTree(r.body()));
    }

    @Override
    protected Answer officer(String method, String pathAndQuery, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).header("Authorization", "Bearer " + token);
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), TestJson.MAPPER.readTree(r.body()));
    }

    @Override
    protected ChannelStandIn channels() {
        return channels;
    }
}
