package vn.citizenqa.functions.aws;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The first HTTPS call's set-up, done during init on a thread of its own: the JDK's TLS context (its providers and the
 * trust store), then for each endpoint the function will call (DynamoDB, SQS) one TLS handshake, host name checked
 * as {@code HttpsURLConnection} checks it, then closed. No HTTP request is sent, so nothing is read or written and no
 * permission is used; what remains is the TLS classes loaded and compiled while the main thread inits, and each
 * endpoint's session in the default context's cache, which the first real call resumes instead of verifying the
 * certificate chain again. A call to an endpoint whose handshake is still under way waits for it ({@link #awaitFor})
 * rather than doing the same work beside it.
 *
 * <p>Under SnapStart it is not done before the snapshot (a TLS session kept in a snapshot would be shared by every
 * container restored from it): {@code Priming.afterRestore} starts it after each restore instead, having first invalidated the
 * sessions the priming's own store call left in the cache (so no two restored containers resume one). A failure (the
 * endpoint unreachable at init) only means the first call does the set-up itself, as without this.
 */
public final class TlsWarmUp {

    private static final System.Logger LOG = vn.citizenqa.core.logging.DeferredLogger.of("citizenqa.tls");
    /** A handshake's connect and read timeout: never more than a call's own connect timeout would wait. */
    private static final int TIMEOUT_MS = 2_000;
    private static final Map<String, CompletableFuture<Void>> UNDER_WAY = new ConcurrentHashMap<>();
    private static volatile List<URI> lastEndpoints = List.of();
    /** Whether an AWS call went over HTTPS in this process (so that the default TLS context holds sessions). */
    private static volatile boolean httpsUsed;

    private TlsWarmUp() {
    }

    /** Whether this init is SnapStart's (the snapshot is taken after it). */
    public static boolean snapStartInit() {
        return "snap-start".equals(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"));
    }

    /**
     * Starts the warm-up of the {@code https} endpoints among {@code endpoints} on a daemon thread, unless this is a
     * SnapStart init (see the class comment) or {@code CITIZENQA_TLS_WARM_UP=false}. Endpoints of another scheme are left out.
     */
    public static void startInInit(Collection<URI> endpoints) {
        lastEndpoints = List.copyOf(endpoints);
        if (!snapStartInit()) {
            start(endpoints);
        }
    }

    /**
     * After a SnapStart restore: the TLS sessions cached before the snapshot (the priming's store call makes one)
     * forgotten, so that no two restored containers resume the same session, then the warm-up of the endpoints init named.
     */
    public static void startAfterRestore() {
        UNDER_WAY.clear();
        if (httpsUsed) {
            // Only then: asking for the default context would otherwise set one up, for nothing.
            try {
                forgetSessions(javax.net.ssl.SSLContext.getDefault().getClientSessionContext());
            } catch (java.security.NoSuchAlgorithmException e) {
                // No default TLS context: no session to forget.
            }
        }
        start(lastEndpoints);
    }

    /** Invalidates every session the context caches (an invalidated session is never resumed); how many there were. */
    static int forgetSessions(javax.net.ssl.SSLSessionContext sessions) {
        int n = 0;
        if (sessions == null) {
            return n;
        }
        for (var ids = sessions.getIds(); ids.hasMoreElements(); ) {
            javax.net.ssl.SSLSession s = sessions.getSession(ids.nextElement());
            if (s != null) {
                s.invalidate();
                n++;
            }
        }
        return n;
    }

    static void start(Collection<URI> endpoints) {
        if ("false".equalsIgnoreCase(String.valueOf(System.getenv("CITIZENQA_TLS_WARM_UP")).strip())) {
            return;
        }
        List<URI> https = new ArrayList<>();
        for (URI u : new LinkedHashSet<>(endpoints)) {
            if (u != null && "https".equalsIgnoreCase(u.getScheme()) && u.getHost() != null) {
                https.add(u);
            }
        }
        if (https.isEmpty()) {
            return;
        }
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (URI u : https) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            UNDER_WAY.put(key(u.getHost(), port(u)), f);
            done.add(f);
        }
        Thread.ofPlatform().name("citizenqa-tls").daemon().start(() -> {
            for (int i = 0; i < https.size(); i++) {
                try {
                    handshake(https.get(i));
                } catch (Exception | LinkageError e) {
                    LOG.log(Level.DEBUG, "TLS warm-up of {0} failed ({1}); its first call sets up TLS itself", https.get(i),
                            e.toString());
                } finally {
                    done.get(i).complete(null);
                }
            }
        });
    }

    /** One handshake with the endpoint through the factory {@code HttpsURLConnection} uses, then closed. */
    static void handshake(URI endpoint) throws java.io.IOException {
        var factory = HttpsURLConnection.getDefaultSSLSocketFactory();
        try (java.net.Socket plain = new java.net.Socket()) {
            plain.connect(new java.net.InetSocketAddress(endpoint.getHost(), port(endpoint)), TIMEOUT_MS);
            plain.setSoTimeout(TIMEOUT_MS);
            try (SSLSocket tls = (SSLSocket) factory.createSocket(plain, endpoint.getHost(), port(endpoint), true)) {
                SSLParameters p = tls.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                tls.setSSLParameters(p);
                tls.startHandshake();
            }
        }
    }

    /**
     * Before a call to {@code url}: waits (at most {@code max}) for that endpoint's warm-up when one is under way; returns
     * at once otherwise.
     */
    public static void awaitFor(URL url, Duration max) {
        if (!"https".equalsIgnoreCase(url.getProtocol())) {
            return;
        }
        httpsUsed = true;
        if (UNDER_WAY.isEmpty()) {
            return;
        }
        CompletableFuture<Void> f = UNDER_WAY.get(key(url.getHost(), url.getPort() == -1 ? url.getDefaultPort() : url.getPort()));
        if (f == null || f.isDone()) {
            return;
        }
        try {
            f.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Timed out: the call goes on by itself.
        }
    }

    private static int port(URI u) {
        return u.getPort() == -1 ? 443 : u.getPort();
    }

    private static String key(String host, int port) {
        return host.toLowerCase(java.util.Locale.ROOT) + ":" + port;
    }
}
