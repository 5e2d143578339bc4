package vn.citizenqa.functions.channel;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the webhook answers: a status and a short body (JSON, or the handshake's plain challenge). */
public record WebhookResponse(int status, String contentType, String body) {

    public static WebhookResponse json(int status, ObjectNode body) {
        return new WebhookResponse(status, "application/json; charset=utf-8", JsonFields.write(body));
    }

    public static WebhookResponse error(int status, String message) {
        return json(status, JsonFields.newObject().put("error", message));
    }

    public static WebhookResponse text(int status, String text) {
        return new WebhookResponse(status, "text/plain; charset=utf-8", text);
    }

    public Map<String, String> headers() {
        return Map.of("Content-Type", contentType, "X-Content-Type-Options", "nosniff");
    }
}
