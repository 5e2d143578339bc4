package vn.citizenqa.functions;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import vn.citizenqa.functions.console.ConsoleAssets;
import vn.citizenqa.functions.console.ConsoleSettings;
import vn.citizenqa.functions.logging.LogContext;
import vn.citizenqa.functions.officer.OfficerApi;
import vn.citizenqa.functions.officer.OfficerJson;

/**
 * The officer API function behind the HTTP API (payload 2.0), protected by its JWT authorizer: a translation from
 * the event (method, path, query, the authorizer's claims, the body) to {@link OfficerApi} and back. It also serves
 * the officer console's static files under {@code /console/} (a public route: the page holds no data and calls
 * the API with the officer's token).
 */
public final class OfficerApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static {
        LogFormat.install();
    }

    private static final Map<String, String> HEADERS = Map.of(
            "Content-Type", "application/json; charset=utf-8",
            // Cases hold citizens' own words: never cached by a browser or a proxy, never sniffed as a page.
            "Cache-Control", "no-store",
            "X-Content-Type-Options", "nosniff");

    private final OfficerApi api;
    private final ConsoleAssets console;

    public OfficerApiHandler() {
        this(Wiring.officerApi(), Wiring.consoleAssets());
    }

    /** With the console signing in by development token (tests). */
    public OfficerApiHandler(OfficerApi api) {
        this(api, new ConsoleAssets(ConsoleSettings.developmentTokens()));
    }

    public OfficerApiHandler(OfficerApi api, ConsoleAssets console) {
        this.api = api;
        this.console = console;
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
        if (ConsoleAssets.serves(path(event))) {
            ConsoleAssets.Response file = console.serve(method(event), path(event));
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(file.status())
                    .withHeaders(file.headers())
                    .withBody(file.body())
                    .withIsBase64Encoded(false)
                    .build();
        }
        OfficerApi.Response response;
        try {
            response = event.getBody() != null && event.getBody().length() > OfficerApi.MAX_FILE_CHARS * 4L / 3 + 4
                    ? OfficerApi.tooLarge() : api.handle(new OfficerApi.Request(method(event), path(event),
                    event.getQueryStringParameters(), claims(event), body(event)));
        } catch (IllegalArgumentException e) {
            // Only the body's base64 decoding throws this before the API sees the request.
            response = new OfficerApi.Response(400, OfficerJson.error("malformed_json", "the body is not valid base64"));
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(HEADERS)
                .withBody(response.json())
                .withIsBase64Encoded(false)
                .build();
    }

    private static String method(APIGatewayV2HTTPEvent event) {
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        if (http != null && http.getMethod() != null) {
            return http.getMethod();
        }
        String key = event.getRouteKey();
        return key == null || !key.contains(" ") ? null : key.substring(0, key.indexOf(' '));
    }

    private static String path(APIGatewayV2HTTPEvent event) {
        if (event.getRawPath() != null) {
            return event.getRawPath();
        }
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        return http == null ? null : http.getPath();
    }

    /** The claims the JWT authorizer verified, or null when the request came without them. */
    private static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null) {
            return null;
        }
        return context.getAuthorizer().getJwt().getClaims();
    }

    private static String body(APIGatewayV2HTTPEvent event) {
        if (event.getBody() == null) {
            return null;
        }
        return event.getIsBase64Encoded()
                ? new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8)
                : event.getBody();
    }
}
