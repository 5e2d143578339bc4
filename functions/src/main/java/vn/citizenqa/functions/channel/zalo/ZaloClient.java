package vn.citizenqa.functions.channel.zalo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.citizenqa.core.channel.MessageParts;
import vn.citizenqa.core.channel.OutboundReply;
import vn.citizenqa.core.channel.ReplyFailedException;
import vn.citizenqa.core.channel.ReplyOption;
import vn.citizenqa.functions.channel.ChannelHttp;
import vn.citizenqa.functions.channel.JsonFields;
import vn.citizenqa.core.store.PageRegistration;

/**
 * The Zalo OA consultation message API: {@code POST $ZALO_API_BASE/v3.0/oa/message/cs} with the OA's
 * {@code access_token} header. Success is {@code {"error":0}}; an expired token ({@code -216}) is refreshed
 * once through {@link ZaloTokenRefresh} and the message sent again.
 * <p>
 * An anonymous user ({@link ZaloAnonymous}) is answered, in plain text, through the message API that names the
 * anonymous user and the conversation ({@code POST $ZALO_API_BASE/v2.0/oa/message}, recipient
 * {@code {anonymous_id, conversation_id}}, as Zalo's own SDK examples send it). Zalo may refuse it (the feature needs
 * Zalo's approval for the OA): a refusal is an {@link AnonymousReplyRefused}, which the assistant's replies take as
 * final (the case is with officers already, and the platform delivering the message again would not change Zalo's
 * answer) while an officer's reply reports it as not sent.
 */
public final class ZaloClient {

    static final int TEXT_LIMIT = 2000;
    static final int MAX_PARTS = 3;
    static final int MAX_BUTTONS = 5;
    static final int BUTTON_TITLE_LIMIT = 100;
    static final int PAYLOAD_LIMIT = 1000;
    static final String TOKEN_EXPIRED = "-216";

    /** Zalo will not take a reply to this anonymous user: sending it again would not change that. */
    public static final class AnonymousReplyRefused extends ReplyFailedException {

        private static final long serialVersionUID = 1L;

        AnonymousReplyRefused(String message) {
            super(message);
        }
    }

    private final ChannelHttp http;
    private final URI endpoint;
    private final URI anonymousEndpoint;
    private final ZaloTokenRefresh refresh;

    public ZaloClient(ChannelHttp http, String apiBase, ZaloTokenRefresh refresh) {
        this.http = http;
        this.endpoint = ChannelHttp.endpoint(apiBase, "/v3.0/oa/message/cs");
        this.anonymousEndpoint = ChannelHttp.endpoint(apiBase, "/v2.0/oa/message");
        this.refresh = refresh;
    }

    /** @return the platform id of the last message sent */
    public String send(PageRegistration oa, String userId, OutboundReply reply) throws ReplyFailedException {
        var anonymous = ZaloAnonymous.recipient(userId);
        if (anonymous.isPresent()) {
            return sendAnonymous(oa, anonymous.get(), reply);
        }
        List<String> parts = MessageParts.split(reply.text(), TEXT_LIMIT, MAX_PARTS);
        String messageId = null;
        PageRegistration current = oa;
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            String body = JsonFields.write(message(userId, parts.get(i), last ? reply.options() : List.of()));
            JsonNode answer = post(endpoint, current, body);
            if (TOKEN_EXPIRED.equals(JsonFields.text(answer, "error"))) {
                current = refresh.refreshed(current);
                answer = post(endpoint, current, body);
            }
            messageId = acceptedMessageId(answer);
        }
        return messageId;
    }

    private String sendAnonymous(PageRegistration oa, ZaloAnonymous.Recipient to, OutboundReply reply) throws ReplyFailedException {
        if (to.conversationId() == null) {
            throw new AnonymousReplyRefused("the anonymous user''s message came without a conversation id: it cannot be answered");
        }
        String messageId = null;
        PageRegistration current = oa;
        for (String part : MessageParts.split(reply.text(), TEXT_LIMIT, MAX_PARTS)) {
            ObjectNode root = JsonFields.newObject();
            root.putObject("recipient").put("anonymous_id", to.anonymousId()).put("conversation_id", to.conversationId());
            root.putObject("message").put("text", part);
            String body = JsonFields.write(root);
            JsonNode answer = post(anonymousEndpoint, current, body);
            if (TOKEN_EXPIRED.equals(JsonFields.text(answer, "error"))) {
                current = refresh.refreshed(current);
                answer = post(anonymousEndpoint, current, body);
            }
            String error = JsonFields.text(answer, "error");
            if (!"0".equals(error)) {
                throw new AnonymousReplyRefused("Zalo refused the reply to an anonymous user: error " + error
                        + Optional.ofNullable(JsonFields.text(answer, "message")).map(m -> ", " + m).orElse(""));
            }
            messageId = Optional.ofNullable(JsonFields.text(answer, "data", "message_id")).orElse("");
        }
        return messageId;
    }

    private JsonNode post(URI to, PageRegistration oa, String body) throws ReplyFailedException {
        ChannelHttp.Response r = http.post("Zalo OA message API", to, Map.of("access_token", oa.accessToken()),
                "application/json; charset=utf-8", body);
        JsonNode answer = JsonFields.object(r.body().getBytes(StandardCharsets.UTF_8));
        if (answer == null || JsonFields.text(answer, "error") == null) {
            throw new ReplyFailedException("Zalo OA message API answered HTTP " + r.status() + " without an error code");
        }
        return answer;
    }

    static ObjectNode message(String userId, String text, List<ReplyOption> options) {
        ObjectNode root = JsonFields.newObject();
        root.putObject("recipient").put("user_id", userId);
        ObjectNode message = root.putObject("message");
        message.put("text", text);
        if (!options.isEmpty()) {
            ObjectNode payload = message.putObject("attachment").put("type", "template").putObject("payload");
            payload.put("template_type", "button");
            ArrayNode buttons = payload.putArray("buttons");
            for (ReplyOption o : options.subList(0, Math.min(options.size(), MAX_BUTTONS))) {
                // oa.query.show sends the payload back as the citizen's own text, visible in the chat.
                buttons.addObject()
                        .put("title", MessageParts.trim(o.title(), BUTTON_TITLE_LIMIT))
                        .put("type", "oa.query.show")
                        .put("payload", MessageParts.trim(o.payload(), PAYLOAD_LIMIT));
            }
        }
        return root;
    }

    private static String acceptedMessageId(JsonNode answer) throws ReplyFailedException {
        String error = JsonFields.text(answer, "error");
        if ("0".equals(error)) {
            String id = JsonFields.text(answer, "data", "message_id");
            return id != null ? id : "";
        }
        String message = JsonFields.text(answer, "message");
        throw new ReplyFailedException("Zalo OA message API refused the reply: error " + error
                + (message != null ? ", " + message : ""));
    }
}
