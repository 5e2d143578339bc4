package vn.citizenqa.functions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.store.PageRegistration;
import vn.citizenqa.core.store.Store;
import vn.citizenqa.functions.channel.JsonFields;
import vn.citizenqa.functions.channel.Signed;
import vn.citizenqa.functions.channel.messenger.MessengerSignature;
import vn.citizenqa.functions.channel.zalo.ZaloSignature;
import vn.citizenqa.standin.ChannelStandIn;
import vn.citizenqa.standin.HttpApiEvents;

/**
 * The webhook function as deployed (the packaged assistant, the real channel clients) over a given store, replying to
 * a loopback channel stand-in; the page and the Zalo OA of {@link WebhookHandlerTest} are registered. The tests of
 * hostile input, faults and abuse drive it.
 */
final class WebhookRig implements AutoCloseable {

    static final String PAGE = WebhookHandlerTest.PAGE;
    static final String OA = WebhookHandlerTest.OA;
    static final String UNIT = WebhookHandlerTest.UNIT;
    static final String PAGE_TOKEN = "test-page-token";

    final ChannelStandIn channels;
    final Store store;
    final WebhookHandler handler;
    private final Map<String, String> settings;
    private final boolean ownsChannels;
    private final Clock clock;

    WebhookRig(Store store, Clock clock) {
        this(store, clock, Map.of());
    }

    /** @param env settings added to (or replacing) the test configuration */
    WebhookRig(Store store, Clock clock, Map<String, String> env) {
        this(store, clock, env, null);
    }

    /**
     * Another container of the same deployment when {@code shared} is given: its replies go to that stand-in (which
     * the rig that started it closes); otherwise a stand-in of its own.
     */
    WebhookRig(Store store, Clock clock, Map<String, String> env, ChannelStandIn shared) {
        try {
            this.channels = shared != null ? shared : ChannelStandIn.start(0, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.ownsChannels = shared == null;
        this.store = store;
        if (store.pages().find(Channel.MESSENGER, PAGE).isEmpty()) {
            store.pages().register(new PageRegistration(Channel.MESSENGER, PAGE, UNIT, "Công an phường Bến Nghé", PAGE_TOKEN,
                    null, null));
            store.pages().register(new PageRegistration(Channel.ZALO, OA, UNIT, "Công an phường Bến Nghé", "zalo-access-1",
                    "zalo-refresh-1", null));
        }
        Map<String, String> settings = new HashMap<>(testSettings(channels));
        settings.putAll(env);
        this.settings = Map.copyOf(settings);
        this.clock = clock;
        this.handler = new WebhookHandler(Wiring.webhook(WebhookSettings.from(settings), store, clock));
    }

    /** The test secrets of {@link Signed} and the channel APIs at the stand-in, as a deployment's environment. */
    static Map<String, String> testSettings(ChannelStandIn channels) {
        return Map.of(
                "MESSENGER_APP_SECRET", Signed.MESSENGER_APP_SECRET,
                "MESSENGER_VERIFY_TOKEN", Signed.MESSENGER_VERIFY_TOKEN,
                "ZALO_APP_ID", Signed.ZALO_APP_ID,
                "ZALO_OA_SECRET", Signed.ZALO_OA_SECRET,
                "ZALO_APP_SECRET", "test-zalo-app-secret",
                "GRAPH_API_BASE", channels.graphApiBase(),
                "ZALO_API_BASE", channels.zaloApiBase(),
                "ZALO_OAUTH_BASE", channels.zaloOAuthBase(),
                "CHANNEL_TIMEOUT_MS", "2000");
    }

    /** The officer function over the same store, sending officers' replies to the same stand-in. */
    OfficerApiHandler officerHandler() {
        return new OfficerApiHandler(Wiring.officerApi(settings, store, clock));
    }

    /** An officer API request as API Gateway passes it, with the JWT authorizer's claims (null: no token). */
    static APIGatewayV2HTTPEvent officerRequest(String method, String rawPath, Map<String, String> query,
                                                Map<String, String> claims, String body) {
        var authorizer = claims == null ? null : APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).withScopes(null).build())
                .build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey(method + " " + rawPath).withRawPath(rawPath).withRawQueryString("")
                .withQueryStringParameters(query).withHeaders(Map.of("content-type", "application/json"))
                .withBody(body).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(rawPath).build())
                        .withAuthorizer(authorizer).build())
                .build();
    }

    /** The claims Cognito's ID token gives an officer of {@code unit} (group "officer"), or a supervisor when unit is null. */
    static Map<String, String> officer(String sub, String unit) {
        return unit == null ? Map.of("sub", sub, "cognito:groups", "[supervisor]")
                : Map.of("sub", sub, "custom:unit", unit, "cognito:groups", "[officer]");
    }

    APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }

    /** A POST to {@code path} with the body signed as its platform signs it. */
    static APIGatewayV2HTTPEvent signed(String path, byte[] body) {
        return path.endsWith("zalo") ? zalo(body) : messenger(body);
    }

    static APIGatewayV2HTTPEvent messenger(byte[] body) {
        return HttpApiEvents.post("/webhook/messenger",
                Map.of("x-hub-signature-256", new MessengerSignature(Signed.MESSENGER_APP_SECRET).sign(body)), body);
    }

    /** Signed with the body's own {@code timestamp} (an empty one when it has none), as Zalo does. */
    static APIGatewayV2HTTPEvent zalo(byte[] body) {
        var root = JsonFields.object(body);
        String timestamp = root == null ? null : JsonFields.text(root, "timestamp");
        return HttpApiEvents.post("/webhook/zalo", Map.of("x-zevent-signature",
                new ZaloSignature(Signed.ZALO_APP_ID, Signed.ZALO_OA_SECRET).sign(body, timestamp == null ? "" : timestamp)), body);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (ownsChannels) {
            channels.close();
        }
    }
}
