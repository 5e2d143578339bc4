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

    /** A session cache holding sessions (as a priming's TLS call leaves one in the snapshot). */
    private static javax.net.ssl.SSLSessionContext cacheOf(List<javax.net.ssl.SSLSession> sessions) {
        return (javax.net.ssl.SSLSessionContext) java.lang.reflect.Proxy.newProxyInstance(TlsWarmUpTest.class.getClassLoader(),
                new Class<?>[] {javax.net.ssl.SSLSessionContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getIds" -> java.util.Collections.enumeration(java.util.stream.IntStream.range(0, sessions.size())
                            .mapToObj(i -> new byte[] {(byte) i}).toList());
                    case "getSession" -> sessions.get(((byte[]) args[0])[0]);
                    default -> null;
                });
    }

    @Test
    void afterARestoreEverySessionCachedBeforeTheSnapshotIsInvalidated() {
        java.util.Set<Integer> invalidated = new java.util.HashSet<>();
        List<javax.net.ssl.SSLSession> sessions = java.util.stream.IntStream.range(0, 3).mapToObj(i ->
                (javax.net.ssl.SSLSession) java.lang.reflect.Proxy.newProxyInstance(TlsWarmUpTest.class.getClassLoader(),
                        new Class<?>[] {javax.net.ssl.SSLSession.class}, (proxy, method, args) -> {
                            if (method.getName().equals("invalidate")) {
                                invalidated.add(i);
                            }
                            return null;
                        })).toList();
        assertTrue(TlsWarmUp.forgetSessions(cacheOf(sessions)) == 3 && invalidated.equals(java.util.Set.of(0, 1, 2)),
                "every cached session invalidated: " + invalidated);
        assertTrue(TlsWarmUp.forgetSessions(null) == 0);
    }
}
