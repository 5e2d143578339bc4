package vn.citizenqa.functions.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ConsoleAssetsTest {

    private final ConsoleAssets local = new ConsoleAssets(ConsoleSettings.developmentTokens());

    @Test
    void theConsoleFolderServesThePageWithItsScriptAndStyleUnderTheirContentTypes() {
        var index = local.serve("GET", "/console/");
        assertEquals(200, index.status());
        assertEquals("text/html; charset=utf-8", index.headers().get("Content-Type"));
        assertTrue(index.body().contains("<script src=\"app.js\""), index.body());
        assertEquals(index.body(), local.serve("GET", "/console/index.html").body());

        var script = local.serve("GET", "/console/app.js");
        assertEquals(200, script.status());
        assertEquals("text/javascript; charset=utf-8", script.headers().get("Content-Type"));
        var style = local.serve("GET", "/console/style.css");
        assertEquals(200, style.status());
        assertEquals("text/css; charset=utf-8", style.headers().get("Content-Type"));
        assertEquals("nosniff", style.headers().get("X-Content-Type-Options"));
    }

    @Test
    void theFolderWithoutItsSlashRedirectsSoThePagesRelativeLinksResolve() {
        var response = local.serve("GET", "/console");
        assertEquals(308, response.status());
        assertEquals("/console/", response.headers().get("Location"));
    }

    @Test
    void nothingOutsideTheConsoleFolderCanBeReached() {
        for (String path : List.of("/console/../openapi/officer-api.yaml", "/console/..%2Fopenapi%2Fofficer-api.yaml",
                "/console/%2e%2e/openapi/officer-api.yaml", "/console/openapi/officer-api.yaml",
                "/console//etc/passwd", "/console/.hidden.js", "/console/App.js", "/console/missing.js",
                "/console/vn/citizenqa/functions/console/ConsoleAssets.class", "/console/index.html/")) {
            var response = local.serve("GET", path);
            assertEquals(404, response.status(), path);
            assertEquals("Not found", response.body(), path);
        }
        assertFalse(ConsoleAssets.serves("/consoles/app.js"));
        assertFalse(ConsoleAssets.serves("/escalations"));
    }

    @Test
    void onlyGetIsServed() {
        assertEquals(405, local.serve("POST", "/console/app.js").status());
        assertEquals(405, local.serve("DELETE", "/console/").status());
    }

    @Test
    void locallyTheConfigurationAsksForADevelopmentToken() throws Exception {
        var response = local.serve("GET", "/console/config.json");
        assertEquals(200, response.status());
        assertEquals("application/json; charset=utf-8", response.headers().get("Content-Type"));
        assertEquals("token", new ObjectMapper().readTree(response.body()).get("signIn").asText());
    }

    @Test
    void deployedTheConfigurationNamesTheHostedUiWhichThePageMayAlsoCall() throws Exception {
        var assets = new ConsoleAssets(ConsoleSettings.from(Map.of(
                ConsoleSettings.DOMAIN_VARIABLE, "https://citizen-qa.auth.ap-southeast-1.amazoncognito.com/",
                ConsoleSettings.CLIENT_ID_VARIABLE, "5example0client")));
        var response = assets.serve("GET", "/console/config.json");
        JsonNode config = new ObjectMapper().readTree(response.body());
        assertEquals("cognito", config.get("signIn").asText());
        assertEquals("https://citizen-qa.auth.ap-southeast-1.amazoncognito.com", config.at("/cognito/domain").asText());
        assertEquals("5example0client", config.at("/cognito/clientId").asText());
        assertEquals("openid email profile", config.at("/cognito/scopes").asText());
        assertTrue(response.headers().get("Content-Security-Policy")
                .contains("connect-src 'self' https://citizen-qa.auth.ap-southeast-1.amazoncognito.com;"));
    }

    @Test
    void halfACognitoConfigurationOrAPlainHttpDomainIsRefusedWithTheVariableNamed() {
        var half = assertThrows(IllegalArgumentException.class,
                () -> ConsoleSettings.from(Map.of(ConsoleSettings.DOMAIN_VARIABLE, "https://x.auth.example.com")));
        assertTrue(half.getMessage().contains(ConsoleSettings.CLIENT_ID_VARIABLE), half.getMessage());
        var http = assertThrows(IllegalArgumentException.class, () -> ConsoleSettings.from(Map.of(
                ConsoleSettings.DOMAIN_VARIABLE, "http://x.auth.example.com", ConsoleSettings.CLIENT_ID_VARIABLE, "c")));
        assertTrue(http.getMessage().contains(ConsoleSettings.DOMAIN_VARIABLE), http.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConsoleSettings.from(Map.of(
                ConsoleSettings.DOMAIN_VARIABLE, "https://x.example.com/path", ConsoleSettings.CLIENT_ID_VARIABLE, "c")));
    }

    @Test
    void theScriptNeverParsesTextAsHtml() {
        String script = local.serve("GET", "/console/app.js").body();
        var parsesHtml = Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|createContextualFragment"
                + "|DOMParser|\\beval\\(|new Function\\(");
        var found = parsesHtml.matcher(script);
        assertFalse(found.find(), () -> "app.js parses HTML or code from text: " + found.group());
    }

    @Test
    void thePageRunsOnlyItsOwnScriptAndCannotBeFramed() {
        String policy = local.serve("GET", "/console/").headers().get("Content-Security-Policy");
        assertTrue(policy.contains("script-src 'self';"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertFalse(policy.contains("unsafe-inline"), policy);
    }
}
