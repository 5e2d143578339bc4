package vn.citizenqa.functions.queue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.functions.channel.JsonFields;

/**
 * A citizen's message as the body of a queue message: what the webhook parsed, written so that the worker reads back
 * exactly that ({@code "v"} names the layout, so a worker of a later deploy can tell an older message from the queue).
 */
public final class QueuedMessageJson {

    static final int VERSION = 1;

    private QueuedMessageJson() {
    }

    public static String write(InboundMessage.FromCitizen m) {
        return JsonFields.write(tree(m));
    }

    private static ObjectNode tree(InboundMessage.FromCitizen m) {
        ObjectNode o = JsonFields.newObject();
        o.put("v", VERSION);
        ConversationKey from = m.from();
        o.put("channel", from.channel().wireName()).put("pageId", from.pageId()).put("userId", from.userId())
                .put("messageId", m.messageId());
        if (m.sentAt() != null) {
            o.put("sentAt", m.sentAt().toEpochMilli());
        }
        switch (m) {
            case InboundMessage.Text t -> o.put("kind", "text").put("text", t.text());
            case InboundMessage.Choice c -> o.put("kind", "choice").put("payload", c.payload()).put("title", c.title());
            case InboundMessage.Attachment a -> {
                o.put("kind", "attachment").put("caption", a.caption());
                a.kinds().forEach(o.putArray("kinds")::add);
            }
            case InboundMessage.Follow f -> o.put("kind", "follow");
            case InboundMessage.Location l -> o.put("kind", "location").put("latitude", l.point().latitude())
                    .put("longitude", l.point().longitude()).put("placeName", l.placeName());
            case InboundMessage.ContactDetails c -> o.put("kind", "contact").put("name", c.name()).put("phone", c.phone())
                    .put("address", c.address());
            case InboundMessage.Edit e -> o.put("kind", "edit").put("editedMessageId", e.editedMessageId()).put("text", e.text());
            case InboundMessage.Reaction r -> o.put("kind", "reaction").put("gesture", r.gesture().name())
                    .put("reactedToId", r.reactedToId());
            case InboundMessage.Standby s -> o.put("kind", "standby").set("message", tree(s.message()));
        }
        return o;
    }

    /**
     * @throws IllegalArgumentException naming what is wrong, for a body that is not a message this class wrote (it is
     *                                  then received again until it lands in the dead-letter queue)
     */
    public static InboundMessage.FromCitizen read(String body) {
        JsonNode o = body == null ? null : JsonFields.object(body.getBytes(StandardCharsets.UTF_8));
        if (o == null) {
            throw new IllegalArgumentException("the queue message is not a JSON object");
        }
        return read(o);
    }

    private static InboundMessage.FromCitizen read(JsonNode o) {
        if (o.path("v").asInt(-1) != VERSION) {
            throw new IllegalArgumentException("the queue message has layout " + JsonFields.text(o, "v") + ", not " + VERSION);
        }
        Channel channel = Channel.fromWireName(required(o, "channel"))
                .orElseThrow(() -> new IllegalArgumentException("the queue message names an unknown channel"));
        ConversationKey from = new ConversationKey(channel, required(o, "pageId"), required(o, "userId"));
        String id = required(o, "messageId");
        Instant at = JsonFields.millis(o, "sentAt");
        String kind = required(o, "kind");
        return switch (kind) {
            case "text" -> new InboundMessage.Text(from, id, at, required(o, "text"));
            case "choice" -> new InboundMessage.Choice(from, id, at, required(o, "payload"), JsonFields.text(o, "title"));
            case "attachment" -> {
                List<String> kinds = new ArrayList<>();
                o.path("kinds").forEach(k -> kinds.add(k.asText()));
                yield new InboundMessage.Attachment(from, id, at, kinds, JsonFields.text(o, "caption"));
            }
            case "follow" -> new InboundMessage.Follow(from, id, at);
            case "location" -> new InboundMessage.Location(from, id, at,
                    new vn.citizenqa.core.model.Coordinates(number(o, "latitude"), number(o, "longitude")), JsonFields.text(o, "placeName"));
            case "contact" -> new InboundMessage.ContactDetails(from, id, at, JsonFields.text(o, "name"), JsonFields.text(o, "phone"),
                    JsonFields.text(o, "address"));
            case "edit" -> new InboundMessage.Edit(from, id, at, required(o, "editedMessageId"), required(o, "text"));
            case "reaction" -> new InboundMessage.Reaction(from, id, at, InboundMessage.Gesture.valueOf(required(o, "gesture")),
                    JsonFields.text(o, "reactedToId"));
            case "standby" -> {
                JsonNode inner = o.get("message");
                if (inner == null || !inner.isObject() || "standby".equals(JsonFields.text(inner, "kind"))) {
                    throw new IllegalArgumentException("the queue message's standby holds no message");
                }
                yield new InboundMessage.Standby(read(inner));
            }
            default -> throw new IllegalArgumentException("the queue message is of an unknown kind '" + kind + "'");
        };
    }

    private static double number(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || !n.isNumber()) {
            throw new IllegalArgumentException("the queue message has no number " + field);
        }
        return n.asDouble();
    }

    private static String required(JsonNode o, String field) {
        String v = JsonFields.text(o, field);
        if (v == null) {
            throw new IllegalArgumentException("the queue message has no " + field);
        }
        return v;
    }
}
