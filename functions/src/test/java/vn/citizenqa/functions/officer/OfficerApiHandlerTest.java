package vn.citizenqa.functions.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.citizenqa.core.model.Candidate;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.model.Priority;
import vn.citizenqa.core.officer.OfficerDesk;
import vn.citizenqa.core.officer.OfficerReplySender;
import vn.citizenqa.core.officer.ReplyWindows;
import vn.citizenqa.core.store.Author;
import vn.citizenqa.core.store.ConversationMessage;
import vn.citizenqa.core.store.ConversationState;
import vn.citizenqa.core.store.Counter;
import vn.citizenqa.core.store.Escalation;
import vn.citizenqa.core.store.InProcessStore;
import vn.citizenqa.core.store.MessageKey;
import vn.citizenqa.core.store.MutableClock;
import vn.citizenqa.core.store.NewEscalation;
import vn.citizenqa.core.store.StoreSettings;
import vn.citizenqa.functions.OfficerApiHandler;

/**
 * The officer function as API Gateway calls it: events with the authorizer's claims in, status and JSON out, and
 * every body checked against the schema the OpenAPI description declares for that route and status.
 */
class OfficerApiHandlerTest {

    private static final Instant START = Instant.parse("2026-11-20T02:00:00Z");
    private static final String WARD = "cong-an-phuong-ben-nghe";
    private static final Map<String, String> AN = claims("officer-an", WARD, "[officer]");
    private static final Map<String, String> BINH = claims("officer-binh", WARD, "[officer]");
    private static final Map<String, String> OTHER_UNIT = claims("officer-cuong", "cong-an-quan-1", "[officer]");

