package vn.citizenqa.runner;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import vn.citizenqa.core.store.Store;
import vn.citizenqa.functions.WebhookSettings;
import vn.citizenqa.functions.Wiring;
import vn.citizenqa.functions.console.ConsoleAssets;
import vn.citizenqa.functions.dynamo.DynamoDbSettings;
import vn.citizenqa.functions.http.ApiRoutes;
import vn.citizenqa.standin.HttpApiEvents;

/**
 * {@code serve [--port N] [--env-vars FILE]}: the functions' routes over HTTP on 127.0.0.1, each request turned
 * into the HTTP API event a deployment would pass and handed to the same handler code.
 */
public final class ServeCommand {

    static final String USAGE = "serve [--port N] [--env-vars FILE]";
    public static final int DEFAULT_PORT = 3000;
    /** The most an HTTP API passes to a function (10 MB). */
    static final int API_GATEWAY_MAX_BODY = 10 * 1024 * 1024;

    /** A running server (tests start one on port 0 and close it). */
    public static final class Running implements AutoCloseable {
        private final HttpServer server;
        private final String store;
        private final List<String> channels;

        Running(HttpServer server, String store, List<String> channels) {
            this.server = server;
            this.store = store;
            this.channels = channels;
        }

        public int port() {
            return server.getAddress().getPort();
        }

        /** What serve prints once it listens: where, which store, queue and channels, and the console's address. */
        public String startupLine() {
            String base = "http://127.0.0.1:" + port();
            return "citizen-qa serving on " + base + "; store: " + store
                    + "; queue: none (each message is handled within its webhook call); channels: "
                    + (channels.isEmpty() ? "none configured (webhooks answer 503)" : String.join(", ", channels))
                    + "; officer console: " + base + ConsoleAssets.PREFIX + "/ (Ctrl-C stops)";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        Options options = Options.parse(args, err, USAGE, 0, Set.of("--port", "--env-vars"));
        if (options == null) {
            return 2;
        }
        int port = options.port() == null ? DEFAULT_PORT : options.port();
        Running running;
        try {
            running = start(port, options.envVars(), out);
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println(e.getMessage());
            return 2;
        } catch (java.net.BindException e) {
            err.println("port " + port + " is in use: choose another with --port");
            return 2;
        }
        out.println(running.startupLine());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /** Starts serving every local function, configured from the environment and the {@code --env-vars} file. */
    public static Running start(int port, java.nio.file.Path envVars, PrintStream log) throws IOException {
        Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers = new LinkedHashMap<>();
        Store store = null;
        String storeDescription = null;
        List<String> channels = List.of();
        for (var f : LocalFunctions.ALL) {
            Map<String, String> env = EnvVars.forFunction(envVars, f.name());
            if (store == null) {
                store = Wiring.store(env);
                storeDescription = DynamoDbSettings.fromEnvironment(env)
                        .map(d -> "DynamoDB table " + d.tableName() + " at " + d.location())
                        .orElse("in-process (forgotten on exit; set TABLE_NAME for DynamoDB)");
            }
            if (f.function() == ApiRoutes.Function.WEBHOOK) {
                WebhookSettings settings = WebhookSettings.from(env);
                channels = Stream.of(settings.messengerConfigured() ? "messenger" : null, settings.zaloConfigured() ? "zalo" : null)
                        .filter(Objects::nonNull).toList();
            }
            handlers.put(f.name(), f.factory().build(env, store));
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", exchange -> serve(exchange, handlers, log));
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return new Running(server, storeDescription, channels);
    }

    private static void serve(HttpExchange exchange, Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers,
                              PrintStream log) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            var function = LocalFunctions.serving(path);
            if (function.isEmpty()) {
                write(exchange, 404, Map.of("Content-Type", "application/json"), "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            // As API Gateway does: an HTTP API takes at most 10 MB; the functions then apply their own, smaller limits.
            byte[] body = exchange.getRequestBody().readNBytes(API_GATEWAY_MAX_BODY + 1);
            if (body.length > API_GATEWAY_MAX_BODY) {
                write(exchange, 413, Map.of("Content-Type", "application/json"),
                        "{\"message\":\"Request Entity Too Large\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, new ArrayList<>(v)));
            APIGatewayV2HTTPEvent event = HttpApiEvents.of(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                    headers, body, exchange.getRemoteAddress().getAddress().getHostAddress());
            long started = System.nanoTime();
            APIGatewayV2HTTPResponse response;
            try {
                response = handlers.get(function.get().name()).handleRequest(event, null);
            } catch (RuntimeException e) {
                // As API Gateway does when a function fails: a 500 without the details.
                e.printStackTrace(log);
                write(exchange, 500, Map.of("Content-Type", "application/json"),
                        "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String text = response.getBody() == null ? "" : response.getBody();
            byte[] bytes = response.getIsBase64Encoded() ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
            write(exchange, response.getStatusCode(), response.getHeaders() == null ? Map.of() : response.getHeaders(), bytes);
            log.println(exchange.getRequestMethod() + " " + path + " → " + response.getStatusCode() + " ("
                    + (System.nanoTime() - started) / 1_000_000 + " ms)");
        }
    }

    private static void write(HttpExchange exchange, int status, Map<String, String> headers, byte[] body) throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
