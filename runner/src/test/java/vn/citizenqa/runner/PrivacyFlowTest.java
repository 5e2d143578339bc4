package vn.citizenqa.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import vn.citizenqa.core.store.StoreSettings;
import vn.citizenqa.functions.channel.Signed;
import vn.citizenqa.functions.channel.messenger.MessengerSignature;
import vn.citizenqa.functions.channel.zalo.ZaloSignature;
import vn.citizenqa.functions.dynamo.StoreTable;
import vn.citizenqa.functions.logging.JsonLogFormatter;
import vn.citizenqa.functions.testsupport.DynamoDbTestServer;
import vn.citizenqa.functions.testsupport.TcpRelay;
import vn.citizenqa.functions.testsupport.TestJson;
import vn.citizenqa.standin.ChannelStandIn;

/**
 * Personal data through a whole flow in {@code serve} on DynamoDB, as an operator runs it: a citizen reports a theft
 * with a phone number and an ID number, asks a question, a reply fails once, a forged request and a flood arrive,
 * the store drops out for a moment; officers read, claim, answer (repeating the number), suggest and close. Then:
 * the logs of all of it hold no token, no secret and none of the citizen's words or numbers; every item that keeps
 * raw text expires; and an officer of another unit reaches none of it through any route.
 */
class PrivacyFlowTest {

    private static final String WARD_PAGE = "100000000000001";
    private static final String DISTRICT_PAGE = "100000000000002";
    private static final String OA = "388613280878808645";
    private static final String WARD = "ca-phuong-ben-nghe";
    private static final String DISTRICT = "ca-quan-1";
    private static final String JWT_SECRET = "privacy-test-officer-jwt-secret-0123456789";
    private static final List<String> SECRETS = List.of("ward-page-token", "district-page-token", "zalo-oa-access-token",
            "zalo-oa-refresh-token", Signed.MESSENGER_APP_SECRET, Signed.ZALO_OA_SECRET, "privacy-zalo-app-secret", JWT_SECRET);
    private static final String REPORT = "Xe máy của tôi bị trộm trước nhà 12 Lê Lợi, số tôi 0912 345 678, CCCD 079204001234";
    /** The numbers and addresses masking removes from everything kept beyond the conversation. */
    private static final List<String> IDENTIFIERS = List.of("0912 345 678", "0912345678", "079204001234", "0987.654.321",
            "nguyen.an@gmail.com");
    /** Everything personal: the identifiers and the citizen's own words, none of which a log line may hold. */
    private static final List<String> PERSONAL = java.util.stream.Stream.concat(IDENTIFIERS.stream(),
            java.util.stream.Stream.of("Xe máy của tôi bị trộm", "Lê Lợi", "bị lừa đảo")).toList();

    private final ChannelStandIn channels = ChannelStandIn.start(0, null);
    private final DynamoDbTestServer dynamo = DynamoDbTestServer.get();
    private final String table = dynamo.createTable();
    private final TcpRelay relay = TcpRelay.to(dynamo.endpoint());
    private final Path dir = Files.createTempDirectory("privacy-flow");
    private final HttpClient http = HttpClient.newHttpClient();
    private final DevTokens tokens = new DevTokens(JWT_SECRET, Clock.systemUTC());
    private final String wardOfficer = tokens.issue("officer-an", WARD, List.of("officer"), Duration.ofHours(1));
    private final String districtOfficer = tokens.issue("officer-cuong", DISTRICT, List.of("officer"), Duration.ofHours(1));
    private final ByteArrayOutputStream serveLog = new ByteArrayOutputStream();
    private final List<String> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        private final JsonLogFormatter format = new JsonLogFormatter();

