package vn.citizenqa.functions.channel.zalo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import vn.citizenqa.core.channel.CitizenText;
import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.model.Coordinates;
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
    private static final String ANONYMOUS_SEND = "anonymous_send_";

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
        String sender = JsonFields.text(root, "sender", "id");
        if (event.equals("user_submit_info")) {
            return submittedInfo(root, oaId, sender, at);
        }
        if (event.equals("user_reacted_message") || event.equals("anonymous_reacted_message")) {
            return reaction(event, root, oaId, at);
        }
        String kind;
        String userId;
        if (event.startsWith(USER_SEND)) {
            kind = event.substring(USER_SEND.length());
            userId = sender;
        } else if (event.startsWith(ANONYMOUS_SEND)) {
            // Someone who has not followed the OA, writing from its page: Zalo names the thread by the pair.
            kind = event.substring(ANONYMOUS_SEND.length());
            userId = ZaloAnonymous.userId(sender, JsonFields.text(root, "message", "conversation_id"));
        } else {
            // oa_send_* (our own messages), user_received_message, user_seen_message, unfollow, and whatever Zalo
            // adds later.
            return new InboundMessage.Ignored(Channel.ZALO, oaId, msgId, event);
        }
        if (!PlatformIds.usable(oaId, userId, msgId)) {
            return new InboundMessage.Ignored(Channel.ZALO, oaId, msgId, event + ":incomplete");
        }
        ConversationKey from = new ConversationKey(Channel.ZALO, oaId, userId);
        String text = CitizenText.clean(JsonFields.text(root, "message", "text"));
        if (kind.equals("text")) {
            return text == null || text.isBlank()
                    ? new InboundMessage.Ignored(Channel.ZALO, oaId, msgId, event + ":empty")
                    : new InboundMessage.Text(from, msgId, at, text);
        }
        if (kind.equals("location")) {
            // Zalo puts the place's name in message.text: a name, not a question.
            Optional<Coordinates> point = coordinates(root);
            if (point.isPresent()) {
                return new InboundMessage.Location(from, msgId, at, point.get(), text);
            }
            return new InboundMessage.Attachment(from, msgId, at, List.of("location"), null);
        }
        List<String> kinds = new ArrayList<>();
        for (JsonNode a : root.path("message").path("attachments")) {
            String type = JsonFields.text(a, "type");
            if (type != null && !kinds.contains(type)) {
                kinds.add(type);
            }
        }
        if (kinds.isEmpty()) {
            kinds.add(kind);
        }
        return new InboundMessage.Attachment(from, msgId, at, kinds, text == null || text.isBlank() ? null : text);
    }

    private static Optional<Coordinates> coordinates(JsonNode root) {
        for (JsonNode a : root.path("message").path("attachments")) {
            JsonNode c = a.path("payload").path("coordinates");
            Optional<Coordinates> point = Coordinates.parse(JsonFields.text(c, "latitude"), JsonFields.text(c, "longitude"));
            if (point.isPresent()) {
                return point;
            }
        }
        return Optional.empty();
    }

    /**
     * The reply to an information request: {@code info} holds name, phone and the address, either flat ({@code address},
     * {@code ward}, {@code district}, {@code city}) or, in the newer form, under {@code full_address}
     * ({@code user_address}, {@code user_ward}, {@code user_district}, {@code user_city}).
     */
    private static InboundMessage submittedInfo(JsonNode root, String oaId, String sender, Instant at) {
        // No message id: the sender and the time identify it for redelivery.
        String id = "submit-info-" + sender + "-" + JsonFields.text(root, "timestamp");
        if (!PlatformIds.usable(oaId, sender, id)) {
            return new InboundMessage.Ignored(Channel.ZALO, oaId, null, "user_submit_info:incomplete");
        }
        JsonNode info = root.path("info");
        JsonNode full = info.path("full_address");
        String address = joined(JsonFields.text(info, "address"), JsonFields.text(info, "ward"),
                JsonFields.text(info, "district"), JsonFields.text(info, "city"));
        if (address == null) {
            address = joined(JsonFields.text(full, "user_address"), JsonFields.text(full, "user_ward"),
                    JsonFields.text(full, "user_district"), JsonFields.text(full, "user_city"));
        }
        InboundMessage.ContactDetails details = new InboundMessage.ContactDetails(new ConversationKey(Channel.ZALO, oaId, sender),
                id, at, JsonFields.text(info, "name"), JsonFields.text(info, "phone"), address);
        return details.isEmpty() ? new InboundMessage.Ignored(Channel.ZALO, oaId, id, "user_submit_info:empty") : details;
    }

    private static String joined(String... parts) {
        String s = String.join(", ", java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).map(String::strip).toList());
        return s.isEmpty() ? null : s;
    }

    /** {@code user_reacted_message}: {@code message.msg_id} is the message reacted to, {@code react_icon} Zalo's code. */
    private static InboundMessage reaction(String event, JsonNode root, String oaId, Instant at) {
        String reactedTo = JsonFields.text(root, "message", "msg_id");
        String sender = JsonFields.text(root, "sender", "id");
        String userId = event.startsWith("anonymous")
                ? ZaloAnonymous.userId(sender, JsonFields.text(root, "message", "conversation_id")) : sender;
        String id = "reaction-" + reactedTo + "-" + JsonFields.text(root, "timestamp");
        if (!PlatformIds.usable(oaId, userId, reactedTo, id)) {
            return new InboundMessage.Ignored(Channel.ZALO, oaId, null, event + ":incomplete");
        }
        return new InboundMessage.Reaction(new ConversationKey(Channel.ZALO, oaId, userId), id, at,
                gesture(JsonFields.text(root, "message", "react_icon")), reactedTo);
    }

    /** Zalo's reaction codes: "/-strong" 👍 and "/-heart" ❤ approve; ":-h" 😡 and "/-bad", "/-weak" 👎 do not. */
    static InboundMessage.Gesture gesture(String icon) {
        return switch (icon == null ? "" : icon.strip()) {
            case "/-strong", "/-heart", "/-ok", "/-thanks", "/-loveu" -> InboundMessage.Gesture.APPROVAL;
            case ":-h", "/-bad", "/-weak", "/-break" -> InboundMessage.Gesture.DISAPPROVAL;
            default -> InboundMessage.Gesture.OTHER;
        };
    }
}
