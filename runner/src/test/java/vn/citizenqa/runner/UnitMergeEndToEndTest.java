package vn.citizenqa.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
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
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.citizenqa.core.store.Counter;
import vn.citizenqa.core.store.StoreSettings;
import vn.citizenqa.functions.channel.Signed;
import vn.citizenqa.functions.channel.messenger.MessengerSignature;
import vn.citizenqa.functions.dynamo.DynamoDbStore;
import vn.citizenqa.standin.ChannelStandIn;
import vn.citizenqa.functions.testsupport.DynamoDbTestServer;
import vn.citizenqa.functions.testsupport.TestJson;

/**
 * Two wards merged while {@code serve} runs on a DynamoDB table, as an operator does it: {@code units merge} on the
 * command line, then the merged ward's cases and new messages in the other ward's queue, its officers' tokens refused
 * naming the other ward, and its past figures still a supervisor's to read.
 */
class UnitMergeEndToEndTest {

    private static final String SECRET = "merge-end-to-end-officer-jwt-secret-0123456789";
    private static final String PAGE_A = "100000000000011";
    private static final String PAGE_B = "100000000000012";
    private static final String A = "ca-phuong-ben-nghe";
    private static final String B = "ca-phuong-sai-gon";

    private final ChannelStandIn channels = ChannelStandIn.start(0, null);
    private final DynamoDbTestServer dynamo = DynamoDbTestServer.get();
    private final Path dir = Files.createTempDirectory("merge-e2e");
    private final String table = dynamo.createTable();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final ServeCommand.Running serve;
    private final HttpClient http = HttpClient.newHttpClient();
    private final DevTokens tokens = new DevTokens(SECRET, Clock.systemUTC());
    private final String officerOfA = tokens.issue("officer-a", A, List.of("officer"), Duration.ofHours(1));
    private final String officerOfB = tokens.issue("officer-b", B, List.of("officer"), Duration.ofHours(1));
    private final String supervisor = tokens.issue("chief", null, List.of("supervisor"), Duration.ofHours(1));

    UnitMergeEndToEndTest() throws Exception {
        Path pages = dir.resolve("pages.json");
        Files.writeString(pages, """
                [{"channel": "messenger", "pageId": "%s", "unit": "%s", "name": "Công an phường Bến Nghé",
                  "accessToken": "page-a-token"},
                 {"channel": "messenger", "pageId": "%s", "unit": "%s", "name": "Công an phường Sài Gòn",
                  "accessToken": "page-b-token"}]""".formatted(PAGE_A, A, PAGE_B, B));
        env.put("TABLE_NAME", table);
        env.put("DYNAMODB_ENDPOINT", dynamo.endpoint().toString());
        env.put("AWS_REGION", "ap-southeast-1");
        env.put("PAGES_FILE", pages.toString());
        env.put("MESSENGER_APP_SECRET", Signed.MESSENGER_APP_SECRET);
        env.put("MESSENGER_VERIFY_TOKEN", Signed.MESSENGER_VERIFY_TOKEN);
        env.put("GRAPH_API_BASE", channels.graphApiBase());
        env.put("ZALO_API_BASE", channels.zaloApiBase());
        env.put("ZALO_OAUTH_BASE", channels.zaloOAuthBase());
        Map<String, String> officer = new LinkedHashMap<>(env);
        officer.put(DevTokens.SECRET_VARIABLE, SECRET);
        Path envFile = dir.resolve("env.json");
        Files.writeString(envFile, TestJson.MAPPER.writeValueAsString(
                Map.of("WebhookFunction", env, "OfficerApiFunction", officer)));
        serve = ServeCommand.start(0, envFile, new PrintStream(OutputStream.nullOutputStream()));
    }

