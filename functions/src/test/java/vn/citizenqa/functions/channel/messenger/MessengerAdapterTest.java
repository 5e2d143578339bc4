package vn.citizenqa.functions.channel.messenger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.functions.channel.ParsedWebhook;
import vn.citizenqa.functions.channel.Signed;
import vn.citizenqa.functions.channel.WebhookRequest;

class MessengerAdapterTest {

    private final MessengerAdapter adapter = new MessengerAdapter(Signed.MESSENGER_APP_SECRET, Signed.MESSENGER_VERIFY_TOKEN);

    private List<InboundMessage> accepted(String json) {
        return assertInstanceOf(ParsedWebhook.Accepted.class, adapter.read(Signed.messenger(json))).messages();
    }

    @Test
    void aTextMessageKeepsPageSenderAndMessageIds() {
        var m = assertInstanceOf(InboundMessage.Text.class,
                accepted(Signed.messengerText("1001", "2002", "m_AbC", "xin chào")).getFirst());
        assertEquals(new ConversationKey(Channel.MESSENGER, "1001", "2002"), m.from());
        assertEquals("m_AbC", m.messageId());
        assertEquals("xin chào", m.text());
        assertEquals(Long.parseLong(Signed.NOW_MILLIS), m.sentAt().toEpochMilli());
    }

    @Test
    void idsSentAsHugeNumbersStayExactStrings() {
        String json = "{\"object\":\"page\",\"entry\":[{\"id\":123456789012345678901234,\"messaging\":[{\"sender\":{\"id\":98765432109876543210987},"
                + "\"recipient\":{\"id\":123456789012345678901234},\"timestamp\":1,\"message\":{\"mid\":\"m_1\",\"text\":\"hi\"}}]}]}";
        var m = assertInstanceOf(InboundMessage.Text.class, accepted(json).getFirst());
        assertEquals("123456789012345678901234", m.from().pageId());
        assertEquals("98765432109876543210987", m.from().userId());
    }

    @Test
    void aBatchGivesEveryMessagingItemOfEveryEntryInOrder() {
        String json = "{\"object\":\"page\",\"entry\":["
                + "{\"id\":\"1001\",\"messaging\":[" + Signed.messengerItem("1001", "u1", "m_1", "một") + ","
                + Signed.messengerItem("1001", "u2", "m_2", "hai") + "]},"
                + "{\"id\":\"1002\",\"messaging\":[" + Signed.messengerItem("1002", "u3", "m_3", "ba") + "]}]}";
        List<InboundMessage> messages = accepted(json);
        assertEquals(List.of("m_1", "m_2", "m_3"), messages.stream().map(InboundMessage::messageId).toList());
        assertEquals("1002", ((InboundMessage.Text) messages.get(2)).from().pageId());
    }

    @Test
    void aQuickReplyIsAChoiceWithItsPayloadAndTitle() {
        String json = "{\"object\":\"page\",\"entry\":[{\"id\":\"1001\",\"messaging\":[{\"sender\":{\"id\":\"u\"},\"recipient\":{\"id\":\"1001\"},"
                + "\"timestamp\":1,\"message\":{\"mid\":\"m_q\",\"text\":\"Chưa đúng\",\"quick_reply\":{\"payload\":\"Chưa đúng\"}}}]}]}";
        var c = assertInstanceOf(InboundMessage.Choice.class, accepted(json).getFirst());
        assertEquals("Chưa đúng", c.payload());
        assertEquals("m_q", c.messageId());
    }

    @Test
    void aPostbackIsAChoiceIdentifiedByItsMidOrSenderAndTime() {
        String withMid = "{\"object\":\"page\",\"entry\":[{\"id\":\"1001\",\"messaging\":[{\"sender\":{\"id\":\"u\"},\"recipient\":{\"id\":\"1001\"},"
                + "\"timestamp\":77,\"postback\":{\"title\":\"Bắt đầu\",\"payload\":\"GET_STARTED\",\"mid\":\"m_p\"}}]}]}";
        var c = assertInstanceOf(InboundMessage.Choice.class, accepted(withMid).getFirst());
        assertEquals("GET_STARTED", c.payload());
        assertEquals("Bắt đầu", c.title());
        assertEquals("m_p", c.messageId());
        var noMid = assertInstanceOf(InboundMessage.Choice.class, accepted(withMid.replace(",\"mid\":\"m_p\"", "")).getFirst());
        assertEquals("postback:u:77", noMid.messageId());
    }

