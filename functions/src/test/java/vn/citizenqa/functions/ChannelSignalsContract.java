package vn.citizenqa.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.answer.ConversationReplies;
import vn.citizenqa.core.answer.ReplyDrafter;
import vn.citizenqa.core.model.ConversationContext;
import vn.citizenqa.functions.channel.Signed;
import vn.citizenqa.standin.ChannelStandIn;

/**
 * No citizen signal lost: each documented event kind of {@code platform-events/} sent signed to the webhook, and what
 * it leaves in officers' hands read back through the officer API. Run through the handler and through {@code serve}.
 */
public abstract class ChannelSignalsContract {

    protected static final String UNIT = "ca-phuong-ben-nghe";
    protected static final String PSID = "6543210987654321";
    protected static final String ZALO_USER = "2468458835296197922";
    protected static final String ANONYMOUS = "anonymous:a1b2c3d4e5f60718:conv9876543210";

    /** A response's status and JSON body. */
    public record Answer(int status, JsonNode body) {
    }

    /** Posts a signed platform event to {@code /webhook/messenger} or {@code /webhook/zalo}. */
    protected abstract Answer post(String channel, String json) throws Exception;

    /** An officer of {@link #UNIT} calling the officer API, with a JSON body or none (null). */
    protected abstract Answer officer(String method, String pathAndQuery, String json) throws Exception;

    Answer officer(String method, String pathAndQuery) throws Exception {
        return officer(method, pathAndQuery, null);
    }

    protected abstract ChannelStandIn channels();

    Answer messenger(String fixture) throws Exception {
        return post("messenger", Signed.fixture(fixture));
    }

    Answer zalo(String fixture) throws Exception {
        return post("zalo", Signed.fixture(fixture));
    }

