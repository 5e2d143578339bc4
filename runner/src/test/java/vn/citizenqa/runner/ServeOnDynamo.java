package vn.citizenqa.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import vn.citizenqa.functions.channel.Signed;
import vn.citizenqa.functions.channel.messenger.MessengerSignature;
import vn.citizenqa.functions.channel.zalo.ZaloSignature;
import vn.citizenqa.functions.testsupport.DynamoDbTestServer;
import vn.citizenqa.functions.testsupport.TestJson;
import vn.citizenqa.standin.ChannelStandIn;

/**
 * {@code serve} as an operator runs it for the end-to-end tests: on a fresh DynamoDB table (dynalite), its pages, the
 * channel stand-in for Meta's and Zalo's APIs, and a secret for officers' dev tokens; with the requests a citizen's
 * channel and an officer's console send. Each test starts its own and closes it.
 */
final class ServeOnDynamo implements AutoCloseable {

    /** A Messenger page of a unit, as {@code pages.json} lists it. */
    record Page(String pageId, String unit, String name, String accessToken) {
    }

    /** An officer API answer: its status and JSON body. */
    record Answer(int status, JsonNode body) {
    }

    private final ChannelStandIn channels;
    private final DynamoDbTestServer dynamo = DynamoDbTestServer.get();
    private final String table;
    private final Path dir;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final DevTokens tokens;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ServeCommand.Running serve;

    /**
     * @param pages  the pages, or none for the repository's {@code events/pages.json}
     * @param extraEnv set for both functions after the defaults (a replay window, Zalo's app id…)
     */
    private ServeOnDynamo(String officerSecret, List<Page> pages, Map<String, String> extraEnv) throws Exception {
        channels = ChannelStandIn.start(0, null);
        table = dynamo.createTable();
        dir = Files.createTempDirectory("serve-e2e");
        tokens = new DevTokens(officerSecret, Clock.systemUTC());
        env.put("TABLE_NAME", table);
        env.put("DYNAMODB_ENDPOINT", dynamo.endpoint().toString());
        env.put("AWS_REGION", "ap-southeast-1");
        env.put("PAGES_FILE", pagesFile(pages).toString());
        env.put("MESSENGER_APP_SECRET", Signed.MESSENGER_APP_SECRET);
        env.put("MESSENGER_VERIFY_TOKEN", Signed.MESSENGER_VERIFY_TOKEN);
        env.put("GRAPH_API_BASE", channels.graphApiBase());
        env.put("ZALO_API_BASE", channels.zaloApiBase());
        env.put("ZALO_OAUTH_BASE", channels.zaloOAuthBase());
        env.putAll(extraEnv);
        Map<String, String> officer = new LinkedHashMap<>(env);
        officer.put(DevTokens.SECRET_VARIABLE, officerSecret);
        Path envFile = dir.resolve("env.json");
        Files.writeString(envFile, TestJson.MAPPER.writeValueAsString(
                Map.of("WebhookFunction", env, "OfficerApiFunction", officer)));
        serve = ServeCommand.start(0, envFile, new PrintStream(OutputStream.nullOutputStream()));
    }

    static ServeOnDynamo start(String officerSecret, List<Page> pages, Map<String, String> extraEnv) throws Exception {
        return new ServeOnDynamo(officerSecret, pages, extraEnv);
    }

    private Path pagesFile(List<Page> pages) throws Exception {
        if (pages.isEmpty()) {
            return Path.of("..", "events", "pages.json").toAbsolutePath().normalize();
        }
        Path file = dir.resolve("pages.json");
        Files.writeString(file, pages.stream().map(p -> """
                {"channel": "messenger", "pageId": "%s", "unit": "%s", "name": "%s", "accessToken": "%s"}"""
                .formatted(p.pageId(), p.unit(), p.name(), p.accessToken())).collect(Collectors.joining(",\n", "[", "]")));
        return file;
    }

    /** The webhook's environment, for a command run beside {@code serve} on the same table. */
    Map<String, String> env() {
        return env;
    }

    String table() {
        return table;
    }

    DynamoDbTestServer dynamo() {
        return dynamo;
    }

    ChannelStandIn channels() {
        return channels;
    }

    /** A folder removed with the rest when the test ends. */
    Path dir() {
        return dir;
    }

    /** A dev token valid for an hour. */
    String token(String subject, String unit, String group) {
        return tokens.issue(subject, unit, List.of(group), Duration.ofHours(1));
    }

    /** An officer API request with the token, and a JSON body or none. */
    Answer officer(String method, String pathAndQuery, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serve.port() + pathAndQuery))
                .header("Authorization", "Bearer " + token);
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), TestJson.MAPPER.readTree(r.body()));
    }

    /** A raw request to {@code serve} (a CSV upload, a header of the test's own). */
    HttpResponse<String> send(HttpRequest.Builder request, String pathAndQuery) throws Exception {
        return http.send(request.uri(URI.create("http://127.0.0.1:" + serve.port() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A citizen's text to a Messenger page, signed as Meta signs it; returns once the worker behind the queue is done. */
    void messenger(String page, String psid, String mid, String text) throws Exception {
        messengerEvent(Signed.messengerText(page, psid, mid, text));
    }

    /** As {@link #messenger(String, String, String, String)}, with the time the citizen sent it. */
    void messenger(String page, String psid, String mid, String text, Instant sentAt) throws Exception {
        messengerEvent("{\"object\":\"page\",\"entry\":[{\"id\":\"" + page + "\",\"time\":" + sentAt.toEpochMilli()
                + ",\"messaging\":[{\"sender\":{\"id\":\"" + psid + "\"},\"recipient\":{\"id\":\"" + page + "\"},"
                + "\"timestamp\":" + sentAt.toEpochMilli() + ",\"message\":{\"mid\":\"" + mid + "\",\"text\":"
                + Signed.quote(text) + "}}]}]}");
    }

    private void messengerEvent(String event) throws Exception {
        byte[] body = event.getBytes(StandardCharsets.UTF_8);
        webhook("/webhook/messenger", "X-Hub-Signature-256", new MessengerSignature(Signed.MESSENGER_APP_SECRET).sign(body),
                body);
    }

    /** A citizen's text to a Zalo Official Account, signed as Zalo signs it (needs ZALO_APP_ID and ZALO_OA_SECRET). */
    void zalo(String oa, String user, String msgId, String text) throws Exception {
        byte[] body = Signed.zaloText(oa, user, msgId, text).getBytes(StandardCharsets.UTF_8);
        webhook("/webhook/zalo", "X-ZEvent-Signature",
                new ZaloSignature(Signed.ZALO_APP_ID, Signed.ZALO_OA_SECRET).sign(body, Signed.NOW_MILLIS), body);
    }

    private void webhook(String path, String header, String signature, byte[] body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serve.port() + path))
                .header("Content-Type", "application/json").header(header, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        if (!serve.awaitWorker(Duration.ofSeconds(60))) {
            throw new AssertionError("the worker behind the queue did not finish within 60 s");
        }
    }

    /** The text last sent to a recipient through the stand-in. */
    String lastTo(String recipient) {
        return channels.deliveries().stream().filter(d -> d.recipientId().equals(recipient)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("nothing was sent to " + recipient)).text();
    }

    @Override
    public void close() throws Exception {
        serve.close();
        channels.close();
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
