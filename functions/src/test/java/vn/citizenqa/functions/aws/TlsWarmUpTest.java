package vn.citizenqa.functions.aws;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The TLS warm-up never holds a call up for long nor fails one: a call to an endpoint it is not warming goes at once,
 * and one whose warm-up cannot reach the endpoint waits only until that attempt has failed. (Its handshakes against
 * an HTTPS server are exercised by the bench's {@code lambda-cold --tls}, whose relays log them.)
 */
class TlsWarmUpTest {

    @Test
    void aCallToAnEndpointNotBeingWarmedGoesAtOnce() throws IOException {
        long start = System.nanoTime();
        TlsWarmUp.awaitFor(URI.create("https://dynamodb.ap-southeast-1.amazonaws.com/").toURL(), Duration.ofSeconds(10));
        TlsWarmUp.awaitFor(URI.create("http://127.0.0.1:1/").toURL(), Duration.ofSeconds(10));
        assertTrue(System.nanoTime() - start < Duration.ofMillis(500).toNanos());
    }

    @Test
    void anUnreachableEndpointsWarmUpEndsInItsFailureAndTheCallThenGoesOn() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        URI endpoint = URI.create("https://127.0.0.1:" + closed);
        TlsWarmUp.start(List.of(endpoint, URI.create("http://127.0.0.1:9")));
        long start = System.nanoTime();
        TlsWarmUp.awaitFor(endpoint.resolve("/").toURL(), Duration.ofSeconds(10));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(3).toNanos(), "waited only for the failed attempt");
    }
}
