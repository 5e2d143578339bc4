package vn.citizenqa.functions.queue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.store.ConversationKey;
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
        }
        return JsonFields.write(o);
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
            default -> throw new IllegalArgumentException("the queue message is of an unknown kind '" + kind + "'");
        };
    }

    private static String required(JsonNode o, String field) {
        String v = JsonFields.text(o, field);
        if (v == null) {
            throw new IllegalArgumentException("the queue message has no " + field);
        }
        return v;
    }
}
