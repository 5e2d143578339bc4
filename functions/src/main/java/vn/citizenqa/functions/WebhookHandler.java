package vn.citizenqa.functions;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import vn.citizenqa.core.logging.DeferredLogger;
import vn.citizenqa.functions.channel.Webhook;
import vn.citizenqa.functions.channel.WebhookRequest;
import vn.citizenqa.functions.channel.WebhookResponse;
import vn.citizenqa.functions.logging.LogContext;

/**
 * The webhook function behind the HTTP API (payload 2.0): {@code GET /webhook/messenger},
 * {@code POST /webhook/messenger}, {@code POST /webhook/zalo}. A translation from the event to the
 * {@link Webhook} and back; everything else happens there.
 */
public final class WebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static {
        // The log format is set up when something is first logged: the webhook's path logs nothing when all goes well,
        // so a cold start that answers 200 never starts java.util.logging (a lambda, not LogFormat::install, so that
        // not even LogFormat is loaded until then).
        DeferredLogger.beforeFirstUse(() -> LogFormat.install());
    }

    private final Webhook webhook;

    public WebhookHandler() {
        this(Wiring.webhook());
    }

    public WebhookHandler(Webhook webhook) {
        this.webhook = webhook;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        LogContext.begin(LogContext.requestId(context, event.getRequestContext() == null ? null : event.getRequestContext().getRequestId()));
        try {
            return handle(event);
        } finally {
            LogContext.end();
        }
    }

    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        WebhookResponse response;
        try {
            long size = encodedSize(event);
            response = size > Webhook.MAX_BODY_BYTES ? Webhook.tooLarge(event.getRawPath(), sourceIp(event), size)
                    : webhook.handle(request(event));
        } catch (IllegalArgumentException e) {
            // Only the body's base64 decoding throws this before the webhook sees the request.
            response = WebhookResponse.error(400, "the body is not valid base64");
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(response.headers())
                .withBody(response.body())
                .withIsBase64Encoded(false)
                .build();
    }

    static WebhookRequest request(APIGatewayV2HTTPEvent event) {
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        String method = http != null && http.getMethod() != null ? http.getMethod() : methodOfRouteKey(event.getRouteKey());
        String path = event.getRawPath() != null ? event.getRawPath() : http != null ? http.getPath() : null;
        Map<String, String> query = event.getQueryStringParameters();
        return new WebhookRequest(method, path, event.getHeaders(), query,
                WebhookRequest.bodyBytes(event.getBody(), event.getIsBase64Encoded()), sourceIp(event));
    }

    /** The body's size in bytes as far as it can be told without decoding it (at most what decoding gives). */
    private static long encodedSize(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null) {
            return 0;
        }
        return event.getIsBase64Encoded() ? body.length() / 4L * 3 - 2 : body.length();
    }

    private static String sourceIp(APIGatewayV2HTTPEvent event) {
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        return http == null ? null : http.getSourceIp();
    }

    private static String methodOfRouteKey(String routeKey) {
        return routeKey == null || !routeKey.contains(" ") ? "" : routeKey.substring(0, routeKey.indexOf(' '));
    }
}
