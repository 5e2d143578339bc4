package vn.citizenqa.functions.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.citizenqa.runner.DevTokens;
import vn.citizenqa.runner.ServeCommand;

/** {@code serve} serves the console's page without a token, and only the page: the API still wants one. */
class ConsoleServedTest {

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newHttpClient();
    private ServeCommand.Running server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        if (server == null) {
            Path env = temp.resolve("env.json");
            Files.writeString(env, "{\"Parameters\": {\"" + DevTokens.SECRET_VARIABLE + "\": \"" + "s".repeat(40) + "\"}}");
            server = ServeCommand.start(0, env, new PrintStream(OutputStream.nullOutputStream()));
        }
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePageIsPublicWhileTheApiBesideItStillWantsAToken() throws Exception {
        var page = send("GET", "/console/");
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("script-src 'self'"));
        assertEquals(200, send("GET", "/console/app.js").statusCode());
        assertEquals("{\"signIn\":\"token\"}", send("GET", "/console/config.json").body());

        var folder = send("GET", "/console");
        assertEquals(308, folder.statusCode());
        assertEquals("/console/", folder.headers().firstValue("Location").orElseThrow());

        assertEquals(401, send("GET", "/escalations").statusCode());
        assertEquals(401, send("GET", "/stats?from=2026-11-01&to=2026-11-02").statusCode());
    }

    @Test
    void onlyTheConsolesOwnFilesAreServedAndOnlyToGet() throws Exception {
        assertEquals(404, send("GET", "/console/%2e%2e/openapi/officer-api.yaml").statusCode());
        assertEquals(404, send("GET", "/console/..%2fopenapi%2fofficer-api.yaml").statusCode());
        assertEquals(404, send("GET", "/console/vn/citizenqa/functions/Wiring.class").statusCode());
        assertEquals(405, send("POST", "/console/app.js").statusCode());
    }
}
