package vn.citizenqa.functions.channel.zalo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.store.ConversationKey;
import vn.citizenqa.core.channel.CitizenText;
import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.functions.channel.JsonFields;
import vn.citizenqa.functions.channel.ParsedWebhook;
import vn.citizenqa.functions.channel.PlatformIds;
import vn.citizenqa.functions.channel.WebhookRequest;

/**
 * The Zalo OA webhook (one event per request). The signature covers fields of the body, so the body is
 * parsed first; an empty or unsigned request without an event is the probe Zalo sends when the URL is saved.
 */
public final class ZaloAdapter {

    private static final String USER_SEND = "user_send_";

    private final ZaloSignature signature;
    private final Duration replayWindow;
    private final Clock clock;

    /** Without a replay window: events of any age are taken (for reading recorded events). */
    public ZaloAdapter(String appId, String oaSecret) {
        this(appId, oaSecret, Duration.ZERO, Clock.systemUTC());
    }

    /**
     * @param replayWindow genuine events whose {@code timestamp} is older than this are ignored (answered 200, never
     *                     processed), so a captured event replayed later is not answered again once its claim has
     *                     expired; zero turns the check off. It must exceed Zalo's whole retry schedule.
     */
    public ZaloAdapter(String appId, String oaSecret, Duration replayWindow, Clock clock) {
        this.signature = new ZaloSignature(appId, oaSecret);
        this.replayWindow = replayWindow;
        this.clock = clock;
    }

    public ParsedWebhook read(WebhookRequest request) {
        Optional<String> sig = request.header(ZaloSignature.HEADER);
        if (request.bodyIsBlank()) {
            return new ParsedWebhook.Probe();
        }
        JsonNode root = JsonFields.object(request.body());
        String event = root == null ? null : JsonFields.text(root, "event_name");
        if (sig.isEmpty()) {
            // An unsigned request carrying an event is a forgery; anything else unsigned is the save-URL probe.
            return event != null ? new ParsedWebhook.Unauthorized("missing " + ZaloSignature.HEADER) : new ParsedWebhook.Probe();
        }
        if (root == null) {
            return new ParsedWebhook.Malformed("the body is not a JSON object");
        }
        if (!signature.verify(request.body(), JsonFields.text(root, "timestamp"), sig.get())) {
            return new ParsedWebhook.Unauthorized("wrong " + ZaloSignature.HEADER);
        }
        if (event == null) {
            return new ParsedWebhook.Malformed("no event_name");
        }
        if (!replayWindow.isZero()) {
            Instant sent = JsonFields.millis(root, "timestamp");
            if (sent == null) {
                return new ParsedWebhook.Malformed("the timestamp is not epoch milliseconds");
            }
            Duration age = Duration.between(sent, clock.instant());
            if (age.compareTo(replayWindow) > 0) {
                return new ParsedWebhook.Stale("a signed " + event + " event sent " + age.toMinutes()
                        + " minutes ago, older than the replay window of " + replayWindow.toMinutes() + " minutes");
            }
        }
        return new ParsedWebhook.Accepted(List.of(event(event, root)));
    }

    private static InboundMessage event(String event, JsonNode root) {
        Instant at = JsonFields.millis(root, "timestamp");
        String oaId = Optional.ofNullable(JsonFields.text(root, "recipient", "id")).orElse(JsonFields.text(root, "oa_id"));
        if (event.equals("follow")) {
            String follower = JsonFields.text(root, "follower", "id");
            // A follow has no message id; the follower and the time identify it for redelivery.
            String id = "follow:" + follower + ":" + JsonFields.text(root, "timestamp");
            if (!PlatformIds.usable(oaId, follower, id)) {
                return new InboundMessage.Ignored(Channel.ZALO, oaId, null, "follow-without-follower");
            }
            return new InboundMessage.Follow(new ConversationKey(Channel.ZALO, oaId, follower), id, at);
        }
        String msgId = JsonFields.text(root, "message", "msg_id");
        if (!event.startsWith(USER_SEND)) {
            // oa_send_* (our own messages), user_received_message, user_seen_message, unfollow, anonymous_send_*
            // (anonymous users are answered through another API), and whatever Zalo adds later.
            return new InboundMessage.Ignored(Channel.ZALO, oaId, msgId, event);
        }
        String userId = JsonFields.text(root, "sender", "id");
        if (!PlatformIds.usable(oaId, userId, msgId)) {
            return new InboundMessage.Ignored(Channel.ZALO, oaId, msgId, event + ":incomplete");
        }
        ConversationKey from = new ConversationKey(Channel.ZALO, oaId, userId);
        String text = CitizenText.clean(JsonFields.text(root, "message", "text"));
        if (event.equals("user_send_text")) {
            return text == null || text.isBlank()
                    ? new InboundMessage.Ignored(Channel.ZALO, oaId, msgId, "empty-text")
                    : new InboundMessage.Text(from, msgId, at, text);
        }
        List<String> kinds = new ArrayList<>();
        for (JsonNode a : root.path("message").path("attachments")) {
            String type = JsonFields.text(a, "type");
            if (type != null && !kinds.contains(type)) {
                kinds.add(type);
            }
        }
        if (kinds.isEmpty()) {
            kinds.add(event.substring(USER_SEND.length()));
        }
        return new InboundMessage.Attachment(from, msgId, at, kinds, text == null || text.isBlank() ? null : text);
    }
}