    private List<JsonNode> openQueue() throws Exception {
        Answer q = officer("GET", "/escalations?status=OPEN");
        assertEquals(200, q.status(), q.body().toString());
        return List.copyOf(iterable(q.body().get("escalations")));
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private JsonNode onlyCase() throws Exception {
        List<JsonNode> open = openQueue();
        assertEquals(1, open.size(), open.toString());
        Answer detail = officer("GET", "/escalations/" + open.getFirst().get("id").asText());
        assertEquals(200, detail.status(), detail.body().toString());
        return detail.body();
    }

    private String lastReplyTo(String recipient) {
        List<ChannelStandIn.Delivery> to = channels().deliveries().stream().filter(d -> d.recipientId().equals(recipient)).toList();
        assertFalse(to.isEmpty(), "no reply to " + recipient);
        return to.getLast().text();
    }

    private static void ok(Answer a) {
        assertEquals(200, a.status(), a.body().toString());
    }

    @Test
    void aLocationAfterAnEmergencyJoinsItsCaseWithTheCoordinatesAndAMapLink() throws Exception {
        ok(messenger("messenger-emergency.json"));
        ok(messenger("messenger-location.json"));

        JsonNode c = onlyCase();
        assertEquals("URGENT", c.get("priority").asText());
        JsonNode place = c.at("/additions/0");
        assertEquals("location", place.get("kind").asText(), c.toString());
        assertEquals(10.7768889, place.get("latitude").asDouble(), 1e-9);
        assertEquals(106.7008056, place.get("longitude").asDouble(), 1e-9);
        assertEquals("https://www.google.com/maps/search/?api=1&query=10.776889,106.700806", place.get("mapLink").asText());
        assertEquals(10.7768889, c.at("/location/latitude").asDouble(), 1e-9, "the console's place panel reads it");
        String reply = lastReplyTo(PSID);
        assertTrue(reply.contains("Vị trí đã được chuyển cho cán bộ"), reply);
        assertFalse(reply.contains("hình ảnh"), "a location is not an image or a file: " + reply);
    }

    @Test
    void aZaloPlaceNameJoinsTheCaseAndIsNeverSearchedAsAQuestion() throws Exception {
        ok(zalo("zalo-emergency.json"));
        ok(zalo("zalo-location.json"));
        JsonNode place = onlyCase().at("/additions/0");
        assertEquals("Chợ Bến Thành, Lê Lợi, Quận 1", place.get("placeName").asText());
        assertEquals(10.7725, place.get("latitude").asDouble(), 1e-9);
        assertTrue(lastReplyTo(ZALO_USER).contains("(Chợ Bến Thành, Lê Lợi, Quận 1)"));
    }

    @Test
    void aLocationWithNoCaseOpenAsksWhatIsHappeningThere() throws Exception {
        ok(zalo("zalo-location.json"));
        assertEquals(ConversationReplies.locationWhatHappens("Chợ Bến Thành, Lê Lợi, Quận 1"), lastReplyTo(ZALO_USER));
        assertTrue(openQueue().isEmpty());
    }

    @Test
    void anAnonymousEmergencyIsUrgentInTheUnitsQueueAndAnsweredThroughTheAnonymousApi() throws Exception {
        ok(zalo("zalo-anonymous-emergency.json"));
        JsonNode c = onlyCase();
        assertEquals("URGENT", c.get("priority").asText());
        assertEquals("EMERGENCY", c.get("intent").asText());
        assertTrue(lastReplyTo(ANONYMOUS).contains("113"), "the emergency numbers first");
    }

    @Test
    void anAnonymousEmergencyZaloWillNotLetUsAnswerStillReachesOfficers() throws Exception {
        channels().refuseAnonymousReplies();
        Answer a = zalo("zalo-anonymous-emergency.json");
        ok(a);
        assertEquals(0, a.body().get("sendFailed").asInt());
        JsonNode c = onlyCase();
        assertEquals("URGENT", c.get("priority").asText());
        assertTrue(channels().deliveries().isEmpty());

        // An officer is told the truth: the reply did not reach the citizen.
        Answer reply = officer("POST", "/escalations/" + c.get("id").asText() + "/reply", "{\"text\": \"Công an đang đến.\"}");
        assertEquals(502, reply.status(), reply.body().toString());
        assertEquals("channel_failed", reply.body().get("error").asText());
    }

    @Test
    void submittedInfoAfterAnEmergencyJoinsTheCaseMaskedWhileTheConversationKeepsItRaw() throws Exception {
        ok(zalo("zalo-emergency.json"));
        ok(zalo("zalo-submit-info.json"));
        JsonNode c = onlyCase();
        JsonNode contact = c.at("/additions/0");
        assertEquals("contact", contact.get("kind").asText(), c.toString());
        assertEquals("Nguyễn Thị Lan", contact.get("name").asText());
        assertEquals("Nguyễn Thị Lan", c.at("/contact/name").asText());
        assertNotEquals("84912345678", contact.get("phone").asText(), "masked on the case");
        assertTrue(c.get("conversation").toString().contains("84912345678"), "raw on the expiring conversation");
        assertEquals(ConversationReplies.contactJoinedCase(), lastReplyTo(ZALO_USER));
    }

    @Test
    void submittedInfoWithNoCaseIsKeptOnTheConversationAndAcknowledged() throws Exception {
        ok(zalo("zalo-submit-info.json"));
        assertEquals(ConversationReplies.contactKept(), lastReplyTo(ZALO_USER));
        assertTrue(openQueue().isEmpty());
    }

    @Test
    void anEditThatBecomesAnEmergencyEscalatesAndAnEditedQuestionIsNotAnsweredTwice() throws Exception {
        ok(messenger("messenger-question.json"));
        assertEquals(1, channels().deliveries().size());
        ok(messenger("messenger-edit-question.json"));
        assertEquals(1, channels().deliveries().size(), "the question was answered already");
        assertTrue(openQueue().isEmpty());

        ok(messenger("messenger-edit-emergency.json"));
        JsonNode c = onlyCase();
        assertEquals("URGENT", c.get("priority").asText());
        assertTrue(lastReplyTo(PSID).contains("113"));
    }

    @Test
    void anEmergencyOnStandbyEscalatesAndNothingIsSent() throws Exception {
        ok(messenger("messenger-standby-emergency.json"));
        ok(messenger("messenger-standby-question.json"));
        JsonNode c = onlyCase();
        assertEquals("URGENT", c.get("priority").asText());
        assertTrue(c.get("reason").asText().contains("chế độ chờ"), c.get("reason").asText());
        assertTrue(channels().deliveries().isEmpty(), "another app holds the thread: " + channels().deliveries());
    }

    @Test
    void getStartedInEveryCommonShapeGetsTheWelcome() throws Exception {
        int n = 0;
        for (String payload : List.of("GET_STARTED", "get_started", "__GET_STARTED__", "GET_STARTED_PAYLOAD", "getStarted")) {
            String json = Signed.fixture("messenger-postback.json", Map.of("TITLE", "Bắt đầu", "PAYLOAD", payload))
                    .replace("m_sig_postback", "m_sig_postback_" + n++);
            ok(post("messenger", json));
            assertTrue(lastReplyTo(PSID).startsWith("Chào mừng bạn đến với trang"), payload + ": " + lastReplyTo(PSID));
        }
        assertEquals(n, channels().deliveries().size());
    }

    @Test
    void aPayloadWeDidNotCreateIsReadByItsTitleOrText() throws Exception {
        String question = "Đăng ký tạm trú";
        ok(post("messenger", Signed.fixture("messenger-postback.json", Map.of("TITLE", question, "PAYLOAD", "MENU_TAM_TRU_01"))));
        assertEquals(answerTo(question), lastReplyTo(PSID));
        ok(messenger("messenger-quick-reply-foreign.json"));
        assertEquals(answerTo("Làm hộ chiếu"), lastReplyTo(PSID));
    }

    /** The assistant's reply to the words, as the drafter writes it. */
    private static String answerTo(String words) {
        var decision = Wiring.assistant().decide(words, ConversationContext.NONE);
        return new ReplyDrafter(Wiring.assistant().knowledgeBase()).text(decision.reply(), decision.language());
    }

    @Test
    void aThumbsUpRightAfterAnAnswerIsThanksNotALecture() throws Exception {
        ok(messenger("messenger-question.json"));
        ok(messenger("messenger-like-sticker.json"));
        assertEquals(ConversationReplies.thanksForFeedback(), lastReplyTo(PSID));
        ok(messenger("messenger-reaction-like.json"));
        assertEquals(ConversationReplies.thanksForFeedback(), lastReplyTo(PSID));
        assertEquals(3, channels().deliveries().size());
        ok(zalo("zalo-question.json"));
        ok(zalo("zalo-sticker.json"));
        assertEquals(ConversationReplies.thanksForFeedback(), lastReplyTo(ZALO_USER));
        ok(zalo("zalo-reaction-like.json"));
        assertEquals(ConversationReplies.thanksForFeedback(), lastReplyTo(ZALO_USER));
        assertTrue(channels().deliveries().stream().noneMatch(d -> d.text().contains("chỉ đọc được tin nhắn bằng chữ")));
        assertTrue(openQueue().isEmpty());
    }

    @Test
    void anAngryReactionToAnAnswerEscalatesAsChuaDungDoes() throws Exception {
        ok(messenger("messenger-question.json"));
        ok(messenger("messenger-reaction-angry.json"));
        JsonNode c = onlyCase();
        assertEquals("NORMAL", c.get("priority").asText());
        assertEquals("người dân báo câu trả lời chưa đúng", c.get("reason").asText());
        assertEquals(ConversationReplies.wrongAnswerEscalated(), lastReplyTo(PSID));
    }

    @Test
    void aPolicyEnforcementIsAcknowledgedAndAnswersNobody() throws Exception {
        Answer a = messenger("messenger-policy-enforcement.json");
        ok(a);
        assertEquals(1, a.body().get("ignored").asInt(), a.body().toString());
        assertTrue(channels().deliveries().isEmpty());
    }
}
