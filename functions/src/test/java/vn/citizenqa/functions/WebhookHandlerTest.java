package vn.citizenqa.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.citizenqa.core.answer.ConversationReplies;
import vn.citizenqa.core.answer.ReplyDrafter;
import vn.citizenqa.core.channel.ChannelCapability;
import vn.citizenqa.core.channel.MessageParts;
import vn.citizenqa.core.channel.ReplyOption;
import vn.citizenqa.core.conversation.UnreachableStore;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.ConversationContext;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.model.Decision;
import vn.citizenqa.core.model.EscalationKind;
import vn.citizenqa.core.store.Author;
import vn.citizenqa.core.store.ConversationMessage;
import vn.citizenqa.core.store.ConversationState;
import vn.citizenqa.core.store.EscalationStatus;
import vn.citizenqa.core.store.InProcessStore;
import vn.citizenqa.core.store.MessageKey;
import vn.citizenqa.core.store.PageRegistration;
import vn.citizenqa.core.store.Store;
import vn.citizenqa.functions.channel.Signed;
import vn.citizenqa.functions.channel.messenger.MessengerSignature;
import vn.citizenqa.functions.channel.zalo.ZaloSignature;
import vn.citizenqa.standin.ChannelStandIn;
import vn.citizenqa.standin.HttpApiEvents;

/** The webhook function end to end: signed events in, the packaged assistant, replies at a loopback channel stand-in. */
class WebhookHandlerTest {

    static final String PAGE = "100000000000001";
    static final String OA = "388613280878808645";
    static final String UNIT = "ca-phuong-ben-nghe";
    static final String QUESTION = "Đăng ký tạm trú cần giấy tờ gì?";

    private final ChannelStandIn channels = startStandIn();
    private final Store store = new InProcessStore();
    private QueuedWebhook handler = handlerOver(store);