    private final OfficerApiDescription description = new OfficerApiDescription();
    private MutableClock clock;
    private InProcessStore store;
    private final List<String> sent = new ArrayList<>();
    private OfficerApiHandler handler;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(START);
        store = new InProcessStore(clock, StoreSettings.defaults());
        OfficerReplySender sender = (to, citizenMessageId, text, mode) -> {
            sent.add(mode + " " + to.userId() + " " + text);
            return "mid." + sent.size();
        };
        Map<String, String> titles = Map.of("cap-ho-chieu", "Cấp hộ chiếu");
        handler = new OfficerApiHandler(new OfficerApi(new OfficerDesk(store, sender, ReplyWindows.defaults(),
                id -> Optional.ofNullable(titles.get(id)), clock)));
    }

    private static Map<String, String> claims(String sub, String unit, String groups) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("sub", sub);
        if (unit != null) {
            c.put("custom:unit", unit);
        }
        c.put("cognito:groups", groups);
        c.put("token_use", "access");
        return c;
    }

    private Escalation escalation(String messageId) {
        ConversationKey conversation = new ConversationKey(Channel.MESSENGER, "page-1", "psid-" + messageId);
        store.conversations().append(ConversationMessage.of(conversation, messageId, START, Author.CITIZEN, null,
                "Cứu! Nhà tôi đang cháy, số tôi 0912345678"));
        store.conversations().saveState(new ConversationState(conversation, WARD, null, List.of(), START));
        return store.escalations().create(new NewEscalation(NewEscalation.idFor(new MessageKey(Channel.MESSENGER,
                messageId)), WARD, conversation, messageId, START, Priority.URGENT, "khẩn cấp", Intent.EMERGENCY,
                "Cứu! Nhà tôi đang cháy, số tôi 0912345678", "Gọi ngay 114.",
                List.of(new Candidate("cap-ho-chieu", "Cấp hộ chiếu", 0.1)))).escalation();
    }

    private record Answer(int status, JsonNode body, Map<String, String> headers) {
    }

    private Answer call(String method, String path, Map<String, String> query, Map<String, String> claims, String body) {
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = claims == null ? null
                : APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                        .withClaims(claims).withScopes(null).build())
                .build();
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(method + " " + path)
                .withRawPath(path)
                .withRawQueryString("")
                .withQueryStringParameters(query)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method).withPath(path).build())
                        .withAuthorizer(authorizer)
                        .build())
                .build();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        try {
            JsonNode json = OfficerJson.MAPPER.readTree(response.getBody());
            OfficerRoute.match(method, path).ifPresent(m -> assertEquals(List.of(),
                    description.violations(m.route(), response.getStatusCode(), json),
                    method + " " + path + " answered " + response.getStatusCode() + " " + json));
            return new Answer(response.getStatusCode(), json, response.getHeaders());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    private Answer get(String path, Map<String, String> query, Map<String, String> claims) {
        return call("GET", path, query, claims, null);
    }

    private Answer post(String path, Map<String, String> claims, String body) {
        return call("POST", path, null, claims, body);
    }

    @Test
    void withoutClaimsTheAnswerIs401AndOutsideTheGroups403() {
        Escalation e = escalation("m1");

        Answer none = get("/escalations", null, null);
        assertEquals(401, none.status());
        assertEquals("unauthorized", none.body().get("error").asText());
        assertEquals(401, get("/escalations", null, Map.of("custom:unit", WARD)).status(), "no subject");

        Answer citizen = post("/escalations/" + e.id() + "/claim", claims("u1", WARD, "[citizens]"), null);
        assertEquals(403, citizen.status());
        assertEquals("forbidden", citizen.body().get("error").asText());
        assertEquals(403, get("/escalations", null, claims("u2", null, "[officer]")).status(), "an officer has a unit");
        assertEquals(List.of(), sent);
    }

    @Test
    void theGroupsClaimIsReadInEveryShapeItArrivesIn() {
        escalation("m1");
        for (String groups : List.of("[officer]", "officer", "[officer supervisor]", "officer,supervisor",
                "[\"officer\"]", " [ officer ] ")) {
            assertEquals(200, get("/escalations", null, claims("u", WARD, groups)).status(), groups);
        }
        Answer supervisor = get("/escalations", Map.of("unit", WARD), claims("chief", null, "[supervisor]"));
        assertEquals(200, supervisor.status());
        assertEquals(1, supervisor.body().get("escalations").size());
    }

    @Test
    void theQueueListsTheUnitsEscalationsAsDescribed() {
        Escalation e = escalation("m1");

        Answer queue = get("/escalations", Map.of("status", "OPEN"), AN);

        assertEquals(200, queue.status());
        assertEquals("no-store", queue.headers().get("Cache-Control"));
        JsonNode first = queue.body().get("escalations").get(0);
        assertEquals(e.id(), first.get("id").asText());
        assertEquals("URGENT", first.get("priority").asText());
        assertEquals("Cứu! Nhà tôi đang cháy, số tôi [phone]", first.get("citizenText").asText());
        assertEquals("2026-11-27T02:00:00Z", first.get("replyDeadline").asText());
        assertTrue(queue.body().get("nextCursor").isNull());
        assertEquals(0, get("/escalations", null, OTHER_UNIT).body().get("escalations").size());
    }

    @Test
    void anUnknownStatusIsRefusedListingTheValidOnes() {
        Answer bad = get("/escalations", Map.of("status", "DONE"), AN);

        assertEquals(400, bad.status());
        assertEquals("invalid_status", bad.body().get("error").asText());
        assertEquals("[\"OPEN\",\"CLAIMED\",\"ANSWERED\",\"CLOSED\"]", bad.body().get("validValues").toString());
    }

    @Test
    void anotherUnitsEscalationIsNotFound() {
        Escalation e = escalation("m1");

        Answer detail = get("/escalations/" + e.id(), null, OTHER_UNIT);
        Answer reply = post("/escalations/" + e.id() + "/reply", OTHER_UNIT, "{\"text\":\"Chào\"}");

        assertEquals(404, detail.status());
        assertEquals("not_found", detail.body().get("error").asText());
        assertEquals(404, reply.status());
        assertEquals(get("/escalations/E-none", null, AN).body().get("message").asText().replace("E-none", e.id()),
                detail.body().get("message").asText(), "another unit's id is answered as an unknown one");
        assertEquals(List.of(), sent);
    }

    @Test
    void aCaseShowsTheCitizensWordsTheDraftAndTheWindow() {
        Escalation e = escalation("m1");

        Answer detail = get("/escalations/" + e.id(), null, AN);

        assertEquals(200, detail.status());
        assertEquals("Cứu! Nhà tôi đang cháy, số tôi 0912345678", detail.body().at("/citizenMessage/text").asText());
        assertEquals("Gọi ngay 114.", detail.body().at("/draft/reply").asText());
        assertEquals("cap-ho-chieu", detail.body().at("/draft/candidates/0/id").asText());
        assertEquals("STANDARD", detail.body().at("/replyWindow/mode").asText());
        assertEquals("assistant", detail.body().at("/history/0/by").asText());
    }

    @Test
    void aSecondClaimIs409NamingTheHolder() {
        Escalation e = escalation("m1");

        Answer first = post("/escalations/" + e.id() + "/claim", AN, null);
        Answer second = post("/escalations/" + e.id() + "/claim", BINH, null);

        assertEquals(200, first.status());
        assertEquals("CLAIMED", first.body().get("status").asText());
        assertEquals(409, second.status());
        assertEquals("held_by_other", second.body().get("error").asText());
        assertEquals("officer-an", second.body().get("holder").asText());
    }

    @Test
    void aReplyIsSentRecordedAndDescribed() {
        Escalation e = escalation("m1");
        clock.advance(Duration.ofMinutes(3));

        Answer reply = post("/escalations/" + e.id() + "/reply", AN,
                "{\"text\":\" Lực lượng PCCC đang đến. \",\"procedureId\":\"cap-ho-chieu\"}");

        assertEquals(200, reply.status(), reply.body().toString());
        assertEquals(List.of("STANDARD psid-m1 Lực lượng PCCC đang đến."), sent);
        assertEquals("ANSWERED", reply.body().at("/escalation/status").asText());
        assertEquals("STANDARD", reply.body().at("/delivery/mode").asText());
        assertEquals("mid.1", reply.body().at("/delivery/platformMessageId").asText());
        assertEquals("cap-ho-chieu", store.conversations().state(e.conversation()).orElseThrow().lastProcedureId());

        Answer stats = get("/stats", Map.of("from", "2026-11-20", "to", "2026-11-20"), AN);
        assertEquals(200, stats.status());
        assertEquals(1, stats.body().at("/units/0/days/0/officerReplies").asInt());
        assertEquals(180, stats.body().at("/units/0/days/0/medianFirstReplySeconds").asInt());
        assertEquals(1, stats.body().at("/units/0/total/firstReplies").asInt());
        assertTrue(stats.body().at("/units/0/total/day").isNull());
        assertEquals(1, store.counters().figures(WARD, java.time.LocalDate.of(2026, 11, 20),
                java.time.LocalDate.of(2026, 11, 20)).getFirst().count(Counter.OFFICER_REPLIES));
    }

    @Test
    void badReplyBodiesAre400AndNothingIsSent() {
        Escalation e = escalation("m1");
        String path = "/escalations/" + e.id() + "/reply";

        assertEquals("malformed_json", post(path, AN, "{\"text\": ").body().get("error").asText());
        assertEquals("malformed_json", post(path, AN, "[\"text\"]").body().get("error").asText());
        assertEquals("malformed_json", post(path, AN, null).body().get("error").asText());
        assertEquals("invalid_request", post(path, AN, "{\"text\": 42}").body().get("error").asText());
        assertEquals("invalid_request", post(path, AN, "{\"text\": \"   \"}").body().get("error").asText());
        assertEquals("invalid_request", post(path, AN, "{\"text\": \"" + "a".repeat(2001) + "\"}").body().get("error").asText());
        assertEquals("unknown_procedure", post(path, AN, "{\"text\": \"Chào\", \"procedureId\": \"x\"}").body().get("error").asText());
        assertEquals(400, post(path, AN, "{\"text\": ").status());
        assertEquals(List.of(), sent);
    }

    @Test
    void aBase64BodyIsDecodedAndABrokenOneRefused() {
        Escalation e = escalation("m1");
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = APIGatewayV2HTTPEvent.RequestContext.Authorizer
                .builder().withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(AN).build())
                .build();
        for (String body : List.of(Base64.getEncoder().encodeToString("{\"reason\":\"xong\"}".getBytes(StandardCharsets.UTF_8)),
                "%%%not-base64")) {
            APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                    .withRawPath("/escalations/" + e.id() + "/close")
                    .withBody(body)
                    .withIsBase64Encoded(true)
                    .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").build())
                            .withAuthorizer(authorizer).build())
                    .build();
            int status = handler.handleRequest(event, null).getStatusCode();
            assertEquals(body.startsWith("%") ? 400 : 200, status, body);
        }
    }

    @Test
    void pastTheWindowAReplyIs409WithTheWindowAndNothingIsSent() {
        Escalation e = escalation("m1");
        clock.advance(Duration.ofDays(8));

        Answer late = post("/escalations/" + e.id() + "/reply", AN, "{\"text\":\"Chào bạn\"}");

        assertEquals(409, late.status());
        assertEquals("reply_window_closed", late.body().get("error").asText());
        assertEquals("CLOSED", late.body().at("/replyWindow/mode").asText());
        assertEquals(List.of(), sent);
    }

    @Test
    void closingAndThenActingOnTheClosedEscalationIs409() {
        Escalation e = escalation("m1");
        String base = "/escalations/" + e.id();

        Answer closed = post(base + "/close", AN, "{\"reason\":\"Đã xử lý qua điện thoại\"}");
        assertEquals(200, closed.status());
        assertEquals("CLOSED", closed.body().get("status").asText());
        assertEquals("officer-an", closed.body().at("/closure/officer").asText());

        for (Answer a : List.of(post(base + "/claim", AN, null), post(base + "/reply", AN, "{\"text\":\"x\"}"),
                post(base + "/close", AN, "{\"reason\":\"x\"}"))) {
            assertEquals(409, a.status());
            assertEquals("closed", a.body().get("error").asText());
        }
        assertEquals(List.of(), sent);
    }

    @Test
    void aSuggestionIsStoredAs201() {
        Escalation e = escalation("m1");

        Answer created = post("/escalations/" + e.id() + "/suggest", AN,
                "{\"procedureId\":\"cap-ho-chieu\",\"question\":\"Làm hộ chiếu cần gì?\",\"answer\":\"Tờ khai TK01.\"}");

        assertEquals(201, created.status());
        assertEquals("PENDING", created.body().get("status").asText());
        assertEquals("Làm hộ chiếu cần gì?", store.suggestions().pending(10).getFirst().question());
    }

    @Test
    void figuresOfAnotherUnitAreForSupervisorsAndBadDaysAre400() {
        assertEquals(403, get("/stats", Map.of("from", "2026-11-20", "to", "2026-11-20", "unit", "cong-an-quan-1"), AN)
                .status());
        assertEquals(400, get("/stats", Map.of("from", "2026-11-21", "to", "2026-11-20"), AN).status());
        assertEquals(400, get("/stats", Map.of("to", "2026-11-20"), AN).status());
        assertEquals(200, get("/stats", Map.of("from", "2026-11-20", "to", "2026-11-20", "unit", "cong-an-quan-1"),
                claims("chief", null, "[supervisor]")).status());
    }

    @Test
    void unknownRoutesAndMethodsAreAnsweredInJson() {
        assertEquals(404, get("/nothing", null, AN).status());
        Answer wrongMethod = call("DELETE", "/escalations/E1", null, AN, null);
        assertEquals(405, wrongMethod.status());
        assertEquals("method_not_allowed", wrongMethod.body().get("error").asText());
    }
}