    @Test
    void stickersAndImagesAreAttachmentsButTheThumbsUpIsALike() {
        String like = "{\"object\":\"page\",\"entry\":[{\"id\":\"1001\",\"messaging\":[{\"sender\":{\"id\":\"u\"},\"recipient\":{\"id\":\"1001\"},"
                + "\"timestamp\":1,\"message\":{\"mid\":\"m_s\",\"sticker_id\":369239263222822,\"attachments\":[{\"type\":\"image\","
                + "\"payload\":{\"url\":\"https://example.invalid/s.png\",\"sticker_id\":369239263222822}}]}}]}]}";
        var thumbsUp = assertInstanceOf(InboundMessage.Reaction.class, accepted(like).getFirst());
        assertEquals(InboundMessage.Gesture.APPROVAL, thumbsUp.gesture());
        var s = assertInstanceOf(InboundMessage.Attachment.class, accepted(like.replace("369239263222822", "144884852352448")).getFirst());
        assertEquals(List.of("sticker"), s.kinds());
        assertTrue(s.onlyReactions());
        var image = assertInstanceOf(InboundMessage.Attachment.class,
                accepted(like.replace("\"sticker_id\":369239263222822,", "").replace(",\"sticker_id\":369239263222822", "")).getFirst());
        assertEquals(List.of("image"), image.kinds());
    }

    @Test
    void echoesAndReceiptsAreIgnoredOnPurposeAndStandbyIsKeptUnanswerable() {
        String json = "{\"object\":\"page\",\"entry\":[{\"id\":\"1001\",\"messaging\":["
                + "{\"sender\":{\"id\":\"1001\"},\"recipient\":{\"id\":\"u\"},\"timestamp\":1,\"message\":{\"is_echo\":true,\"mid\":\"m_e\",\"text\":\"hi\"}},"
                + "{\"sender\":{\"id\":\"u\"},\"recipient\":{\"id\":\"1001\"},\"timestamp\":1,\"delivery\":{\"mids\":[\"m_e\"],\"watermark\":1}},"
                + "{\"sender\":{\"id\":\"u\"},\"recipient\":{\"id\":\"1001\"},\"timestamp\":1,\"read\":{\"watermark\":1}}],"
                + "\"standby\":[{\"sender\":{\"id\":\"u\"},\"recipient\":{\"id\":\"1001\"},\"timestamp\":1,\"message\":{\"mid\":\"m_sb\",\"text\":\"hỏi\"}}]}]}";
        List<InboundMessage> messages = accepted(json);
        List<String> kinds = messages.subList(0, 3).stream().map(m -> assertInstanceOf(InboundMessage.Ignored.class, m).kind()).toList();
        assertEquals(List.of("echo", "delivery", "read"), kinds);
        var standby = assertInstanceOf(InboundMessage.Standby.class, messages.get(3));
        assertEquals("hỏi", assertInstanceOf(InboundMessage.Text.class, standby.message()).text());
    }

    @Test
    void headersAreFoundWhateverTheirCase() {
        byte[] body = Signed.messengerText("1001", "u", "m_1", "hi").getBytes(StandardCharsets.UTF_8);
        String sig = new MessengerSignature(Signed.MESSENGER_APP_SECRET).sign(body);
        var request = Signed.post("/webhook/messenger", Map.of("X-HUB-SIGNATURE-256", sig), body);
        assertInstanceOf(ParsedWebhook.Accepted.class, adapter.read(request));
    }

    @Test
    void aMissingOrForgedSignatureIsUnauthorized() {
        byte[] body = Signed.messengerText("1001", "u", "m_1", "hi").getBytes(StandardCharsets.UTF_8);
        assertInstanceOf(ParsedWebhook.Unauthorized.class, adapter.read(Signed.post("/webhook/messenger", Map.of(), body)));
        String forged = new MessengerSignature("not-the-secret").sign(body);
        assertInstanceOf(ParsedWebhook.Unauthorized.class,
                adapter.read(Signed.post("/webhook/messenger", Map.of("x-hub-signature-256", forged), body)));
    }

    @Test
    void signedButNotJsonIsMalformed() {
        assertInstanceOf(ParsedWebhook.Malformed.class, adapter.read(Signed.messenger("{\"object\":")));
        assertInstanceOf(ParsedWebhook.Malformed.class, adapter.read(Signed.messenger("[1,2]")));
    }

    @Test
    void theHandshakeEchoesTheChallengeOnlyForOurToken() {
        var ok = new WebhookRequest("GET", "/webhook/messenger", Map.of(),
                Map.of("hub.mode", "subscribe", "hub.verify_token", Signed.MESSENGER_VERIFY_TOKEN, "hub.challenge", "1158201444"), null);
        assertEquals("1158201444", adapter.handshake(ok).orElseThrow());
        var wrong = new WebhookRequest("GET", "/webhook/messenger", Map.of(),
                Map.of("hub.mode", "subscribe", "hub.verify_token", "guess", "hub.challenge", "1158201444"), null);
        assertTrue(adapter.handshake(wrong).isEmpty());
    }
}