    private static ChannelStandIn startStandIn() {
        try {
            return ChannelStandIn.start(0, null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    WebhookHandlerTest() {
        store.pages().register(new PageRegistration(Channel.MESSENGER, PAGE, UNIT, "Công an phường Bến Nghé", "test-page-token", null, null));
        store.pages().register(new PageRegistration(Channel.ZALO, OA, UNIT, "Công an phường Bến Nghé", "zalo-access-1", "zalo-refresh-1", null));
    }

    private QueuedWebhook handlerOver(Store s) {
        WebhookSettings settings = WebhookSettings.from(WebhookRig.testSettings(channels));
        return QueuedWebhook.over(settings, s, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        channels.close();
    }

    private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }

    static APIGatewayV2HTTPEvent messenger(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return HttpApiEvents.post("/webhook/messenger",
                Map.of("x-hub-signature-256", new MessengerSignature(Signed.MESSENGER_APP_SECRET).sign(body)), body);
    }

    static APIGatewayV2HTTPEvent zalo(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String timestamp = vn.citizenqa.functions.channel.JsonFields.text(vn.citizenqa.functions.channel.JsonFields.object(body), "timestamp");
        return HttpApiEvents.post("/webhook/zalo",
                Map.of("x-zevent-signature", new ZaloSignature(Signed.ZALO_APP_ID, Signed.ZALO_OA_SECRET).sign(body, timestamp)), body);
    }

    private static String drafted(String text) {
        Decision d = Wiring.assistant().decide(text, ConversationContext.NONE);
        return new ReplyDrafter(Wiring.assistant().knowledgeBase()).text(d.reply(), d.language());
    }

    @Test
    void aSignedTextGetsExactlyOneReplyWithTheDraftedTextToItsSender() {
        var response = call(messenger(Signed.messengerText(PAGE, "psid-7", "m_1", QUESTION)));
        assertEquals(200, response.getStatusCode());
        var deliveries = channels.deliveries();
        assertEquals(1, deliveries.size());
        assertEquals("psid-7", deliveries.getFirst().recipientId());
        assertEquals("test-page-token", deliveries.getFirst().accessToken());
        assertEquals(drafted(QUESTION), deliveries.getFirst().text());
    }

    @Test
    void aBase64EncodedBodyIsVerifiedOnItsDecodedBytes() {
        APIGatewayV2HTTPEvent event = messenger(Signed.messengerText(PAGE, "psid-7", "m_1", QUESTION));
        event.setBody(Base64.getEncoder().encodeToString(event.getBody().getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);
        assertEquals(200, call(event).getStatusCode());
        assertEquals(1, channels.deliveries().size());
    }

    @Test
    void aForgedOrMissingSignatureIsRefusedAndNothingIsProcessedOrStored() {
        byte[] body = Signed.messengerText(PAGE, "psid-7", "m_1", QUESTION).getBytes(StandardCharsets.UTF_8);
        String forged = new MessengerSignature("guessed-secret").sign(body);
        assertEquals(401, call(HttpApiEvents.post("/webhook/messenger", Map.of("x-hub-signature-256", forged), body)).getStatusCode());
        assertEquals(401, call(HttpApiEvents.post("/webhook/messenger", Map.of(), body)).getStatusCode());
        byte[] zaloBody = Signed.zaloText(OA, "u1", "z1", QUESTION).getBytes(StandardCharsets.UTF_8);
        assertEquals(401, call(HttpApiEvents.post("/webhook/zalo", Map.of("x-zevent-signature", "mac=" + "0".repeat(64)), zaloBody)).getStatusCode());
        assertEquals(401, call(HttpApiEvents.post("/webhook/zalo", Map.of(), zaloBody)).getStatusCode());
        assertEquals(List.of(), channels.deliveries());
        assertTrue(store.messages().find(new MessageKey(Channel.MESSENGER, "m_1")).isEmpty());
        assertTrue(store.messages().find(new MessageKey(Channel.ZALO, "z1")).isEmpty());
    }

    @Test
    void theSameEventTwiceGetsOneReply() {
        var event = Signed.messengerText(PAGE, "psid-7", "m_1", QUESTION);
        assertEquals(200, call(messenger(event)).getStatusCode());
        assertEquals(200, call(messenger(event)).getStatusCode());
        assertEquals(1, channels.deliveries().size());
    }

    @Test
    void theSameEventTwentyTimesAtOnceGetsOneReply() throws Exception {
        var event = Signed.messengerText(PAGE, "psid-7", "m_1", QUESTION);
        List<Integer> statuses = AllAtOnce.run(20, i -> () -> call(messenger(event)).getStatusCode());
        // A duplicate that finds the message still being answered may ask for a redelivery (503) rather than
        // acknowledge a message it cannot see sent; what matters is one reply, and nothing more on redelivery.
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 503), statuses::toString);
        assertTrue(statuses.contains(200), statuses::toString);
        assertEquals(1, channels.deliveries().size());
        assertEquals(200, call(messenger(event)).getStatusCode());
        assertEquals(1, channels.deliveries().size(), "a redelivery after the burst sends nothing more");
    }

    @Test
    void aChannelHiccupIsRetriedWithinTheDelivery() {
        channels.failNext(1, 500);
        assertEquals(200, call(messenger(Signed.messengerText(PAGE, "psid-7", "m_1", QUESTION))).getStatusCode());
        assertEquals(1, channels.deliveries().size());
    }

    @Test
    void aChannelThatFailsIsTriedAgainByTheWorkerAndTheCitizenAnsweredOnce() {
        var event = Signed.messengerText(PAGE, "psid-7", "m_1", QUESTION);
        // Twice: the send and its immediate retry fail, so the queue hands the message to the worker again.
        channels.failNext(2, 503);
        assertEquals(200, call(messenger(event)).getStatusCode(), "acknowledged whatever the channel does");
        assertEquals(3, channels.attempts(), "two failed calls, then the worker's second receive");
        assertEquals(200, call(messenger(event)).getStatusCode());
        assertEquals(200, call(messenger(event)).getStatusCode());
        assertEquals(1, channels.deliveries().size());
        assertEquals(drafted(QUESTION), channels.deliveries().getFirst().text());
    }

    @Test
    void aBatchOfThreeGetsThreeReplies() {
        String json = "{\"object\":\"page\",\"entry\":["
                + "{\"id\":\"" + PAGE + "\",\"messaging\":[" + Signed.messengerItem(PAGE, "u1", "m_1", QUESTION) + ","
                + Signed.messengerItem(PAGE, "u2", "m_2", "Làm hộ chiếu mất bao lâu?") + "]},"
                + "{\"id\":\"" + PAGE + "\",\"messaging\":[" + Signed.messengerItem(PAGE, "u3", "m_3", "xin chào") + "]}]}";
        assertEquals(200, call(messenger(json)).getStatusCode());
        // Three citizens: answered in parallel, so in any order.
        assertEquals(java.util.Set.of("u1", "u2", "u3"), channels.deliveries().stream().map(ChannelStandIn.Delivery::recipientId)
                .collect(java.util.stream.Collectors.toSet()));
        assertEquals(3, channels.deliveries().size());
        assertEquals(drafted("Làm hộ chiếu mất bao lâu?"), channels.deliveries().stream().filter(d -> d.recipientId().equals("u2"))
                .findFirst().orElseThrow().text());
    }

    @Test
    void anEchoIsNeverAnswered() {
        String echo = "{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGE + "\",\"messaging\":[{\"sender\":{\"id\":\"" + PAGE + "\"},"
                + "\"recipient\":{\"id\":\"psid-7\"},\"timestamp\":1,\"message\":{\"is_echo\":true,\"app_id\":1,\"mid\":\"m_e\",\"text\":\"Xin chào\"}}]}]}";
        assertEquals(200, call(messenger(echo)).getStatusCode());
        assertEquals(List.of(), channels.deliveries());
    }

    @Test
    void anExpiredZaloTokenIsRefreshedStoredAndTheReplySent() {
        channels.expireZaloAccessToken("zalo-access-1");
        channels.acceptZaloRefreshToken("zalo-refresh-1");
        assertEquals(200, call(zalo(Signed.zaloText(OA, "2468458835296197922", "z1", QUESTION))).getStatusCode());
        var deliveries = channels.deliveries();
        assertEquals(1, deliveries.size());
        assertEquals("2468458835296197922", deliveries.getFirst().recipientId());
        assertEquals(drafted(QUESTION), deliveries.getFirst().text());
        String fresh = channels.refreshUses().get("zalo-refresh-1");
        assertEquals(fresh, deliveries.getFirst().accessToken());
        PageRegistration oa = store.pages().find(Channel.ZALO, OA).orElseThrow();
        assertEquals(fresh, oa.accessToken());
        assertTrue(!oa.refreshToken().equals("zalo-refresh-1"), "the single-use refresh token is replaced");
    }

    @Test
    void zaloRepliesCarryTheirOptionsAsButtons() {
        String text = "giấy tờ";
        Decision d = Wiring.assistant().decide(text, ConversationContext.NONE);
        call(zalo(Signed.zaloText(OA, "u1", "z1", text)));
        var expected = new ReplyDrafter(Wiring.assistant().knowledgeBase())
                .draft(d.reply(), d.language(), ChannelCapability.BUTTONS).options().stream()
                .map(o -> new ReplyOption(MessageParts.trim(o.title(), 100), o.payload())).toList();
        assertEquals(expected, channels.deliveries().getFirst().options());
    }

    @Test
    void aTappedOptionAnswersTheProcedureChosenAndWrongAnswerFeedbackReachesTheQueue() {
        // The conversation so far: the citizen asked, the assistant offered two procedures.
        var citizen = new ConversationKey(Channel.MESSENGER, PAGE, "psid-7");
        var knowledge = Wiring.assistant().knowledgeBase();
        // Recent times: conversation messages older than the retention are gone.
        Instant asked = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        store.conversations().append(ConversationMessage.of(citizen, "m_0", asked, Author.CITIZEN, null, QUESTION));
        store.conversations().append(ConversationMessage.of(citizen, "reply-m_0", asked.plusMillis(1), Author.ASSISTANT, null, "Bạn hỏi thủ tục nào?"));
        store.conversations().saveState(new ConversationState(citizen, UNIT, null, List.of("dang-ky-tam-tru", "gia-han-tam-tru"), asked));

        assertEquals(200, call(messenger(quickReply("m_1", asked.plusSeconds(20).toEpochMilli(), "2"))).getStatusCode());
        var answer = channels.deliveries().getFirst();
        assertTrue(answer.text().contains(knowledge.get("gia-han-tam-tru").title()), answer.text());
        assertEquals(List.of("Hồ sơ chi tiết", "Lệ phí", "Nơi nộp"), answer.options().stream().map(ReplyOption::payload).toList());

        assertEquals(200, call(messenger(quickReply("m_2", asked.plusSeconds(40).toEpochMilli(), "Chưa đúng"))).getStatusCode());
        var queue = store.escalations().queue(UNIT, EscalationStatus.OPEN, null, 10).escalations();
        assertEquals(1, queue.size());
        assertEquals(EscalationKind.WrongAnswer.REASON, queue.getFirst().reason());
        assertEquals(QUESTION + " (chọn 2)", queue.getFirst().citizenText());
        assertEquals(answer.text(), queue.getFirst().draftReply());
        assertEquals(ConversationReplies.wrongAnswerEscalated(), channels.deliveries().get(1).text());
    }

    private static String quickReply(String mid, long at, String payload) {
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGE + "\",\"messaging\":[{\"sender\":{\"id\":\"psid-7\"},"
                + "\"recipient\":{\"id\":\"" + PAGE + "\"},\"timestamp\":" + at + ",\"message\":{\"mid\":\"" + mid + "\",\"text\":"
                + Signed.quote(payload) + ",\"quick_reply\":{\"payload\":" + Signed.quote(payload) + "}}}]}]}";
    }

    @Test
    void aZaloFollowerIsWelcomed() {
        String follow = "{\"app_id\":\"" + Signed.ZALO_APP_ID + "\",\"oa_id\":\"" + OA + "\",\"user_id_by_app\":\"1\",\"event_name\":\"follow\","
                + "\"source\":\"oa_profile\",\"follower\":{\"id\":\"6159\"},\"timestamp\":\"" + Signed.NOW_MILLIS + "\"}";
        assertEquals(200, call(zalo(follow)).getStatusCode());
        assertEquals("6159", channels.deliveries().getFirst().recipientId());
        assertTrue(channels.deliveries().getFirst().text().startsWith("Chào mừng bạn đến với trang Công an phường Bến Nghé"));
    }

    @Test
    void theZaloSaveUrlProbeIsAcknowledged() {
        assertEquals(200, call(HttpApiEvents.post("/webhook/zalo", Map.of(), new byte[0])).getStatusCode());
        assertEquals(List.of(), channels.deliveries());
    }

    @Test
    void anUnknownPageIsAcknowledgedButNotAnswered() {
        assertEquals(200, call(messenger(Signed.messengerText("999", "psid-7", "m_1", QUESTION))).getStatusCode());
        assertEquals(List.of(), channels.deliveries());
    }

    @Test
    void signedGarbageIs400() {
        var response = call(messenger("{\"object\":\"page\",\"entry\":["));
        assertEquals(400, response.getStatusCode());
        assertTrue(!response.getBody().contains("at vn."), "no stack trace to the caller");
    }

    @Test
    void anUnreachableStoreAnswers503AndTheRedeliveryIsAnsweredOnceItIsBack() {
        handler = handlerOver(new UnreachableStore(store));
        var event = Signed.messengerText(PAGE, "psid-7", "m_1", QUESTION);
        assertEquals(503, call(messenger(event)).getStatusCode());
        assertEquals(List.of(), channels.deliveries());
        handler = handlerOver(store);
        assertEquals(200, call(messenger(event)).getStatusCode());
        assertEquals(1, channels.deliveries().size());
    }

    @Test
    void theHandshakeAnswersTheChallengeOnlyForTheVerifyToken() {
        var ok = HttpApiEvents.of("GET", "/webhook/messenger",
                "hub.mode=subscribe&hub.verify_token=" + Signed.MESSENGER_VERIFY_TOKEN + "&hub.challenge=1158201444", Map.of(), null, "1.2.3.4");
        var response = call(ok);
        assertEquals(200, response.getStatusCode());
        assertEquals("1158201444", response.getBody());
        var wrong = HttpApiEvents.of("GET", "/webhook/messenger", "hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1", Map.of(), null, "1.2.3.4");
        assertEquals(403, call(wrong).getStatusCode());
    }

    @Test
    void otherRoutesAndMethodsAreNotServed() {
        assertEquals(404, call(HttpApiEvents.of("GET", "/webhook/telegram", null, Map.of(), null, null)).getStatusCode());
        assertEquals(405, call(HttpApiEvents.of("GET", "/webhook/zalo", null, Map.of(), null, null)).getStatusCode());
    }
}
