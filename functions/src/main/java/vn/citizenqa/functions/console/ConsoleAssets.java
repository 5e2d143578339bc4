package vn.citizenqa.functions.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The officer console's static files (packaged under {@code /console/}), served at {@code /console/} by the officer
 * API function without a token: the page holds no data of its own, it signs the officer in and calls the API
 * with the officer's token. Only plain file names of the console folder are served (no path, no dot file), so
 * nothing else on the classpath can be reached; {@code config.json} is written from {@link ConsoleSettings}.
 */
public final class ConsoleAssets {

    public static final String PREFIX = "/console";
    private static final String RESOURCE_FOLDER = "/console/";
    private static final String CONFIG = "config.json";
    private static final Pattern FILE = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(html|js|css|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml; charset=utf-8",
            "json", "application/json; charset=utf-8");

    /** A response to hand back as the function's (text) body. */
    public record Response(int status, Map<String, String> headers, String body) {
    }

    private final String configJson;
    private final Map<String, String> securityHeaders;
    private final Map<String, String> files = new ConcurrentHashMap<>();

    public ConsoleAssets(ConsoleSettings settings) {
        Objects.requireNonNull(settings, "settings");
        this.configJson = configJson(settings);
        this.securityHeaders = securityHeaders(settings);
    }

    /** Whether a request path is the console's (everything else is the API's). */
    public static boolean serves(String path) {
        return path != null && (path.equals(PREFIX) || path.startsWith(PREFIX + "/"));
    }

    public Response serve(String method, String path) {
        if (!serves(path)) {
            return text(404, "Not found");
        }
        if (!"GET".equalsIgnoreCase(method)) {
            return text(405, "The console is read with GET");
        }
        if (path.equals(PREFIX)) {
            // Relative links in index.html need the trailing slash.
            return new Response(308, Map.of("Location", PREFIX + "/", "Cache-Control", "no-cache"), "");
        }
        String name = path.substring(PREFIX.length() + 1);
        if (name.isEmpty()) {
            name = "index.html";
        }
        if (name.equals(CONFIG)) {
            return file(CONFIG, configJson);
        }
        if (!FILE.matcher(name).matches()) {
            return text(404, "Not found");
        }
        String body = files.get(name);
        if (body == null) {
            // Only files that exist are kept: any number of made-up names must not fill the memory.
            body = read(name);
            if (body == null) {
                return text(404, "Not found");
            }
            files.put(name, body);
        }
        return file(name, body);
    }

    private Response file(String name, String body) {
        Map<String, String> headers = new LinkedHashMap<>(securityHeaders);
        headers.put("Content-Type", TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
        // Small files, changed by each deploy: always revalidated, never stale after a deploy.
        headers.put("Cache-Control", "no-cache");
        return new Response(200, headers, body);
    }

    private Response text(int status, String message) {
        Map<String, String> headers = new LinkedHashMap<>(securityHeaders);
        headers.put("Content-Type", "text/plain; charset=utf-8");
        headers.put("Cache-Control", "no-cache");
        return new Response(status, headers, message);
    }

    /** The packaged file's text, or null when there is none. */
    private static String read(String name) {
        try (InputStream in = ConsoleAssets.class.getResourceAsStream(RESOURCE_FOLDER + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console's " + name, e);
        }
    }

    private static String configJson(ConsoleSettings settings) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode config = json.createObjectNode();
        settings.cognito().ifPresentOrElse(c -> {
            config.put("signIn", "cognito");
            config.putObject("cognito").put("domain", c.domain()).put("clientId", c.clientId()).put("scopes", c.scopes());
        }, () -> config.put("signIn", "token"));
        try {
            return json.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    /**
     * The page runs only its own script and style, talks only to its own origin (and the hosted UI's token
     * endpoint), and cannot be framed: a citizen's text that got past the rendering could still run nothing.
     */
    private static Map<String, String> securityHeaders(ConsoleSettings settings) {
        String connect = "'self'" + settings.cognito().map(c -> " " + c.domain()).orElse("");
        return Map.of(
                "Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                        + "connect-src " + connect + "; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
                "X-Content-Type-Options", "nosniff",
                "Referrer-Policy", "no-referrer",
                "X-Frame-Options", "DENY");
    }
}