        @Override
        public synchronized void publish(LogRecord record) {
            logged.add(format.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final ServeCommand.Running serve;

    PrivacyFlowTest() throws Exception {
        Path pages = dir.resolve("pages.json");
        Files.writeString(pages, """
                [{"channel": "messenger", "pageId": "%s", "unit": "%s", "name": "Công an phường Bến Nghé", "accessToken": "ward-page-token"},
                 {"channel": "messenger", "pageId": "%s", "unit": "%s", "name": "Công an Quận 1", "accessToken": "district-page-token"},
                 {"channel": "zalo", "pageId": "%s", "unit": "%s", "name": "Công an phường Bến Nghé",
                  "accessToken": "zalo-oa-access-token", "refreshToken": "zalo-oa-refresh-token"}]"""
                .formatted(WARD_PAGE, WARD, DISTRICT_PAGE, DISTRICT, OA, WARD));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TABLE_NAME", table);
        env.put("DYNAMODB_ENDPOINT", relay.endpoint().toString());
        env.put("AWS_REGION", "ap-southeast-1");
        env.put("PAGES_FILE", pages.toString());
        env.put("MESSENGER_APP_SECRET", Signed.MESSENGER_APP_SECRET);
        env.put("MESSENGER_VERIFY_TOKEN", Signed.MESSENGER_VERIFY_TOKEN);
        env.put("ZALO_APP_ID", Signed.ZALO_APP_ID);
        env.put("ZALO_OA_SECRET", Signed.ZALO_OA_SECRET);
        env.put("ZALO_APP_SECRET", "privacy-zalo-app-secret");
        env.put("GRAPH_API_BASE", channels.graphApiBase());
        env.put("ZALO_API_BASE", channels.zaloApiBase());
        env.put("ZALO_OAUTH_BASE", channels.zaloOAuthBase());
        env.put("CHANNEL_TIMEOUT_MS", "1000");
        Map<String, String> officer = new LinkedHashMap<>(env);
        officer.put(DevTokens.SECRET_VARIABLE, JWT_SECRET);
        Path envFile = dir.resolve("env.json");
        Files.writeString(envFile, TestJson.MAPPER.writeValueAsString(Map.of("WebhookFunction", env, "OfficerApiFunction", officer)));
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        serve = ServeCommand.start(0, envFile, new PrintStream(serveLog, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() throws Exception {
        Logger.getLogger("").removeHandler(capture);
        serve.close();
        relay.close();
        channels.close();
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private int messenger(String page, String psid, String mid, String text, boolean forged) throws Exception {
        byte[] body = Signed.messengerText(page, psid, mid, text).getBytes(StandardCharsets.UTF_8);
        String secret = forged ? "guessed-secret" : Signed.MESSENGER_APP_SECRET;
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serve.port() + "/webhook/messenger"))
                .header("X-Hub-Signature-256", new MessengerSignature(secret).sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private int zalo(String user, String msgId, String text) throws Exception {
        byte[] body = Signed.zaloText(OA, user, msgId, text).getBytes(StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serve.port() + "/webhook/zalo"))
                .header("X-ZEvent-Signature", new ZaloSignature(Signed.ZALO_APP_ID, Signed.ZALO_OA_SECRET).sign(body, Signed.NOW_MILLIS))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer officer(String method, String pathAndQuery, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serve.port() + pathAndQuery));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), TestJson.MAPPER.readTree(r.body()));
    }

    /** The citizen's report, escalated to the ward; returns its escalation id. */
    private String reportEscalated() throws Exception {
        assertEquals(200, messenger(WARD_PAGE, "psid-victim", "m_report", REPORT, false));
        Answer queue = officer("GET", "/escalations", wardOfficer, null);
        assertEquals(200, queue.status(), queue.body().toString());
        return queue.body().at("/escalations/0/id").asText();
    }

    @Test
    void aWholeFlowLeavesNoSecretNorPersonalDataInTheLogsAndRawTextOnlyWhereItExpires() throws Exception {
        String id = reportEscalated();
        assertEquals(200, messenger(WARD_PAGE, "psid-victim", "m_question", "Làm lại căn cước thì gọi 0987.654.321 hay "
                + "gửi nguyen.an@gmail.com?", false));
        assertEquals(200, zalo("zalo-victim", "z_report", "Tôi bị lừa đảo, số kẻ gian 0912345678"));
        channels.failNext(2, 500);
        assertEquals(502, messenger(WARD_PAGE, "psid-victim", "m_failed", "CCCD 079204001234 bị mất thì sao", false));
        assertEquals(200, messenger(WARD_PAGE, "psid-victim", "m_failed", "CCCD 079204001234 bị mất thì sao", false));
        assertEquals(401, messenger(WARD_PAGE, "psid-victim", "m_forged", REPORT, true));
        for (int i = 0; i < 22; i++) {
            messenger(WARD_PAGE, "psid-flood", "m_flood_" + i, "gọi 0912 345 678 số " + i, false);
        }
        relay.cut();
        assertEquals(503, messenger(WARD_PAGE, "psid-victim", "m_outage", REPORT, false));
        assertEquals(503, officer("GET", "/escalations/" + id, wardOfficer, null).status());
        relay.restore();
        assertEquals(200, messenger(WARD_PAGE, "psid-victim", "m_outage", REPORT, false));

        assertEquals(200, officer("GET", "/escalations/" + id, wardOfficer, null).status());
        assertEquals(200, officer("POST", "/escalations/" + id + "/claim", wardOfficer, null).status());
        assertEquals(200, officer("POST", "/escalations/" + id + "/reply", wardOfficer,
                "{\"text\": \"Công an phường sẽ gọi lại anh theo số 0912 345 678 trong hôm nay.\"}").status());
        assertEquals(201, officer("POST", "/escalations/" + id + "/suggest", wardOfficer,
                "{\"procedureId\": \"cap-lai-the-can-cuoc\"}").status());
        assertEquals(200, officer("POST", "/escalations/" + id + "/close", wardOfficer,
                "{\"reason\": \"Đã gọi 0912 345 678, đã lập biên bản\"}").status());
        assertEquals(401, officer("GET", "/escalations", "not-a-token", null).status());
        assertEquals(401, officer("GET", "/escalations", tokens.issue("x", WARD, List.of("officer"), Duration.ofMinutes(-10)), null)
                .status());

        // Every record is one JSON object on one line, with the request's fields beside the message.
        List<JsonNode> lines = new ArrayList<>();
        for (String line : logged) {
            assertTrue(line.endsWith(System.lineSeparator()) && line.strip().lines().count() == 1, "one line per record: " + line);
            JsonNode json = TestJson.MAPPER.readTree(line);
            assertTrue(json.isObject() && json.path("level").isTextual() && json.path("logger").isTextual()
                    && json.path("message").isTextual() && json.path("timestamp").isTextual(), line);
            lines.add(json);
        }
        assertTrue(lines.stream().anyMatch(l -> l.path("logger").asText().equals("citizenqa.security")
                && l.path("channel").asText().equals("messenger") && l.path("outcome").asText().equals("rejected")
                && !l.path("requestId").asText().isEmpty()), "a rejected webhook is logged with its request and channel: " + logged);
        assertTrue(lines.stream().anyMatch(l -> l.path("message").asText().contains("escalation")
                && l.path("level").asText().equals("INFO") && !l.path("requestId").asText().isEmpty()), "the escalation is logged: " + logged);
        String logs = String.join("", logged) + serveLog.toString(StandardCharsets.UTF_8);
        assertTrue(logs.contains("citizenqa.security") && logs.contains("escalation") && logs.contains("unreachable"),
                "the flow was logged: " + logs);
        for (String secret : SECRETS) {
            assertFalse(logs.contains(secret), "a secret in the logs: " + secret);
        }
        for (String token : List.of(wardOfficer, districtOfficer, "eyJ", "Bearer", "access_token=")) {
            assertFalse(logs.contains(token), "a token in the logs: " + token);
        }
        for (String personal : PERSONAL) {
            assertFalse(logs.contains(personal), "citizen data in the logs: " + personal);
        }

        // Raw text stays only on items that expire within the retention; everything kept longer has it masked
        // (escalations and suggestions keep the citizen's words, without the numbers, as the unit's record).
        long latestExpiry = Instant.now().plus(StoreSettings.DEFAULT_CONVERSATION_RETENTION).plusSeconds(60).getEpochSecond();
        List<Map<String, AttributeValue>> items = dynamo.client().scan(ScanRequest.builder().tableName(table).build()).items();
        int raw = 0;
        for (Map<String, AttributeValue> item : items) {
            String where = item.get("PK").s() + " " + item.get("SK").s();
            boolean holdsPersonalData = IDENTIFIERS.stream().anyMatch(p -> item.toString().contains(p));
            if (holdsPersonalData) {
                raw++;
                assertTrue(item.containsKey(StoreTable.TTL_ATTRIBUTE), "raw text without an expiry: " + where);
                assertTrue(Long.parseLong(item.get(StoreTable.TTL_ATTRIBUTE).n()) <= latestExpiry, "kept too long: " + where);
                assertTrue(item.get("SK").s().startsWith("M#"), "raw text outside the conversation messages: " + where);
            }
            for (String secret : List.of(Signed.MESSENGER_APP_SECRET, Signed.ZALO_OA_SECRET, JWT_SECRET)) {
                assertFalse(item.toString().contains(secret), "a secret stored: " + where);
            }
        }
        assertTrue(raw > 5, "the conversation messages hold the citizens' words: " + raw);
    }

    @Test
    void anOfficerOfAnotherUnitReachesNothingOfTheWardThroughAnyRoute() throws Exception {
        String id = reportEscalated();
        String cursor = wardCursor();
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(7));
        String stats = "from=" + today + "&to=" + today;

        assertEquals(0, officer("GET", "/escalations", districtOfficer, null).body().get("escalations").size(), "own queue: empty");
        for (String status : List.of("OPEN", "CLAIMED", "ANSWERED", "CLOSED")) {
            assertEquals(403, officer("GET", "/escalations?status=" + status + "&unit=" + WARD, districtOfficer, null).status());
        }
        assertEquals(0, officer("GET", "/escalations?cursor=" + cursor, districtOfficer, null).body().get("escalations").size(),
                "the ward's cursor pages the district's own queue");
        assertEquals(404, officer("GET", "/escalations/" + id, districtOfficer, null).status());
        for (String action : List.of("claim", "reply", "close", "suggest")) {
            Answer a = officer("POST", "/escalations/" + id + "/" + action, districtOfficer,
                    "{\"text\": \"Chào\", \"reason\": \"x\", \"procedureId\": \"cap-lai-the-can-cuoc\"}");
            assertEquals(404, a.status(), action + ": " + a.body());
        }
        assertEquals(403, officer("GET", "/stats?" + stats + "&unit=" + WARD, districtOfficer, null).status());
        JsonNode own = officer("GET", "/stats?" + stats, districtOfficer, null).body();
        assertEquals(DISTRICT, own.at("/units/0/unit").asText());
        assertEquals(1, own.get("units").size(), "only the own unit's figures");
        assertEquals(0, own.at("/units/0/total/questions").asInt());

        Answer untouched = officer("GET", "/escalations/" + id, wardOfficer, null);
        assertEquals("OPEN", untouched.body().get("status").asText(), "nothing the other unit tried changed it");
        assertEquals(1, untouched.body().get("history").size());
        assertEquals(2, channels.deliveries().size(), "only the assistant's two acknowledgements reached the citizens");
    }

    /** A cursor into the ward's queue (two escalations more, one to a page). */
    private String wardCursor() throws Exception {
        assertEquals(200, messenger(WARD_PAGE, "psid-2", "m_report_2", "Nhà tôi bị trộm đêm qua", false));
        Answer page = officer("GET", "/escalations?limit=1", wardOfficer, null);
        assertEquals(200, page.status(), page.body().toString());
        return page.body().get("nextCursor").asText();
    }
}
