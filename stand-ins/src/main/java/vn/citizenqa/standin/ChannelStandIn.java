package vn.citizenqa.standin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import vn.citizenqa.core.channel.ReplyOption;
import vn.citizenqa.core.model.Channel;

/**
 * A local stand-in for the channel APIs on 127.0.0.1: the Graph API's {@code /me/messages}, Zalo's
 * {@code /v3.0/oa/message/cs} and Zalo OAuth's {@code /v4/oa/access_token}. It answers as the platforms do,
 * records what it received, and can be told to fail, so the webhook can be tried and tested without the
 * internet. Point {@code GRAPH_API_BASE}, {@code ZALO_API_BASE} and {@code ZALO_OAUTH_BASE} at
 * {@link #graphApiBase()}, {@link #zaloApiBase()} and {@link #zaloOAuthBase()}.
 */
public final class ChannelStandIn implements AutoCloseable {

    /**
     * One message a page sent a citizen.
     *
     * @param tag the Messenger message tag (HUMAN_AGENT for an officer's late reply), or null for a normal response
     */
    public record Delivery(Channel channel, String recipientId, String text, List<ReplyOption> options, String accessToken,
                           String tag) {

        public Delivery(Channel channel, String recipientId, String text, List<ReplyOption> options, String accessToken) {
            this(channel, recipientId, text, options, accessToken, null);
        }
    }

    private final HttpServer server;
    private final PrintStream log;
    private final List<Delivery> deliveries = new ArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();
    private final Set<String> expiredZaloTokens = new HashSet<>();
    private final Set<String> refusedPageTokens = new HashSet<>();
    private final Set<String> validRefreshTokens = new HashSet<>();
    private final Map<String, String> refreshUses = new HashMap<>();
    private boolean anyRefreshToken;
    private int failuresLeft;
    private int failureStatus;
    private int stallsLeft;
    private boolean refuseAnonymous;
    private long stallMillis;

    private ChannelStandIn(HttpServer server, PrintStream log) {
        this.server = server;
        this.log = log;
    }

    /** Starts on {@code port} (0: any free one), logging each delivery to {@code log} when not null. */
    public static ChannelStandIn start(int port, PrintStream log) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ChannelStandIn standIn = new ChannelStandIn(server, log);
        server.createContext("/graph/", standIn::graph);
        server.createContext("/zalo/v3.0/oa/message/cs", standIn::zalo);
        server.createContext("/zalo/v2.0/oa/message", standIn::zaloAnonymous);
        server.createContext("/zalo-oauth/v4/oa/access_token", standIn::zaloOAuth);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return standIn;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String graphApiBase() {
        return "http://127.0.0.1:" + port() + "/graph/v23.0";
    }

    public String zaloApiBase() {
        return "http://127.0.0.1:" + port() + "/zalo";
    }

    public String zaloOAuthBase() {
        return "http://127.0.0.1:" + port() + "/zalo-oauth";
    }

    /** Everything delivered so far, in order. */
    public synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Calls to the message endpoints, failed ones included. */
    public int attempts() {
        return attempts.get();
    }

    /** The next {@code times} calls to a message endpoint fail with HTTP {@code status}. */
    public synchronized void failNext(int times, int status) {
        failuresLeft = times;
        failureStatus = status;
    }

    /** The next {@code times} calls to a message endpoint answer only after {@code millis} (to trip a client timeout). */
    public synchronized void stallNext(int times, long millis) {
        stallsLeft = times;
        stallMillis = millis;
    }

    /** The Graph API refuses this page access token (HTTP 400, OAuthException code 190), as for a revoked token. */
    public synchronized void refusePageAccessToken(String accessToken) {
        refusedPageTokens.add(accessToken);
    }

    /** Zalo answers {@code -216} (token expired) to messages sent with this access token. */
    public synchronized void expireZaloAccessToken(String accessToken) {
        expiredZaloTokens.add(accessToken);
    }

