package vn.citizenqa.functions.channel.messenger;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.citizenqa.core.channel.MessageParts;
import vn.citizenqa.core.channel.OutboundReply;
import vn.citizenqa.core.channel.ReplyFailedException;
import vn.citizenqa.core.channel.ReplyOption;
import vn.citizenqa.functions.channel.ChannelHttp;
import vn.citizenqa.functions.channel.JsonFields;

/**
 * The Messenger Send API: {@code POST $GRAPH_API_BASE/me/messages?access_token=…}. A long reply goes as
 * several messages cut between words; the options go as quick replies under the last one.
 */
public final class MessengerClient {

    static final int TEXT_LIMIT = 2000;
    static final int MAX_PARTS = 3;
    static final int MAX_QUICK_REPLIES = 13;
    static final int QUICK_REPLY_TITLE_LIMIT = 20;
    static final int PAYLOAD_LIMIT = 1000;

    private final ChannelHttp http;
    private final URI endpoint;

    public MessengerClient(ChannelHttp http, String graphApiBase) {
        this.http = http;
        this.endpoint = ChannelHttp.endpoint(graphApiBase, "/me/messages");
    }

    /**
     * How a message may go out. Within 24 hours of the citizen's last message any reply is a RESPONSE; after that,
     * up to 7 days, only a person may answer, tagged HUMAN_AGENT (the page needs Meta's Human Agent permission).
     */
    public enum MessagingType {
        RESPONSE,
        HUMAN_AGENT
    }

    /** @return the platform id of the last message sent */
    public String send(String pageAccessToken, String psid, OutboundReply reply) throws ReplyFailedException {
        return send(pageAccessToken, psid, reply, MessagingType.RESPONSE);
    }

    /** @return the platform id of the last message sent */
    public String send(String pageAccessToken, String psid, OutboundReply reply, MessagingType type)
            throws ReplyFailedException {
        URI uri = URI.create(endpoint + "?access_token=" + URLEncoder.encode(pageAccessToken, StandardCharsets.UTF_8));
        List<String> parts = MessageParts.split(reply.text(), TEXT_LIMIT, MAX_PARTS);
        String messageId = null;
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            String body = JsonFields.write(message(psid, parts.get(i), last ? reply.options() : List.of(), type));
            ChannelHttp.Response r = http.post("Messenger Send API", uri, Map.of(), "application/json; charset=utf-8", body);
            messageId = acceptedMessageId(r);
        }
        return messageId;
    }

    static ObjectNode message(String psid, String text, List<ReplyOption> options, MessagingType type) {
        ObjectNode root = JsonFields.newObject();
        root.putObject("recipient").put("id", psid);
        switch (type) {
            case RESPONSE -> root.put("messaging_type", "RESPONSE");
            case HUMAN_AGENT -> root.put("messaging_type", "MESSAGE_TAG").put("tag", "HUMAN_AGENT");
        }
        ObjectNode message = root.putObject("message");
        message.put("text", text);
        if (!options.isEmpty()) {
            ArrayNode qr = message.putArray("quick_replies");
            for (ReplyOption o : options.subList(0, Math.min(options.size(), MAX_QUICK_REPLIES))) {
                qr.addObject()
                        .put("content_type", "text")
                        .put("title", MessageParts.trim(o.title(), QUICK_REPLY_TITLE_LIMIT))
                        .put("payload", MessageParts.trim(o.payload(), PAYLOAD_LIMIT));
            }
        }
        return root;
    }

    private static String acceptedMessageId(ChannelHttp.Response r) throws ReplyFailedException {
        JsonNode body = JsonFields.object(r.body().getBytes(StandardCharsets.UTF_8));
        if (r.status() / 100 == 2 && body != null && JsonFields.text(body, "message_id") != null) {
            return JsonFields.text(body, "message_id");
        }
        String error = body == null ? null : JsonFields.text(body, "error", "message");
        String code = body == null ? null : JsonFields.text(body, "error", "code");
        throw new ReplyFailedException("Messenger Send API refused the reply: HTTP " + r.status()
                + (code != null ? ", code " + code : "") + (error != null ? ", " + error : ""));
    }
}
