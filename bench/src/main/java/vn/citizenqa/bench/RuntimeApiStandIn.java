package vn.citizenqa.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The Lambda Runtime API (version 2018-06-01) as one execution environment sees it, on loopback: a runtime asks
 * {@code GET /2018-06-01/runtime/invocation/next} for its next event (the answer waits until one is offered) and
 * answers it with {@code POST …/invocation/{id}/response} or {@code …/invocation/{id}/error}; a runtime whose init
 * failed says so with {@code POST …/init/error}. Under SnapStart the runtime, once init and its {@code beforeCheckpoint}
 * hooks are done, asks {@code GET …/restore/next} (answered at once: the snapshot point) and reports a failed
 * {@code afterRestore} with {@code POST …/restore/error}. Written from AWS's description of the interface; every call is
 * timed with {@link System#nanoTime()} so that a benchmark can tell init from the first response.
 */
final class RuntimeApiStandIn implements AutoCloseable {

    static final String PREFIX = "/2018-06-01/runtime/";

    /** One invocation as Lambda hands it over: the event and the headers of {@code invocation/next}. */
    record Invocation(String requestId, byte[] event, long deadlineEpochMillis, String functionArn, String traceId) {
    }

    /** How an invocation ended: its response or its error, and when it arrived. */
    record Outcome(String requestId, boolean error, String errorType, String body, long atNanos) {
    }

    private final HttpServer server;
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Outcome>> outcomes = new ConcurrentHashMap<>();
    private final CompletableFuture<Outcome> initError = new CompletableFuture<>();
    private final CompletableFuture<Long> firstNext = new CompletableFuture<>();
    private final CompletableFuture<Long> restoreNext = new CompletableFuture<>();
    private final CompletableFuture<Outcome> restoreError = new CompletableFuture<>();

    private RuntimeApiStandIn(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free loopback port. */
    static RuntimeApiStandIn start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        RuntimeApiStandIn api = new RuntimeApiStandIn(server);
        server.createContext(PREFIX, api::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return api;
    }

    /** What {@code AWS_LAMBDA_RUNTIME_API} holds for this server: host and port. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues an event for the runtime's next {@code invocation/next}. */
    void offer(Invocation invocation) {
        outcomes.computeIfAbsent(invocation.requestId(), id -> new CompletableFuture<>());
        pending.add(invocation);
    }

    /** The response or error for {@code requestId}; an init error ends the wait as well. */
    Outcome await(String requestId, Duration timeout) throws InterruptedException, TimeoutException {
        CompletableFuture<Outcome> outcome = outcomes.computeIfAbsent(requestId, id -> new CompletableFuture<>());
        try {
            return (Outcome) CompletableFuture.anyOf(outcome, initError, restoreError).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** When the runtime first asked for an event (its init done), or null if it has not. */
    Long firstNextAtNanos() {
        return firstNext.getNow(null);
    }

    /** When the runtime asked {@code restore/next} (SnapStart: init and the checkpoint hooks done), or null. */
    Long restoreNextAtNanos() {
        return restoreNext.getNow(null);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String method = exchange.getRequestMethod();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            long now = System.nanoTime();
            if (method.equals("GET") && path.equals("invocation/next")) {
                firstNext.complete(now);
                next(exchange);
            } else if (method.equals("GET") && path.equals("restore/next")) {
                restoreNext.complete(now);
                reply(exchange, 200, "{}");
            } else if (method.equals("POST") && path.equals("init/error")) {
                initError.complete(new Outcome(null, true, exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"),
                        new String(body, StandardCharsets.UTF_8), now));
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("POST") && path.equals("restore/error")) {
                restoreError.complete(new Outcome(null, true, exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"),
                        new String(body, StandardCharsets.UTF_8), now));
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("POST") && path.startsWith("invocation/") && (path.endsWith("/response") || path.endsWith("/error"))) {
                String id = path.substring("invocation/".length(), path.lastIndexOf('/'));
                CompletableFuture<Outcome> outcome = outcomes.get(id);
                if (outcome == null || outcome.isDone()) {
                    // The documented answer to a request id that is not in flight.
                    reply(exchange, 400, "{\"errorMessage\":\"no invocation " + id + " is in flight\",\"errorType\":\"InvalidRequestID\"}");
                    return;
                }
                boolean error = path.endsWith("/error");
                outcome.complete(new Outcome(id, error, error ? exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type") : null,
                        new String(body, StandardCharsets.UTF_8), now));
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                reply(exchange, 404, "{\"errorMessage\":\"no such resource: " + method + " " + PREFIX + path + "\",\"errorType\":\"NotFound\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void next(HttpExchange exchange) throws IOException, InterruptedException {
        // No timeout: a runtime waits on this call for as long as no event comes.
        Invocation i = pending.take();
        var h = exchange.getResponseHeaders();
        h.set("Content-Type", "application/json");
        h.set("Lambda-Runtime-Aws-Request-Id", i.requestId());
        h.set("Lambda-Runtime-Deadline-Ms", Long.toString(i.deadlineEpochMillis()));
        h.set("Lambda-Runtime-Invoked-Function-Arn", i.functionArn());
        h.set("Lambda-Runtime-Trace-Id", i.traceId());
        exchange.sendResponseHeaders(200, i.event().length);
        exchange.getResponseBody().write(i.event());
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
