package vn.citizenqa.functions.channel.messenger;

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

/** The Messenger webhook: the subscription handshake, the signature, and every kind of messaging item. */
public final class MessengerAdapter {

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
                // Another app owns this thread (handover protocol): it answers, we only log.
                messages.add(new InboundMessage.Ignored(Channel.MESSENGER, pageId, mid(item), "standby"));
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
        if (message != null && message.path("is_echo").asBoolean(false)) {
            return new InboundMessage.Ignored(Channel.MESSENGER, pageId, mid(item), "echo");
        }
        if (message == null && postback == null) {
            return new InboundMessage.Ignored(Channel.MESSENGER, pageId, mid(item), kindOf(item));
        }
        if (!PlatformIds.usable(pageId, userId)) {
            return new InboundMessage.Ignored(Channel.MESSENGER, pageId, mid(item), "missing-sender-or-page");
        }
        ConversationKey from = new ConversationKey(Channel.MESSENGER, pageId, userId);
        if (postback != null) {
            String payload = JsonFields.text(postback, "payload");
            String id = Optional.ofNullable(JsonFields.text(postback, "mid"))
                    .orElse("postback:" + userId + ":" + JsonFields.text(item, "timestamp"));
            return payload == null || !PlatformIds.usable(id)
                    ? new InboundMessage.Ignored(Channel.MESSENGER, pageId, id, "postback-without-payload")
                    : new InboundMessage.Choice(from, id, at, payload, JsonFields.text(postback, "title"));
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
        if (!kinds.isEmpty()) {
            return new InboundMessage.Attachment(from, mid, at, kinds, null);
        }
        return new InboundMessage.Ignored(Channel.MESSENGER, pageId, mid, "empty-message");
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
