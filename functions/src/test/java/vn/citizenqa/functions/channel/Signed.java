package vn.citizenqa.functions.channel;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import vn.citizenqa.functions.channel.messenger.MessengerSignature;
import vn.citizenqa.functions.channel.zalo.ZaloSignature;

/** Webhook requests signed as the platforms sign them, with the test secrets of events/env.json. */
public final class Signed {

    public static final String MESSENGER_APP_SECRET = "test-messenger-app-secret";
    public static final String MESSENGER_VERIFY_TOKEN = "test-verify-token";
    public static final String ZALO_APP_ID = "360846524940903967";
    public static final String ZALO_OA_SECRET = "test-zalo-oa-secret";
    /** When these events say they were sent: now, so that Zalo events fall inside the webhook's replay window. */
    public static final String NOW_MILLIS = Long.toString(System.currentTimeMillis());

    private Signed() {
    }

    public static WebhookRequest messenger(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return post("/webhook/messenger", Map.of("x-hub-signature-256", new MessengerSignature(MESSENGER_APP_SECRET).sign(body)), body);
    }

    public static WebhookRequest zalo(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String timestamp = JsonFields.text(JsonFields.object(body), "timestamp");
        return post("/webhook/zalo", Map.of("x-zevent-signature", new ZaloSignature(ZALO_APP_ID, ZALO_OA_SECRET).sign(body, timestamp)), body);
    }

    public static WebhookRequest post(String path, Map<String, String> headers, byte[] body) {
        Map<String, String> h = new HashMap<>(headers);
        h.put("content-type", "application/json");
        return new WebhookRequest("POST", path, h, Map.of(), body);
    }

    /** A Messenger text message from {@code user} to {@code page}. */
    public static String messengerText(String page, String user, String mid, String text) {
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"" + page + "\",\"time\":" + NOW_MILLIS + ",\"messaging\":["
                + messengerItem(page, user, mid, text) + "]}]}";
    }

    public static String messengerItem(String page, String user, String mid, String text) {
        return "{\"sender\":{\"id\":\"" + user + "\"},\"recipient\":{\"id\":\"" + page + "\"},\"timestamp\":" + NOW_MILLIS + ","
                + "\"message\":{\"mid\":\"" + mid + "\",\"text\":" + quote(text) + "}}";
    }

    /** A Zalo user_send_text event from {@code user} to the OA {@code oa}. */
    public static String zaloText(String oa, String user, String msgId, String text) {
        return "{\"app_id\":\"" + ZALO_APP_ID + "\",\"user_id_by_app\":\"552177279717587730\",\"event_name\":\"user_send_text\","
                + "\"sender\":{\"id\":\"" + user + "\"},\"recipient\":{\"id\":\"" + oa + "\"},"
                + "\"message\":{\"msg_id\":\"" + msgId + "\",\"text\":" + quote(text) + "},\"timestamp\":\"" + NOW_MILLIS + "\"}";
    }

    /** When the fixtures' later events say they were sent: a minute after {@link #NOW_MILLIS}. */
    public static final String LATER_MILLIS = Long.toString(Long.parseLong(NOW_MILLIS) + 60_000);

    /**
     * A platform event of {@code src/test/resources/platform-events/} (written from the platforms' documented formats,
     * see the README there), with {@code {{NOW}}} and {@code {{LATER}}} set to {@link #NOW_MILLIS} and
     * {@link #LATER_MILLIS} and each {@code {{KEY}}} of {@code values} to its value (JSON-escaped).
     */
    public static String fixture(String name, Map<String, String> values) {
        String json;
        try (var in = Signed.class.getResourceAsStream("/platform-events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture platform-events/" + name);
            }
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        json = json.replace("{{NOW}}", NOW_MILLIS).replace("{{LATER}}", LATER_MILLIS);
        for (var e : values.entrySet()) {
            String quoted = quote(e.getValue());
            json = json.replace("{{" + e.getKey() + "}}", quoted.substring(1, quoted.length() - 1));
        }
        if (json.contains("{{")) {
            throw new IllegalArgumentException("fixture " + name + " has a placeholder left: " + json);
        }
        return json;
    }

    public static String fixture(String name) {
        return fixture(name, Map.of());
    }

    public static String quote(String s) {
        return JsonFields.write(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(s));
    }
}
