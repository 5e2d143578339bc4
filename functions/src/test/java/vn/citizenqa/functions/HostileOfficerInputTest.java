package vn.citizenqa.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.citizenqa.functions.WebhookRig.officer;
import static vn.citizenqa.functions.WebhookRig.officerRequest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;

import vn.citizenqa.core.store.EscalationStatus;
import vn.citizenqa.core.store.Store;
import vn.citizenqa.core.store.StoreSettings;
import vn.citizenqa.functions.channel.Signed;
import vn.citizenqa.functions.dynamo.DynamoDbStore;
import vn.citizenqa.functions.officer.OfficerApi;
import vn.citizenqa.functions.officer.OfficerJson;
import vn.citizenqa.functions.testsupport.DynamoDbTestServer;
import vn.citizenqa.functions.testsupport.HostileInputs;

/**
 * The officer API behind its authorizer still takes ids, queries and bodies from browsers: generated hostile ones
 * (fixed seeds, bounded counts) go through the real handler on DynamoDB (dynalite, whose key and size limits are
 * DynamoDB's), and each gets a 2xx or 4xx, a JSON error body, never a 5xx or a stack trace. What citizens wrote
 * comes out intact, and with every character that could start markup escaped.
 */
class HostileOfficerInputTest {

    private static final long SEED = 6_2026L;
    private static final String HOSTILE_REPORT = "Cứu với <script>alert('xss')</script> <img src=x onerror=alert(1)> nhà "
            + "tôi đang cháy & khói \u2028 đầy, gọi 0912 345 678";

    private final DynamoDbTestServer dynamo = DynamoDbTestServer.get();
    private final Store store = new DynamoDbStore(dynamo.client(), dynamo.createTable(), Clock.systemUTC(), StoreSettings.defaults());
    private final WebhookRig rig = new WebhookRig(store, Clock.systemUTC());
    private final OfficerApiHandler officers = rig.officerHandler();
    private final Map<String, String> an = officer("officer-an", WebhookRig.UNIT);
    private final String escalationId;

    HostileOfficerInputTest() {
        assertEquals(200, rig.call(WebhookRig.messenger(WebhookRig.utf8(Signed.messengerText(WebhookRig.PAGE, "psid-hostile",
                "m_hostile_report", HOSTILE_REPORT)))).getStatusCode());
        escalationId = store.escalations().queue(WebhookRig.UNIT, EscalationStatus.OPEN, null, 10).escalations().getFirst().id();
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private record Answer(int status, JsonNode body, String raw) {
    }

    /** Calls the officer function, checking what holds for every request whatever it carries. */
    private Answer call(String label, APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> officers.handleRequest(event, null),
                () -> label + ": no answer");
        String raw = r.getBody();
        assertTrue(r.getStatusCode() >= 200 && r.getStatusCode() < 500, () -> label + " → " + r.getStatusCode() + " " + raw);
        assertFalse(raw.contains("Exception") || raw.contains("\tat "), () -> label + ": internals in " + raw);
        assertEquals("nosniff", r.getHeaders().get("X-Content-Type-Options"));
        JsonNode json;
        try {
            json = OfficerJson.MAPPER.readTree(raw);
        } catch (java.io.IOException e) {
            throw new AssertionError(label + ": not JSON: " + raw, e);
        }
        if (r.getStatusCode() >= 400) {
            assertNotNull(json.get("error"), label + ": an error says its code");
        }
        return new Answer(r.getStatusCode(), json, raw);
    }

