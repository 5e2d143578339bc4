package vn.citizenqa.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The Runtime API stand-in speaks the 2018-06-01 interface as a runtime client expects it. */
class RuntimeApiStandInTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void handsOverAnEventWithItsHeadersAndTakesItsResponse() throws Exception {
        try (RuntimeApiStandIn api = RuntimeApiStandIn.start()) {
            assertNull(api.firstNextAtNanos(), "nothing asked yet");
            api.offer(new RuntimeApiStandIn.Invocation("req-1", "{\"x\":1}".getBytes(StandardCharsets.UTF_8), 1_800_000_000_000L,
                    "arn:aws:lambda:ap-southeast-1:123456789012:function:f", "Root=1-abc;Sampled=0"));
            HttpResponse<String> next = HTTP.send(get(api, "invocation/next"), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, next.statusCode());
            assertEquals("{\"x\":1}", next.body());
            assertEquals("req-1", next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow());
            assertEquals("1800000000000", next.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow());
            assertEquals("arn:aws:lambda:ap-southeast-1:123456789012:function:f",
                    next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn").orElseThrow());
            assertEquals("Root=1-abc;Sampled=0", next.headers().firstValue("Lambda-Runtime-Trace-Id").orElseThrow());
            assertNotNull(api.firstNextAtNanos(), "the first invocation/next is timed");

            assertEquals(202, HTTP.send(post(api, "invocation/req-1/response", "{\"statusCode\":200}"),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            RuntimeApiStandIn.Outcome outcome = api.await("req-1", Duration.ofSeconds(5));
            assertEquals("req-1", outcome.requestId());
            assertFalse(outcome.error());
            assertEquals("{\"statusCode\":200}", outcome.body());

            assertEquals(400, HTTP.send(post(api, "invocation/req-1/response", "{}"), HttpResponse.BodyHandlers.ofString()).statusCode(),
                    "a second answer to the same invocation is refused");
            assertEquals(400, HTTP.send(post(api, "invocation/nobody/response", "{}"), HttpResponse.BodyHandlers.ofString()).statusCode(),
                    "an id that is not in flight is refused");
            assertEquals(404, HTTP.send(get(api, "invocation/elsewhere"), HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    @Test
    void takesAnInvocationErrorAndAnInitError() throws Exception {
        try (RuntimeApiStandIn api = RuntimeApiStandIn.start()) {
            api.offer(new RuntimeApiStandIn.Invocation("req-2", "{}".getBytes(StandardCharsets.UTF_8), 0, "arn", "Root=1"));
            HTTP.send(get(api, "invocation/next"), HttpResponse.BodyHandlers.discarding());
            HttpRequest error = HttpRequest.newBuilder(uri(api, "invocation/req-2/error"))
                    .header("Lambda-Runtime-Function-Error-Type", "Runtime.UserFault")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}"))
                    .build();
            assertEquals(202, HTTP.send(error, HttpResponse.BodyHandlers.discarding()).statusCode());
            RuntimeApiStandIn.Outcome failed = api.await("req-2", Duration.ofSeconds(5));
            assertTrue(failed.error());
            assertEquals("Runtime.UserFault", failed.errorType());
            assertTrue(failed.body().contains("boom"));
        }
        try (RuntimeApiStandIn api = RuntimeApiStandIn.start()) {
            assertEquals(202, HTTP.send(post(api, "init/error", "{\"errorMessage\":\"no handler\",\"errorType\":\"Runtime.ClassNotFound\"}"),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            RuntimeApiStandIn.Outcome initFailed = api.await("never-offered", Duration.ofSeconds(5));
            assertNull(initFailed.requestId(), "an init error ends the wait for any invocation");
            assertTrue(initFailed.body().contains("no handler"));
        }
    }

    @Test
    void answersRestoreNextAtOnceAndTimesIt() throws Exception {
        try (RuntimeApiStandIn api = RuntimeApiStandIn.start()) {
            assertNull(api.restoreNextAtNanos());
            assertEquals(200, HTTP.send(get(api, "restore/next"), HttpResponse.BodyHandlers.discarding()).statusCode());
            assertNotNull(api.restoreNextAtNanos());
        }
    }

    private static URI uri(RuntimeApiStandIn api, String path) {
        return URI.create("http://" + api.address() + RuntimeApiStandIn.PREFIX + path);
    }

    private static HttpRequest get(RuntimeApiStandIn api, String path) {
        return HttpRequest.newBuilder(uri(api, path)).timeout(Duration.ofSeconds(5)).GET().build();
    }

    private static HttpRequest post(RuntimeApiStandIn api, String path, String body) {
        return HttpRequest.newBuilder(uri(api, path)).timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
