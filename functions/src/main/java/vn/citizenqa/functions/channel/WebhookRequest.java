package vn.citizenqa.functions.channel;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request to a webhook as the adapters see it: the raw body bytes exactly as the platform signed them
 * (base64-decoded when API Gateway encoded them) and headers looked up without regard to case.
 *
 * @param sourceIp the caller's address, for the security log (may be null)
 */
public record WebhookRequest(String method, String path, Map<String, String> headers, Map<String, String> query, byte[] body,
                             String sourceIp) {

    public WebhookRequest {
        method = method == null ? "" : method.toUpperCase(Locale.ROOT);
        path = path == null ? "" : path;
        TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> {
                if (k != null && v != null) {
                    h.put(k, v);
                }
            });
        }
        headers = java.util.Collections.unmodifiableMap(h);
        query = query == null ? Map.of() : Map.copyOf(query);
        body = body == null ? new byte[0] : body;
    }

    public WebhookRequest(String method, String path, Map<String, String> headers, Map<String, String> query, byte[] body) {
        this(method, path, headers, query, body, null);
    }

    /**
     * The body bytes of an API Gateway event.
     *
     * @throws IllegalArgumentException when the event says base64 but the body is not
     */
    public static byte[] bodyBytes(String body, boolean base64Encoded) {
        if (body == null) {
            return new byte[0];
        }
        return base64Encoded ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean bodyIsBlank() {
        return bodyText().isBlank();
    }
}