    /** Zalo OAuth accepts this refresh token once. */
    public synchronized void acceptZaloRefreshToken(String refreshToken) {
        validRefreshTokens.add(refreshToken);
    }

    /** Zalo OAuth accepts any refresh token not used before (for trying the refresh by hand). */
    public synchronized void acceptAnyZaloRefreshToken() {
        anyRefreshToken = true;
    }

    /** The refresh tokens used, each with the access token it was exchanged for. */
    public synchronized Map<String, String> refreshUses() {
        return Map.copyOf(refreshUses);
    }

    private boolean failNow(HttpExchange ex) throws IOException {
        attempts.incrementAndGet();
        long stall = 0;
        synchronized (this) {
            if (stallsLeft > 0) {
                stallsLeft--;
                stall = stallMillis;
            }
        }
        if (stall > 0) {
            try {
                Thread.sleep(stall);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(ex, 504, "{\"error\":{\"message\":\"stand-in stalled\"}}");
            return true;
        }
        return failOnce(ex);
    }

    private synchronized boolean failOnce(HttpExchange ex) throws IOException {
        if (failuresLeft > 0) {
            failuresLeft--;
            respond(ex, failureStatus, "{\"error\":{\"message\":\"stand-in failure\"}}");
            return true;
        }
        return false;
    }

    private void graph(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRequestMethod().equals("POST") || !ex.getRequestURI().getPath().endsWith("/me/messages")) {
                respond(ex, 404, "{\"error\":{\"message\":\"unknown path\"}}");
                return;
            }
            if (failNow(ex)) {
                return;
            }
            String token = query(ex.getRequestURI().getRawQuery()).get("access_token");
            JsonNode body = object(read(ex.getRequestBody()));
            String recipient = body == null ? null : text(body, "recipient", "id");
            String text = body == null ? null : text(body, "message", "text");
            if (token == null || recipient == null || text == null) {
                respond(ex, 400, "{\"error\":{\"message\":\"(#100) recipient, message.text and access_token are required\",\"code\":100}}");
                return;
            }
            synchronized (this) {
                if (refusedPageTokens.contains(token)) {
                    respond(ex, 400, "{\"error\":{\"message\":\"Error validating access token: The session has been invalidated\","
                            + "\"type\":\"OAuthException\",\"code\":190}}");
                    return;
                }
            }
            List<ReplyOption> options = new ArrayList<>();
            for (JsonNode q : body.path("message").path("quick_replies")) {
                options.add(new ReplyOption(text(q, "title"), text(q, "payload")));
            }
            String type = text(body, "messaging_type");
            String tag = text(body, "tag");
            if ("MESSAGE_TAG".equals(type) != (tag != null)) {
                respond(ex, 400, "{\"error\":{\"message\":\"(#100) a tag goes with messaging_type MESSAGE_TAG\",\"code\":100}}");
                return;
            }
            record(new Delivery(Channel.MESSENGER, recipient, text, options, token, tag));
            respond(ex, 200, "{\"recipient_id\":\"" + recipient + "\",\"message_id\":\"m_standin_" + ids.incrementAndGet() + "\"}");
        }
    }

    private void zalo(HttpExchange ex) throws IOException {
        try (ex) {
            if (failNow(ex)) {
                return;
            }
            String token = ex.getRequestHeaders().getFirst("access_token");
            JsonNode body = object(read(ex.getRequestBody()));
            String recipient = body == null ? null : text(body, "recipient", "user_id");
            String text = body == null ? null : text(body, "message", "text");
            synchronized (this) {
                if (token == null || expiredZaloTokens.contains(token)) {
                    respond(ex, 200, "{\"error\":-216,\"message\":\"Access token is invalid\"}");
                    return;
                }
            }
            if (recipient == null || text == null) {
                respond(ex, 200, "{\"error\":-201,\"message\":\"Parameters are invalid\"}");
                return;
            }
            List<ReplyOption> options = new ArrayList<>();
            for (JsonNode b : body.path("message").path("attachment").path("payload").path("buttons")) {
                options.add(new ReplyOption(text(b, "title"), text(b, "payload")));
            }
            record(new Delivery(Channel.ZALO, recipient, text, options, token));
            respond(ex, 200, "{\"error\":0,\"message\":\"Success\",\"data\":{\"message_id\":\"z_standin_" + ids.incrementAndGet()
                    + "\",\"user_id\":\"" + recipient + "\"}}");
        }
    }

    /** Zalo makes it refuse replies to anonymous users, as it does for an OA not approved for them. */
    public synchronized void refuseAnonymousReplies() {
        refuseAnonymous = true;
    }

    /** The reply to an anonymous user: recorded with the recipient "anonymous:ANONYMOUS_ID:CONVERSATION_ID". */
    private void zaloAnonymous(HttpExchange ex) throws IOException {
        try (ex) {
            String token = ex.getRequestHeaders().getFirst("access_token");
            JsonNode body = object(read(ex.getRequestBody()));
            String anonymous = body == null ? null : text(body, "recipient", "anonymous_id");
            String conversation = body == null ? null : text(body, "recipient", "conversation_id");
            String text = body == null ? null : text(body, "message", "text");
            synchronized (this) {
                if (token == null || expiredZaloTokens.contains(token)) {
                    respond(ex, 200, "{\"error\":-216,\"message\":\"Access token is invalid\"}");
                    return;
                }
                if (refuseAnonymous) {
                    respond(ex, 200, "{\"error\":-230,\"message\":\"User has not interacted with the OA\"}");
                    return;
                }
            }
            if (anonymous == null || conversation == null || text == null) {
                respond(ex, 200, "{\"error\":-201,\"message\":\"Parameters are invalid\"}");
                return;
            }
            record(new Delivery(Channel.ZALO, "anonymous:" + anonymous + ":" + conversation, text, List.of(), token));
            respond(ex, 200, "{\"error\":0,\"message\":\"Success\",\"data\":{\"message_id\":\"z_standin_" + ids.incrementAndGet() + "\"}}");
        }
    }

    private void zaloOAuth(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, String> form = query(new String(read(ex.getRequestBody()), StandardCharsets.UTF_8));
            String used = form.get("refresh_token");
            boolean valid = ex.getRequestHeaders().getFirst("secret_key") != null && "refresh_token".equals(form.get("grant_type"))
                    && form.get("app_id") != null;
            synchronized (this) {
                boolean known = validRefreshTokens.remove(used) || (anyRefreshToken && used != null && !refreshUses.containsKey(used));
                if (!valid || !known) {
                    respond(ex, 200, "{\"error\":-14014,\"error_name\":\"Invalid refresh token\"}");
                    return;
                }
                int n = ids.incrementAndGet();
                String access = "standin-access-" + n;
                String refresh = "standin-refresh-" + n;
                validRefreshTokens.add(refresh);
                refreshUses.put(used, access);
                if (log != null) {
                    log.println("stand-in: zalo OAuth refreshed a token");
                }
                respond(ex, 200, "{\"access_token\":\"" + access + "\",\"refresh_token\":\"" + refresh + "\",\"expires_in\":\"90000\"}");
            }
        }
    }

    private synchronized void record(Delivery d) {
        deliveries.add(d);
        if (log != null) {
            log.println("stand-in: " + d.channel().wireName() + " → " + d.recipientId() + (d.tag() == null ? "" : " [" + d.tag() + "]")
                    + ": " + d.text().replace("\n", "\n    ")
                    + (d.options().isEmpty() ? "" : "\n    [" + String.join("] [", d.options().stream().map(ReplyOption::title).toList()) + "]"));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body as a JSON object, or null when it is not one (the platform would answer 400). */
    private static JsonNode object(byte[] body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The text at a path of fields, or null when absent, empty or not a scalar. */
    private static String text(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            n = n == null ? null : n.get(p);
        }
        return n == null || n.isNull() || n.isContainerNode() || n.asText().isEmpty() ? null : n.asText();
    }

    private static byte[] read(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    private static void respond(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
