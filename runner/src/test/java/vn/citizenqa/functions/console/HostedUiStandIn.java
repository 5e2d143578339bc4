package vn.citizenqa.functions.console;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The Cognito hosted UI's three endpoints on loopback, enough for the console's sign-in: {@code /oauth2/authorize}
 * (the user is taken as signed in at once and sent back with a code), {@code /oauth2/token} (the code and its PKCE
 * verifier for an id token) and {@code /logout}. It checks what Cognito checks: the client id, the redirect URI
 * registered for it, the S256 challenge against the verifier, a code used once.
 */
final class HostedUiStandIn implements AutoCloseable {

    private record Grant(String redirectUri, String challenge) {
    }

    private final HttpServer server;
    private final String clientId;
    private final Supplier<String> idToken;
    private volatile String redirectUri;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final List<String> events = new CopyOnWriteArrayList<>();

    private HostedUiStandIn(HttpServer server, String clientId, Supplier<String> idToken) {
        this.server = server;
        this.clientId = clientId;
        this.idToken = idToken;
    }

    /** Starts on a free loopback port; {@code idToken} is what a successful code exchange hands out. */
    static HostedUiStandIn start(String clientId, Supplier<String> idToken) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        HostedUiStandIn standIn = new HostedUiStandIn(server, clientId, idToken);
        server.createContext("/oauth2/authorize", standIn::authorize);
        server.createContext("/oauth2/token", standIn::token);
        server.createContext("/logout", standIn::logout);
        server.start();
        return standIn;
    }

    /** The app client's one callback and sign-out URL (known once the console's server listens). */
    void register(String callbackUrl) {
        this.redirectUri = callbackUrl;
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What happened, in order: "authorize", "token", "logout" (a refused request is not listed). */
    List<String> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> q = form(exchange.getRequestURI().getRawQuery());
        if (!clientId.equals(q.get("client_id")) || !redirectUri.equals(q.get("redirect_uri"))
                || !"code".equals(q.get("response_type")) || !"S256".equals(q.get("code_challenge_method"))
                || q.get("code_challenge") == null || q.get("state") == null
                || !List.of(q.getOrDefault("scope", "").split(" ")).contains("openid")) {
            reply(exchange, 400, Map.of(), "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(q.get("redirect_uri"), q.get("code_challenge")));
        events.add("authorize");
        reply(exchange, 302, Map.of("Location", q.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8)), "");
    }

    /** The one refresh token this stand-in hands out with a code, and takes back for a new id token. */
    static final String REFRESH_TOKEN = "stand-in-refresh-token";

    private void token(HttpExchange exchange) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        Map<String, String> cors = origin == null ? Map.of() : Map.of("Access-Control-Allow-Origin", origin);
        Map<String, String> f = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if ("POST".equals(exchange.getRequestMethod()) && "refresh_token".equals(f.get("grant_type"))) {
            // Cognito's renewal: the refresh token it gave with the code buys a new id token (no new refresh token).
            if (!clientId.equals(f.get("client_id")) || !REFRESH_TOKEN.equals(f.get("refresh_token"))) {
                reply(exchange, 400, cors, "{\"error\":\"invalid_grant\"}");
                return;
            }
            events.add("refresh");
            reply(exchange, 200, cors, "{\"id_token\":\"" + idToken.get() + "\",\"access_token\":\"not-used\","
                    + "\"token_type\":\"Bearer\",\"expires_in\":3600}");
            return;
        }
        Grant grant = f.get("code") == null ? null : codes.remove(f.get("code"));
        if (!"POST".equals(exchange.getRequestMethod()) || grant == null || !"authorization_code".equals(f.get("grant_type"))
                || !clientId.equals(f.get("client_id")) || !grant.redirectUri().equals(f.get("redirect_uri"))
                || f.get("code_verifier") == null || !grant.challenge().equals(s256(f.get("code_verifier")))) {
            reply(exchange, 400, cors, "{\"error\":\"invalid_grant\"}");
            return;
        }
        events.add("token");
        reply(exchange, 200, cors, "{\"id_token\":\"" + idToken.get() + "\",\"access_token\":\"not-used\","
                + "\"refresh_token\":\"" + REFRESH_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    }

    private void logout(HttpExchange exchange) throws IOException {
        Map<String, String> q = form(exchange.getRequestURI().getRawQuery());
        if (!clientId.equals(q.get("client_id")) || !redirectUri.equals(q.get("logout_uri"))) {
            reply(exchange, 400, Map.of(), "{\"error\":\"invalid_request\"}");
            return;
        }
        events.add("logout");
        reply(exchange, 302, Map.of("Location", q.get("logout_uri")), "");
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void reply(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            if (bytes.length > 0) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
            }
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }
}
