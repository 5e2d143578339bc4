package vn.citizenqa.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.citizenqa.functions.WebhookSettings;
import vn.citizenqa.functions.channel.JsonFields;
import vn.citizenqa.functions.channel.Webhook;
import vn.citizenqa.functions.channel.messenger.MessengerSignature;
import vn.citizenqa.functions.channel.zalo.ZaloSignature;

/**
 * Signs the sample webhook events in {@code events/} with the configured secrets, so that editing an event's body
 * never leaves a hand-computed signature stale. By file name: {@code *forged*} is signed with a wrong secret on
 * purpose, {@code *unsigned*} and {@code *probe*} carry no signature; every other POST to a webhook is signed.
 */
public final class EventSigning {

    private static final String FORGED_SECRET_PREFIX = "not-";

    private final WebhookSettings settings;

    public EventSigning(WebhookSettings settings) {
        if (!settings.messengerConfigured() || !settings.zaloConfigured()) {
            throw new IllegalArgumentException("signing events needs MESSENGER_APP_SECRET, ZALO_APP_ID and ZALO_OA_SECRET");
        }
        this.settings = settings;
    }

    /**
     * Signs every event file in {@code dir}.
     *
     * @param write false to only report which files are not signed as they should be
     * @return the files whose signature was (or would be) changed
     */
    public List<Path> sign(Path dir, boolean write) throws IOException {
        List<Path> changed = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            JsonNode root = JsonFields.read(Files.readAllBytes(file));
            if (!(root instanceof ObjectNode event) || !"POST".equals(JsonFields.text(event, "requestContext", "http", "method"))) {
                continue;
            }
            String path = JsonFields.text(event, "rawPath");
            if (!Webhook.MESSENGER_PATH.equals(path) && !Webhook.ZALO_PATH.equals(path)) {
                continue;
            }
            ObjectNode headers = event.has("headers") && event.get("headers").isObject() ? (ObjectNode) event.get("headers") : event.putObject("headers");
            String header = Webhook.MESSENGER_PATH.equals(path) ? "x-hub-signature-256" : "x-zevent-signature";
            String before = JsonFields.text(headers, header);
            String after = signature(file.getFileName().toString(), path, body(event));
            if (after == null) {
                headers.remove(header);
            } else {
                headers.put(header, after);
            }
            if (before == null ? after != null : !before.equals(after)) {
                changed.add(file);
                if (write) {
                    Files.writeString(file, JsonFields.pretty(event), StandardCharsets.UTF_8);
                }
            }
        }
        return changed;
    }

    private String signature(String fileName, String path, byte[] body) {
        if (fileName.contains("unsigned") || fileName.contains("probe")) {
            return null;
        }
        boolean forged = fileName.contains("forged");
        if (Webhook.MESSENGER_PATH.equals(path)) {
            String secret = (forged ? FORGED_SECRET_PREFIX : "") + settings.messengerAppSecret();
            return new MessengerSignature(secret).sign(body);
        }
        String timestamp = JsonFields.text(JsonFields.object(body), "timestamp");
        String secret = (forged ? FORGED_SECRET_PREFIX : "") + settings.zaloOaSecret();
        return new ZaloSignature(settings.zaloAppId(), secret).sign(body, timestamp == null ? "" : timestamp);
    }

    private static byte[] body(ObjectNode event) {
        String body = JsonFields.text(event, "body");
        if (body == null) {
            return new byte[0];
        }
        return event.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }
}