    @AfterEach
    void stop() throws Exception {
        serve.close();
        channels.close();
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer officer(String method, String pathAndQuery, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + serve.port() + pathAndQuery))
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), TestJson.MAPPER.readTree(r.body()));
    }

    private void citizenWrites(String page, String psid, String mid, String text) throws Exception {
        byte[] body = Signed.messengerText(page, psid, mid, text).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + serve.port() + "/webhook/messenger"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", new MessengerSignature(Signed.MESSENGER_APP_SECRET).sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    private String merge() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new UnitsCommand(env, Clock.systemUTC()).run(List.of("merge", "--from", A, "--into", B),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<String> ids(JsonNode queue) {
        return StreamSupport.stream(queue.get("escalations").spliterator(), false).map(e -> e.get("id").asText())
                .toList();
    }

    @Test
    void afterAMergeTheOtherWardWorksTheMergedWardsCasesAndPagesWhileItsPastFiguresStayReadable() throws Exception {
        citizenWrites(PAGE_A, "psid-1", "m_merge_1", "Cứu với, có cướp đang vào nhà tôi, nó có dao");
        citizenWrites(PAGE_A, "psid-2", "m_merge_2", "Nhà hàng xóm bị trộm xe máy tối qua");
        List<String> before = ids(officer("GET", "/escalations", officerOfA).body());
        assertEquals(2, before.size());
        assertEquals(200, officer("POST", "/escalations/" + before.get(1) + "/claim", officerOfA).status());
        // A day of the merged ward's figures before the merge.
        LocalDate today = LocalDate.now(StoreSettings.VIETNAM);
        var store = new DynamoDbStore(dynamo.client(), table, Clock.systemUTC(), StoreSettings.defaults());
        store.counters().count(A, Instant.now().minus(Duration.ofDays(1)), Counter.QUESTIONS, Counter.ANSWERED);

        String first = merge();
        assertTrue(first.contains("merged: " + A + " → " + B)
                && first.contains("1 page(s) and 2 open or claimed case(s) moved"), first);
        String second = merge();
        assertTrue(second.contains("already merged") && second.contains("0 page(s) and 0"), second);

        assertEquals(List.of(before.get(0)), ids(officer("GET", "/escalations", officerOfB).body()));
        assertEquals(List.of(before.get(1)), ids(officer("GET", "/escalations?status=CLAIMED", officerOfB).body()));
        JsonNode moved = officer("GET", "/escalations/" + before.get(1), officerOfB).body();
        assertEquals("officer-a", moved.get("holder").asText(), "who held it still holds it");
        JsonNode last = moved.get("history").get(moved.get("history").size() - 1);
        assertTrue(last.get("note").asText().contains("Công an phường Bến Nghé")
                && last.get("note").asText().contains("Công an phường Sài Gòn"), last.toString());

        citizenWrites(PAGE_A, "psid-3", "m_merge_3", "Cứu với, nhà tôi đang cháy");
        assertEquals(2, ids(officer("GET", "/escalations", officerOfB).body()).size(),
                "what the merged ward's page receives now is the other ward's");

        Answer refused = officer("GET", "/escalations", officerOfA);
        assertEquals(403, refused.status());
        assertTrue(refused.body().get("message").asText().contains("merged into '" + B + "' (Công an phường Sài Gòn)"),
                refused.body().toString());

        JsonNode past = officer("GET", "/stats?unit=" + A + "&from=" + today.minusDays(1) + "&to=" + today, supervisor)
                .body();
        assertEquals(1, past.at("/units/0/days/0/questions").asInt(), past.toString());
        assertEquals(2, past.at("/units/0/days/1/questions").asInt(), "today's before the merge: " + past);
        JsonNode ofB = officer("GET", "/stats?from=" + today + "&to=" + today, officerOfB).body();
        assertEquals(1, ofB.at("/units/0/total/emergencies").asInt(), "the page's emergency after the merge: " + ofB);
        JsonNode units = officer("GET", "/units", supervisor).body().get("units");
        JsonNode a = StreamSupport.stream(units.spliterator(), false).filter(u -> u.get("id").asText().equals(A))
                .findFirst().orElseThrow();
        assertEquals("MERGED", a.get("status").asText());
        assertEquals(B, a.get("mergedInto").asText());
        assertEquals("Công an phường Bến Nghé", a.get("name").asText());
    }
}
