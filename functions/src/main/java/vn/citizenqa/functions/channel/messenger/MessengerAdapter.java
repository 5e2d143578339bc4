package vn.citizenqa.functions.channel.messenger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

/** The Messenger webhook: the subscription handshake, the signature, and every kind of messaging item. */
public final class MessengerAdapter {

    /**
     * The stickers of Messenger's thumbs-up button (small, medium and large: the longer it is held, the bigger): a
     * "like", never an image to ask words about.
     */
    static final Set<String> LIKE_STICKERS = Set.of("369239263222822", "369239343222814", "369239383222810");

    private final MessengerSignature signature;
    private final String verifyToken;

    public MessengerAdapter(String appSecret, String verifyToken) {
        this.signature = new MessengerSignature(appSecret);
        this.verifyToken = verifyToken;
    }

    /**
     * The GET Meta sends once when a page subscribes: the challenge back when the token is ours, else empty
     * (answer 403).
     */
    public Optional<String> handshake(WebhookRequest request) {
        String mode = request.query().get("hub.mode");
        String token = request.query().get("hub.verify_token");
        String challenge = request.query().get("hub.challenge");
        if (!"subscribe".equals(mode) || challenge == null || verifyToken == null || verifyToken.isEmpty() || token == null
                || !java.security.MessageDigest.isEqual(token.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        verifyToken.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(challenge);
    }

    public ParsedWebhook read(WebhookRequest request) {
        Optional<String> sig = request.header(MessengerSignature.HEADER);
        if (sig.isEmpty()) {
            return new ParsedWebhook.Unauthorized("missing " + MessengerSignature.HEADER);
        }
        if (!signature.verify(request.body(), sig.get())) {
            return new ParsedWebhook.Unauthorized("wrong " + MessengerSignature.HEADER);
        }
        JsonNode root = JsonFields.object(request.body());
        if (root == null) {
            return new ParsedWebhook.Malformed("the body is not a JSON object");
        }
        if (!"page".equals(JsonFields.text(root, "object"))) {
            // Subscriptions other than the page inbox (e.g. "instagram") are not ours to answer.
            return new ParsedWebhook.Accepted(List.of(new InboundMessage.Ignored(Channel.MESSENGER, null, null,
                    "object:" + JsonFields.text(root, "object"))));
        }
        List<InboundMessage> messages = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            String pageId = JsonFields.text(entry, "id");
            for (JsonNode item : entry.path("messaging")) {
                messages.add(messagingItem(pageId, item));
            }
            for (JsonNode item : entry.path("standby")) {
                // Another app owns this thread (handover protocol): it answers; an emergency still reaches officers.
                messages.add(switch (messagingItem(pageId, item)) {
                    case InboundMessage.FromCitizen m -> new InboundMessage.Standby(m);
                    case InboundMessage.Ignored i -> new InboundMessage.Ignored(i.channel(), i.pageId(), i.messageId(),
                            "standby:" + i.kind());
                    case InboundMessage.PolicyEnforcement p -> p;
                });
            }
        }
        return new ParsedWebhook.Accepted(messages);
    }

    private static InboundMessage messagingItem(String entryPageId, JsonNode item) {
        String pageId = entryPageId != null ? entryPageId : JsonFields.text(item, "recipient", "id");
        String userId = JsonFields.text(item, "sender", "id");
        Instant at = JsonFields.millis(item, "timestamp");
        JsonNode message = item.get("message");
        JsonNode postback = item.get("postback");
        JsonNode edit = item.get("message_edit");
        JsonNode reaction = item.get("reaction");
        JsonNode enforcement = item.has("policy_enforcement") ? item.get("policy_enforcement") : item.get("policy-enforcement");
        if (enforcement != null) {
            return new InboundMessage.PolicyEnforcement(Channel.MESSENGER, pageId, JsonFields.text(enforcement, "action"),
                    JsonFields.text(enforcement, "reason"));
        }
        if (message != null && message.path("is_echo").asBoolean(false)) {
            return new InboundMessage.Ignored(Channel.MESSENGER, pageId, mid(item), "echo");
        }
        if (message == null && postback == null && edit == null && reaction == null) {
            return new InboundMessage.Ignored(Channel.MESSENGER, pageId, mid(item), kindOf(item));
        }
        if (!PlatformIds.usable(pageId, userId)) {
            return new InboundMessage.Ignored(Channel.MESSENGER, pageId, mid(item), "missing-sender-or-page");
        }
        ConversationKey from = new ConversationKey(Channel.MESSENGER, pageId, userId);
        if (postback != null) {
            String payload = JsonFields.text(postback, "payload");
            String title = JsonFields.text(postback, "title");
            String id = Optional.ofNullable(JsonFields.text(postback, "mid"))
                    .orElse("postback:" + userId + ":" + JsonFields.text(item, "timestamp"));
            if (!PlatformIds.usable(id)) {
                return new InboundMessage.Ignored(Channel.MESSENGER, pageId, null, "postback-without-id");
            }
            // A postback on standby carries no payload (only the app that sent the button gets it): its title is what
            // the citizen tapped.
            if (payload == null) {
                return title == null ? new InboundMessage.Ignored(Channel.MESSENGER, pageId, id, "postback-without-payload")
                        : new InboundMessage.Text(from, id, at, title);
            }
            return new InboundMessage.Choice(from, id, at, payload, title);
        }
        if (edit != null) {
            return edit(pageId, from, at, edit);
        }
        if (reaction != null) {
            return reaction(pageId, from, at, reaction, JsonFields.text(item, "timestamp"));
        }
        String mid = JsonFields.text(message, "mid");
        if (!PlatformIds.usable(mid)) {
            return new InboundMessage.Ignored(Channel.MESSENGER, pageId, null, "message-without-mid");
        }
        String text = CitizenText.clean(JsonFields.text(message, "text"));
        String quickReply = JsonFields.text(message, "quick_reply", "payload");
        if (quickReply != null) {
            return new InboundMessage.Choice(from, mid, at, quickReply, text);
        }
        List<String> kinds = attachmentKinds(message);
        if (text != null && !text.isBlank()) {
            return new InboundMessage.Text(from, mid, at, text);
        }
        Optional<InboundMessage.Location> location = location(from, mid, at, message);
        if (location.isPresent()) {
            return location.get();
        }
        if (isLikeSticker(message)) {
            return new InboundMessage.Reaction(from, mid, at, InboundMessage.Gesture.APPROVAL, null);
        }
        if (!kinds.isEmpty()) {
            return new InboundMessage.Attachment(from, mid, at, kinds, null);
        }
        return new InboundMessage.Ignored(Channel.MESSENGER, pageId, mid, "empty-message");
    }

    /** A message_edits item: the new text, under an id of its own (the platform's id names the message edited). */
    private static InboundMessage edit(String pageId, ConversationKey from, Instant at, JsonNode edit) {
        String mid = JsonFields.text(edit, "mid");
        String text = CitizenText.clean(JsonFields.text(edit, "text"));
        String count = Optional.ofNullable(JsonFields.text(edit, "num_edit")).orElse("0");
        String id = "edit-" + mid + "-" + count;
        if (!PlatformIds.usable(mid, id)) {
            return new InboundMessage.Ignored(Channel.MESSENGER, pageId, null, "message_edit-without-mid");
        }
        if (text == null || text.isBlank()) {
            return new InboundMessage.Ignored(Channel.MESSENGER, pageId, id, "message_edit-without-text");
        }
        return new InboundMessage.Edit(from, id, at, mid, text);
    }

    /** A message_reactions item; taking a reaction back says nothing to act on. */
    private static InboundMessage reaction(String pageId, ConversationKey from, Instant at, JsonNode reaction, String timestamp) {
        String reactedTo = JsonFields.text(reaction, "mid");
        String id = "reaction-" + reactedTo + "-" + from.userId() + "-" + timestamp;
        if (!PlatformIds.usable(reactedTo, id)) {
            return new InboundMessage.Ignored(Channel.MESSENGER, pageId, null, "reaction-without-mid");
        }
        if ("unreact".equals(JsonFields.text(reaction, "action"))) {
            return new InboundMessage.Ignored(Channel.MESSENGER, pageId, id, "reaction-removed");
        }
        return new InboundMessage.Reaction(from, id, at,
                gesture(JsonFields.text(reaction, "reaction"), JsonFields.text(reaction, "emoji")), reactedTo);
    }

    /** Meta's reaction names first, the emoji when the name is "other" or missing. */
    static InboundMessage.Gesture gesture(String name, String emoji) {
        String n = name == null ? "" : name;
        if (n.equals("like") || n.equals("love")) {
            return InboundMessage.Gesture.APPROVAL;
        }
        if (n.equals("dislike") || n.equals("angry")) {
            return InboundMessage.Gesture.DISAPPROVAL;
        }
        String e = emoji == null ? "" : emoji;
        if (e.startsWith("\uD83D\uDC4D") || e.startsWith("\u2764")) { // thumbs up, heart
            return InboundMessage.Gesture.APPROVAL;
        }
        if (e.startsWith("\uD83D\uDC4E") || e.startsWith("\uD83D\uDE21") || e.startsWith("\uD83D\uDE20")) { // thumbs down, angry
            return InboundMessage.Gesture.DISAPPROVAL;
        }
        return InboundMessage.Gesture.OTHER;
    }

    /** A shared location: {@code attachments[{type:"location", title, payload:{coordinates:{lat, long}}}]}. */
    private static Optional<InboundMessage.Location> location(ConversationKey from, String mid, Instant at, JsonNode message) {
        for (JsonNode a : message.path("attachments")) {
            if (!"location".equals(JsonFields.text(a, "type"))) {
                continue;
            }
            JsonNode c = a.path("payload").path("coordinates");
            Optional<Coordinates> point = Coordinates.parse(JsonFields.text(c, "lat"), JsonFields.text(c, "long"));
            if (point.isPresent()) {
                return Optional.of(new InboundMessage.Location(from, mid, at, point.get(), JsonFields.text(a, "title")));
            }
        }
        return Optional.empty();
    }

    private static boolean isLikeSticker(JsonNode message) {
        String sticker = JsonFields.text(message, "sticker_id");
        if (sticker == null) {
            for (JsonNode a : message.path("attachments")) {
                sticker = sticker == null ? JsonFields.text(a, "payload", "sticker_id") : sticker;
            }
        }
        return sticker != null && LIKE_STICKERS.contains(sticker);
    }

    private static List<String> attachmentKinds(JsonNode message) {
        List<String> kinds = new ArrayList<>();
        if (message.hasNonNull("sticker_id")) {
            kinds.add("sticker");
        }
        for (JsonNode a : message.path("attachments")) {
            // A sticker arrives as an image attachment carrying a sticker id.
            String kind = a.path("payload").hasNonNull("sticker_id") ? "sticker"
                    : Optional.ofNullable(JsonFields.text(a, "type")).orElse("file");
            if (!kinds.contains(kind)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    private static String mid(JsonNode item) {
        String m = JsonFields.text(item, "message", "mid");
        return m != null ? m : JsonFields.text(item, "postback", "mid");
    }

    /** The payload key of an item we do not answer: "delivery", "read", "reaction", "referral"… */
    private static String kindOf(JsonNode item) {
        var names = item.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!List.of("sender", "recipient", "timestamp").contains(n)) {
                return n;
            }
        }
        return "unknown";
    }
}
