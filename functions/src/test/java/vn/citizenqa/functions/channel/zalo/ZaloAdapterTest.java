package vn.citizenqa.functions.channel.zalo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.functions.channel.ParsedWebhook;
import vn.citizenqa.functions.channel.Signed;

class ZaloAdapterTest {

    private static final String OA = "388613280878808645";
    private final ZaloAdapter adapter = new ZaloAdapter(Signed.ZALO_APP_ID, Signed.ZALO_OA_SECRET);

    private InboundMessage only(String json) {
        return assertInstanceOf(ParsedWebhook.Accepted.class, adapter.read(Signed.zalo(json))).messages().getFirst();
    }

    @Test
    void aTextKeepsTheOaTheSenderAndTheMessageIdAsStrings() {
        var t = assertInstanceOf(InboundMessage.Text.class, only(Signed.zaloText(OA, "2468458835296197922", "96d3cdf3af150460909", "xin chào")));
        assertEquals(new ConversationKey(Channel.ZALO, OA, "2468458835296197922"), t.from());
        assertEquals("96d3cdf3af150460909", t.messageId());
        assertEquals("xin chào", t.text());
        assertEquals(Long.parseLong(Signed.NOW_MILLIS), t.sentAt().toEpochMilli());
    }

    @Test
    void aFollowIsIdentifiedByFollowerAndTime() {
        String json = "{\"app_id\":\"" + Signed.ZALO_APP_ID + "\",\"oa_id\":\"" + OA + "\",\"user_id_by_app\":\"1\",\"event_name\":\"follow\","
                + "\"source\":\"oa_profile\",\"follower\":{\"id\":\"6159\"},\"timestamp\":\"1543908534999\"}";
        var f = assertInstanceOf(InboundMessage.Follow.class, only(json));
        assertEquals(new ConversationKey(Channel.ZALO, OA, "6159"), f.from());
        assertEquals("follow:6159:1543908534999", f.messageId());
    }

    @Test
    void stickersAndImagesWithCaptionsAreAttachments() {
        String sticker = "{\"app_id\":\"" + Signed.ZALO_APP_ID + "\",\"event_name\":\"user_send_sticker\",\"sender\":{\"id\":\"u\"},"
                + "\"recipient\":{\"id\":\"" + OA + "\"},\"message\":{\"msg_id\":\"s1\",\"attachments\":[{\"type\":\"sticker\","
                + "\"payload\":{\"id\":\"bfe4c\",\"url\":\"https://example.invalid/s\"}}]},\"timestamp\":\"1543908534740\"}";
        var s = assertInstanceOf(InboundMessage.Attachment.class, only(sticker));
        assertEquals(List.of("sticker"), s.kinds());
        String image = sticker.replace("user_send_sticker", "user_send_image").replace("\"type\":\"sticker\"", "\"type\":\"image\"")
                .replace("\"msg_id\":\"s1\",", "\"msg_id\":\"s1\",\"text\":\"xe bị lấy trộm ở đây\",");
        var i = assertInstanceOf(InboundMessage.Attachment.class, only(image));
        assertEquals(List.of("image"), i.kinds());
        assertEquals("xe bị lấy trộm ở đây", i.caption());
    }

    @Test
    void ourOwnMessagesAndReceiptsAreIgnored() {
        for (String event : List.of("oa_send_text", "oa_send_anonymous_text", "user_seen_message", "user_received_message", "unfollow")) {
            String json = Signed.zaloText(OA, "u", "x1", "hi").replace("user_send_text", event);
            assertEquals(event, assertInstanceOf(InboundMessage.Ignored.class, only(json)).kind());
        }
    }

    @Test
    void anEmptyOrUnsignedEventlessRequestIsTheSaveUrlProbe() {
        assertInstanceOf(ParsedWebhook.Probe.class, adapter.read(Signed.post("/webhook/zalo", Map.of(), new byte[0])));
        assertInstanceOf(ParsedWebhook.Probe.class, adapter.read(Signed.post("/webhook/zalo", Map.of(), "{}".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void anUnsignedOrForgedEventIsUnauthorized() {
        byte[] body = Signed.zaloText(OA, "u", "x1", "hi").getBytes(StandardCharsets.UTF_8);
        assertInstanceOf(ParsedWebhook.Unauthorized.class, adapter.read(Signed.post("/webhook/zalo", Map.of(), body)));
        String forged = new ZaloSignature(Signed.ZALO_APP_ID, "guessed").sign(body, Signed.NOW_MILLIS);
        assertInstanceOf(ParsedWebhook.Unauthorized.class,
                adapter.read(Signed.post("/webhook/zalo", Map.of("X-ZEvent-Signature", forged), body)));
        // The signature covers the timestamp: a replay with another timestamp fails.
        byte[] replayed = Signed.zaloText(OA, "u", "x1", "hi").replace(Signed.NOW_MILLIS, Long.toString(Long.parseLong(Signed.NOW_MILLIS) + 1))
                .getBytes(StandardCharsets.UTF_8);
        String original = new ZaloSignature(Signed.ZALO_APP_ID, Signed.ZALO_OA_SECRET).sign(body, Signed.NOW_MILLIS);
        assertInstanceOf(ParsedWebhook.Unauthorized.class,
                adapter.read(Signed.post("/webhook/zalo", Map.of("x-zevent-signature", original), replayed)));
    }

    @Test
    void aGenuineEventOlderThanTheReplayWindowIsStaleAndOneWithinItIsTaken() {
        Instant now = Instant.ofEpochMilli(Long.parseLong(Signed.NOW_MILLIS));
        ZaloAdapter windowed = new ZaloAdapter(Signed.ZALO_APP_ID, Signed.ZALO_OA_SECRET, Duration.ofHours(3),
                Clock.fixed(now, ZoneOffset.UTC));
        String event = Signed.zaloText(OA, "u", "x1", "hi");
        String sentAt = Signed.NOW_MILLIS;

        assertInstanceOf(ParsedWebhook.Accepted.class, windowed.read(Signed.zalo(event)));
        String lastRetry = Long.toString(now.minus(Duration.ofMinutes(115)).toEpochMilli());
        assertInstanceOf(ParsedWebhook.Accepted.class, windowed.read(Signed.zalo(event.replace(sentAt, lastRetry))),
                "Zalo's last retry, about 1 h 50 min after the first attempt, is still taken");
        String replay = Long.toString(now.minus(Duration.ofHours(3).plusMinutes(1)).toEpochMilli());
        assertInstanceOf(ParsedWebhook.Stale.class, windowed.read(Signed.zalo(event.replace(sentAt, replay))));
        assertInstanceOf(ParsedWebhook.Malformed.class, windowed.read(Signed.zalo(event.replace(sentAt, "yesterday"))));
        assertInstanceOf(ParsedWebhook.Accepted.class, adapter.read(Signed.zalo(event.replace(sentAt, replay))),
                "without a window any age is taken");
    }

    @Test
    void signedButNotJsonIsMalformed() {
        byte[] body = "not json".getBytes(StandardCharsets.UTF_8);
        assertInstanceOf(ParsedWebhook.Malformed.class,
                adapter.read(Signed.post("/webhook/zalo", Map.of("x-zevent-signature", "mac=00"), body)));
    }
}
