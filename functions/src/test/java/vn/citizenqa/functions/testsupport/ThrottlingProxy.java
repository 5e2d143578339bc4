package vn.citizenqa.functions.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP proxy in front of a DynamoDB-compatible server that can make it throttle: while throttling, every request
 * is answered as DynamoDB answers an overloaded table ({@code ProvisionedThroughputExceededException}, HTTP 400);
 * otherwise requests pass through unchanged. Throttling can start after a number of requests, so that a delivery is
 * throttled half-way.
 */
public final class ThrottlingProxy implements AutoCloseable {

    private static final List<String> FORWARDED = List.of("Content-Type", "X-Amz-Target", "X-Amz-Date", "Authorization",
            "X-Amz-Content-Sha256", "amz-sdk-invocation-id", "amz-sdk-request");

    private final HttpServer server;
    private final URI target;
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicInteger passesLeft = new AtomicInteger(Integer.MAX_VALUE);
    private final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    private ThrottlingProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public static ThrottlingProxy to(URI target) {
        try {
            return new ThrottlingProxy(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Lets {@code requests} more through, then throttles every request until {@link #stop()}. */
    public void throttleAfter(int requests) {
        passesLeft.set(requests);
    }

    public void stop() {
        passesLeft.set(Integer.MAX_VALUE);
    }

    /** How many requests arrived so far, throttled or not. */
    public int requests() {
        return requests.get();
    }

    /** How many requests were throttled so far. */
    public int throttled() {
        return throttled.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.incrementAndGet();
            if (passesLeft.getAndUpdate(n -> n == Integer.MAX_VALUE || n <= 0 ? n : n - 1) <= 0) {
                throttled.incrementAndGet();
                respond(exchange, 400, "application/x-amz-json-1.0", ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#"
                        + "ProvisionedThroughputExceededException\",\"message\":\"The level of configured provisioned "
                        + "throughput for the table was exceeded.\"}").getBytes(StandardCharsets.UTF_8));
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().getRawPath()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            for (String h : FORWARDED) {
                String v = exchange.getRequestHeaders().getFirst(h);
                if (v != null) {
                    forward.header(h, v);
                }
            }
            HttpResponse<byte[]> answer;
            try {
                answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            respond(exchange, answer.statusCode(), answer.headers().firstValue("Content-Type").orElse("application/x-amz-json-1.0"),
                    answer.body());
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", "proxy");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
