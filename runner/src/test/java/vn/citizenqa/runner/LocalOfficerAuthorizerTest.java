package vn.citizenqa.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import vn.citizenqa.core.store.MutableClock;
import vn.citizenqa.standin.HttpApiEvents;

class LocalOfficerAuthorizerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T08:00:00Z"));
    private final DevTokens tokens = new DevTokens("0123456789abcdef0123456789abcdef", clock);
    private final AtomicReference<APIGatewayV2HTTPEvent> passed = new AtomicReference<>();

    private APIGatewayV2HTTPResponse call(DevTokens with, Map<String, String> headers) {
        LocalOfficerAuthorizer authorizer = new LocalOfficerAuthorizer(with, (event, context) -> {
            passed.set(event);
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200).build();
        });
        return authorizer.handleRequest(HttpApiEvents.of("GET", "/escalations", null,
                headers.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> List.of(e.getValue()))), null, "127.0.0.1"), null);
    }

    @Test
    void aValidTokensClaimsArePassedOnAsTheAuthorizerWould() {
        String token = tokens.issue("officer-an", "u1", List.of("officer"), Duration.ofHours(1));

        APIGatewayV2HTTPResponse response = call(tokens, Map.of("Authorization", "Bearer " + token));

        assertEquals(200, response.getStatusCode());
        Map<String, String> claims = passed.get().getRequestContext().getAuthorizer().getJwt().getClaims();
        assertEquals("officer-an", claims.get("sub"));
        assertEquals("[officer]", claims.get("cognito:groups"));
    }

    @Test
    void noOrABadTokenIsAnswered401ByTheAuthorizerItself() {
        APIGatewayV2HTTPResponse none = call(tokens, Map.of());
        APIGatewayV2HTTPResponse forged = call(tokens, Map.of("Authorization", "Bearer a.b.c"));

        assertEquals(401, none.getStatusCode());
        assertTrue(none.getBody().contains("\"error\":\"unauthorized\""), none.getBody());
        assertEquals(401, forged.getStatusCode());
        assertNull(passed.get(), "nothing reaches the function");
    }

    @Test
    void withoutASecretTheRoutesSayHowToTurnThemOn() {
        APIGatewayV2HTTPResponse off = call(null, Map.of("Authorization", "Bearer x.y.z"));

        assertEquals(401, off.getStatusCode());
        assertTrue(off.getBody().contains("OFFICER_JWT_SECRET"), off.getBody());
        assertNull(passed.get());
    }
}
