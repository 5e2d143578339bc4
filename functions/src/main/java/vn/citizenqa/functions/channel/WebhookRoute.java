package vn.citizenqa.functions.channel;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import vn.citizenqa.functions.http.PathTemplate;

/** The webhook function's routes: the platforms' callbacks and Zalo's domain-verification page. */
public enum WebhookRoute {
    /** Meta's subscription handshake. */
    MESSENGER_HANDSHAKE("GET", "/webhook/messenger"),
    MESSENGER_EVENTS("POST", "/webhook/messenger"),
    ZALO_EVENTS("POST", "/webhook/zalo"),
    /** Zalo verifies the webhook's domain by a meta tag on its home page before it accepts the webhook URL. */
    ZALO_DOMAIN_VERIFICATION("GET", "/");

    private final String method;
    private final String template;

    WebhookRoute(String method, String template) {
        this.method = method;
        this.template = template;
    }

    public String method() {
        return method;
    }

    public String template() {
        return template;
    }

    public PathTemplate path() {
        return new PathTemplate(template);
    }

    /** The route serving {@code method path}, if any. */
    public static Optional<WebhookRoute> match(String method, String path) {
        return Arrays.stream(values()).filter(r -> r.method.equalsIgnoreCase(method) && r.path().matches(path)).findFirst();
    }

    /** The methods the routes of this path take (empty when no route has it). */
    public static List<String> methodsOf(String path) {
        return Arrays.stream(values()).filter(r -> r.path().matches(path)).map(WebhookRoute::method).toList();
    }
}