    private static String randomText(Random random, int max) {
        String alphabet = "aZ09#%/.?&=+ _-~:;,'\"<>\\\u0000\u001b\u202eđ😀\u200B";
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    @Test
    void hostileIdsAndPathsAreUnknownNeverAFailure() {
        Random random = new Random(SEED);
        List<String> ids = new ArrayList<>(List.of("E" + "0".repeat(20), "x".repeat(5_000), "a#b", "ESC#" + escalationId,
                "..", "%2e%2e", "%00", "%2F", escalationId + "%00", escalationId.toUpperCase() + "\u0000", " ", "%20",
                "\u202e" + escalationId, "😀", "%F0%9F%98%80", "%ZZ", "E3f2a9c1d0b4e5f60718/../../stats"));
        for (int i = 0; i < 40; i++) {
            ids.add(randomText(random, 300));
        }
        int n = 0;
        for (String id : ids) {
            for (String suffix : List.of("", "/claim", "/reply", "/close", "/suggest", "/unknown")) {
                String method = suffix.isEmpty() ? "GET" : "POST";
                String body = "{\"text\":\"Đã tiếp nhận\",\"reason\":\"xong\",\"procedureId\":\"dang-ky-tam-tru\"}";
                Answer a = call("id #" + n++ + " " + abbreviate(id) + suffix,
                        officerRequest(method, "/escalations/" + id + suffix, null, an, body));
                assertTrue(Set.of(400, 404, 405).contains(a.status()), id + suffix + " → " + a.status() + " " + a.raw());
            }
        }
        assertEquals(List.of(), rig.channels.deliveries().stream().filter(d -> d.text().equals("Đã tiếp nhận")).toList());
    }

    @Test
    void hostileQueriesAreRefusedNeverAFailure() {
        Random random = new Random(SEED + 1);
        List<String> values = new ArrayList<>(List.of("", " ", "OPEN", "open", "-1", "0", "101", "1e9", "99999999999999999999",
                "x".repeat(5_000), "2026-13-01", "+999999999-12-31", "-999999999-01-01", "2026-02-30", "2020-01-01",
                Base64.getUrlEncoder().encodeToString(("1#2026-01-01T00:00:00.000Z#" + "x".repeat(3_000)).getBytes(StandardCharsets.UTF_8)),
                Base64.getUrlEncoder().encodeToString("1#2026-01-01T00:00:00.000Z#E1".getBytes(StandardCharsets.UTF_8)),
                "a#b", WebhookRig.UNIT, "cong-an-quan-1"));
        for (int i = 0; i < 30; i++) {
            values.add(randomText(random, 200));
        }
        Map<String, String> chief = officer("chief", null);
        int n = 0;
        for (String v : values) {
            for (String param : List.of("status", "cursor", "limit", "unit")) {
                for (Map<String, String> who : List.of(an, chief)) {
                    Answer a = call("queue " + param + "=" + abbreviate(v) + " #" + n++,
                            officerRequest("GET", "/escalations", Map.of(param, v), who, null));
                    assertTrue(Set.of(200, 400, 403).contains(a.status()), param + "=" + abbreviate(v) + " → " + a.raw());
                }
            }
            for (String param : List.of("from", "to", "unit")) {
                Map<String, String> query = new HashMap<>(Map.of("from", "2026-01-01", "to", "2026-01-31"));
                query.put(param, v);
                Answer a = call("stats " + param + "=" + abbreviate(v), officerRequest("GET", "/stats", query, chief, null));
                assertTrue(Set.of(200, 400, 403).contains(a.status()), param + "=" + abbreviate(v) + " → " + a.raw());
            }
        }
    }

    @Test
    void hostileBodiesAreRefusedNeverAFailure() {
        Random random = new Random(SEED + 2);
        List<String> bodies = new ArrayList<>(List.of("", " ", "null", "[]", "\"text\"", "{", "{\"text\":", "{\"text\":\"\"}",
                "{\"text\":\"\u200B\u200B\"}", "{\"text\":\"" + "a".repeat(2_001) + "\"}", HostileInputs.nested(100_000, true),
                "{\"text\":\"" + "x".repeat(OfficerApi.MAX_BODY_CHARS) + "\"}"));
        for (HostileInputs.Mutation m : HostileInputs.mutations(
                "{\"text\":\"Đã tiếp nhận\",\"procedureId\":\"dang-ky-tam-tru\",\"reason\":\"xong\",\"question\":\"hỏi\",\"answer\":\"đáp\"}",
                HostileInputs.wrongValues())) {
            bodies.add(m.json());
        }
        for (int i = 0; i < 40; i++) {
            bodies.add(new String(HostileInputs.randomBody(random, 500), StandardCharsets.UTF_8));
        }
        int n = 0;
        int sent = 0;
        for (String body : bodies) {
            for (String action : List.of("reply", "suggest")) { // closing would end the others: tried last, below
                Answer a = call(action + " body #" + n++ + " " + abbreviate(body),
                        officerRequest("POST", "/escalations/" + escalationId + "/" + action, null, an, body));
                assertTrue(Set.of(200, 201, 400, 409, 413).contains(a.status()), action + " " + abbreviate(body) + " → " + a.raw());
                sent += action.equals("reply") && a.status() == 200 ? 1 : 0;
            }
        }
        APIGatewayV2HTTPEvent encoded = officerRequest("POST", "/escalations/" + escalationId + "/reply", null, an, null);
        encoded.setBody(Base64.getEncoder().encodeToString(new byte[] {(byte) 0xFF, (byte) 0xFE, '{'}));
        encoded.setIsBase64Encoded(true);
        assertEquals(400, call("invalid UTF-8", encoded).status());
        APIGatewayV2HTTPEvent huge = officerRequest("POST", "/escalations/" + escalationId + "/reply", null, an, null);
        huge.setBody(Base64.getEncoder().encodeToString(new byte[OfficerApi.MAX_BODY_CHARS * 2]));
        huge.setIsBase64Encoded(true);
        assertEquals(413, call("huge base64", huge).status());
        for (String body : List.of("{", "{\"reason\":17}", "{\"reason\":\"" + "r".repeat(501) + "\"}")) {
            assertEquals(400, call("close " + abbreviate(body), officerRequest("POST", "/escalations/" + escalationId + "/close",
                    null, an, body)).status());
        }
        long delivered = rig.channels.deliveries().stream().filter(d -> d.recipientId().equals("psid-hostile")).count();
        assertEquals(1 + sent, delivered, "the acknowledgement, then exactly the replies answered 200");
    }

    @Test
    void hostileClaimsAreUnauthorizedOrForbiddenNeverAFailure() {
        Random random = new Random(SEED + 3);
        List<Map<String, String>> claims = new ArrayList<>();
        claims.add(Map.of());
        claims.add(Map.of("sub", ""));
        claims.add(Map.of("sub", "x", "cognito:groups", "[admin]"));
        claims.add(Map.of("sub", "x", "custom:unit", "x".repeat(5_000), "cognito:groups", "[officer]"));
        claims.add(Map.of("sub", "x", "custom:unit", "a#b", "cognito:groups", "officer"));
        claims.add(Map.of("sub", "x".repeat(5_000), "custom:unit", WebhookRig.UNIT, "cognito:groups", "[officer]"));
        for (int i = 0; i < 40; i++) {
            claims.add(Map.of("sub", randomText(random, 50), "custom:unit", randomText(random, 50),
                    "cognito:groups", random.nextBoolean() ? "[officer]" : randomText(random, 30)));
        }
        for (Map<String, String> c : claims) {
            for (APIGatewayV2HTTPEvent e : List.of(officerRequest("GET", "/escalations", null, c, null),
                    officerRequest("GET", "/escalations/" + escalationId, null, c, null),
                    officerRequest("GET", "/stats", Map.of("from", "2026-01-01", "to", "2026-01-02"), c, null))) {
                Answer a = call("claims " + abbreviate(c.toString()), e);
                assertTrue(Set.of(200, 400, 401, 403, 404).contains(a.status()), c + " → " + a.raw());
                if (a.status() == 200 && e.getRawPath().equals("/escalations/" + escalationId)) {
                    assertEquals(WebhookRig.UNIT, c.get("custom:unit"), "only the unit's officers read the case");
                }
            }
        }
    }

    @Test
    void citizensWordsComeOutIntactWithMarkupCharactersEscaped() {
        Answer detail = call("detail", officerRequest("GET", "/escalations/" + escalationId, null, an, null));
        assertEquals(200, detail.status());
        for (String raw : List.of("<", ">", "&", "'", "\u2028")) {
            assertFalse(detail.raw().contains(raw), "written escaped: " + raw);
        }
        assertEquals(HOSTILE_REPORT, detail.body().get("citizenMessage").get("text").asText(), "the officer reads it as written");
        assertTrue(detail.body().get("citizenText").asText().contains("<script>alert('xss')</script>"));
        assertTrue(detail.body().get("citizenText").asText().contains("[phone]"), "kept beyond the conversation: masked");
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…(" + s.length() + ")";
    }
}
