package vn.citizenqa.functions.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.model.Coordinates;
import vn.citizenqa.functions.channel.messenger.MessengerAdapter;
import vn.citizenqa.functions.channel.zalo.ZaloAdapter;

/** Each documented event kind of {@code platform-events/} read by its channel's adapter. */
class PlatformEventsTest {

    private static final String PAGE = "100000000000001";
    private static final String OA = "388613280878808645";
    private static final ConversationKey PSID = new ConversationKey(Channel.MESSENGER, PAGE, "6543210987654321");
    private static final ConversationKey ZALO_USER = new ConversationKey(Channel.ZALO, OA, "2468458835296197922");

    private final MessengerAdapter messenger = new MessengerAdapter(Signed.MESSENGER_APP_SECRET, Signed.MESSENGER_VERIFY_TOKEN);
    private final ZaloAdapter zalo = new ZaloAdapter(Signed.ZALO_APP_ID, Signed.ZALO_OA_SECRET);

    private List<InboundMessage> fromMessenger(String fixture, Map<String, String> values) {
        return assertInstanceOf(ParsedWebhook.Accepted.class, messenger.read(Signed.messenger(Signed.fixture(fixture, values)))).messages();
    }

    private InboundMessage messenger(String fixture) {
        return fromMessenger(fixture, Map.of()).getFirst();
    }

    private InboundMessage zalo(String fixture) {
        return assertInstanceOf(ParsedWebhook.Accepted.class, zalo.read(Signed.zalo(Signed.fixture(fixture)))).messages().getFirst();
    }

    @Test
    void aMessengerLocationIsThePointNotAnAttachment() {
        var l = assertInstanceOf(InboundMessage.Location.class, messenger("messenger-location.json"));
        assertEquals(PSID, l.from());
        assertEquals(new Coordinates(10.7768889, 106.7008056), l.point());
        assertEquals("Vị trí của tôi", l.placeName());
    }

    @Test
    void aZaloLocationKeepsThePlaceNameZaloPutsInTheText() {
        var l = assertInstanceOf(InboundMessage.Location.class, zalo("zalo-location.json"));
        assertEquals(ZALO_USER, l.from());
        assertEquals(new Coordinates(10.7725, 106.698), l.point());
        assertEquals("Chợ Bến Thành, Lê Lợi, Quận 1", l.placeName());
        assertEquals("https://www.google.com/maps/search/?api=1&query=10.772500,106.698000", l.point().mapLink());
    }

    @Test
    void aLocationWithoutAUsablePointIsStillAnAttachment() {
        String json = Signed.fixture("zalo-location.json").replace("\"10.7725\"", "\"north\"");
        var a = assertInstanceOf(InboundMessage.Attachment.class,
                assertInstanceOf(ParsedWebhook.Accepted.class, zalo.read(Signed.zalo(json))).messages().getFirst());
        assertEquals(List.of("location"), a.kinds());
        assertNull(a.caption(), "a place name is not a caption to read as a question");
    }

    @Test
    void submittedInfoInBothOfZalosShapes() {
        var flat = assertInstanceOf(InboundMessage.ContactDetails.class, zalo("zalo-submit-info.json"));
        assertEquals(ZALO_USER, flat.from());
        assertEquals("Nguyễn Thị Lan", flat.name());
        assertEquals("84912345678", flat.phone());
        assertEquals("12 Lê Lợi, Phường Bến Nghé, Quận 1, Hồ Chí Minh", flat.address());
        assertEquals("submit-info-2468458835296197922-" + Signed.LATER_MILLIS, flat.messageId());
        var full = assertInstanceOf(InboundMessage.ContactDetails.class, zalo("zalo-submit-info-full-address.json"));
        assertEquals("Trần Văn Minh", full.name());
        assertEquals("45 Nguyễn Huệ, Phường Sài Gòn, Thành phố Hồ Chí Minh", full.address());
    }

    @Test
    void anAnonymousZaloUserIsAThreadNamedByTheAnonymousIdAndTheConversation() {
        var t = assertInstanceOf(InboundMessage.Text.class, zalo("zalo-anonymous-emergency.json"));
        assertEquals(new ConversationKey(Channel.ZALO, OA, "anonymous:a1b2c3d4e5f60718:conv9876543210"), t.from());
        var l = assertInstanceOf(InboundMessage.Location.class, zalo("zalo-anonymous-location.json"));
        assertEquals(t.from(), l.from());
        assertEquals("Ngõ 12 Hàng Bài", l.placeName());
    }

    @Test
    void anEditIsItsOwnMessageNamingTheOneEdited() {
        var e = assertInstanceOf(InboundMessage.Edit.class, messenger("messenger-edit-emergency.json"));
        assertEquals("m_sig_question", e.editedMessageId());
        assertEquals("edit-m_sig_question-1", e.messageId());
        assertEquals("Cứu với, có kẻ cầm dao đang đuổi đánh người ở đầu ngõ 12", e.text());
    }

    @Test
    void standbyItemsAreTheCitizensMessagesMarkedStandby() {
        var s = assertInstanceOf(InboundMessage.Standby.class, messenger("messenger-standby-emergency.json"));
        var t = assertInstanceOf(InboundMessage.Text.class, s.message());
        assertEquals("m_sig_standby", s.messageId());
        assertEquals(PSID, s.from());
        assertEquals("Cứu với, nhà số 5 ngõ 12 đang cháy to", t.text());
    }

    @Test
    void reactionsAndTheLikeStickerAreGestures() {
        var like = assertInstanceOf(InboundMessage.Reaction.class, messenger("messenger-reaction-like.json"));
        assertEquals(InboundMessage.Gesture.APPROVAL, like.gesture());
        assertEquals("m_standin_1", like.reactedToId());
        assertEquals(InboundMessage.Gesture.DISAPPROVAL,
                assertInstanceOf(InboundMessage.Reaction.class, messenger("messenger-reaction-angry.json")).gesture());
        var sticker = assertInstanceOf(InboundMessage.Reaction.class, messenger("messenger-like-sticker.json"));
        assertEquals(InboundMessage.Gesture.APPROVAL, sticker.gesture());
        assertNull(sticker.reactedToId());
        var zaloLike = assertInstanceOf(InboundMessage.Reaction.class, zalo("zalo-reaction-like.json"));
        assertEquals(InboundMessage.Gesture.APPROVAL, zaloLike.gesture());
        assertEquals(ZALO_USER, zaloLike.from());
        String unreact = Signed.fixture("messenger-reaction-like.json").replace("\"react\"", "\"unreact\"");
        var removed = assertInstanceOf(InboundMessage.Ignored.class,
                assertInstanceOf(ParsedWebhook.Accepted.class, messenger.read(Signed.messenger(unreact))).messages().getFirst());
        assertEquals("reaction-removed", removed.kind());
    }

    @Test
    void postbacksAndQuickRepliesKeepPayloadAndTitle() {
        var c = assertInstanceOf(InboundMessage.Choice.class,
                fromMessenger("messenger-postback.json", Map.of("TITLE", "Bắt đầu", "PAYLOAD", "__GET_STARTED__")).getFirst());
        assertEquals("__GET_STARTED__", c.payload());
        assertEquals("Bắt đầu", c.title());
        var q = assertInstanceOf(InboundMessage.Choice.class, messenger("messenger-quick-reply-foreign.json"));
        assertEquals("QR_PASSPORT_FLOW_STEP_1", q.payload());
        assertEquals("Làm hộ chiếu", q.title());
    }

    @Test
    void aPolicyEnforcementNamesThePageAndTheAction() {
        var p = assertInstanceOf(InboundMessage.PolicyEnforcement.class, messenger("messenger-policy-enforcement.json"));
        assertEquals(PAGE, p.pageId());
        assertEquals("warning", p.action());
        assertEquals(true, p.reason().startsWith("The bot violated our Platform Policies"));
    }
}
