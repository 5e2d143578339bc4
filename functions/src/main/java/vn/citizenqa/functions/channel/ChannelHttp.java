package vn.citizenqa.functions.channel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import vn.citizenqa.core.channel.ReplyFailedException;
import vn.citizenqa.core.channel.ReplyUncertainException;

/**
 * POSTs to a channel API with a timeout, retrying once only what provably did not reach the platform: a connection
 * that could not be made (refused, DNS, connect timeout), a body that could not be written, or a 5xx carrying the
 * platform's own error object (the platform answered that it did not take the message). A request sent in full
 * whose answer never came (read timeout, connection reset, a gateway's 5xx without the platform's error) may have
 * been delivered: that is a {@link ReplyUncertainException}, never retried here, so a slow platform does not make a
 * citizen get the same reply twice. Never logs URLs or headers (they carry tokens).
 * <p>
 * It uses the JDK's {@link HttpURLConnection} (keep-alive connections reused) rather than
 * {@code java.net.http.HttpClient}: building that client sets up TLS and a selector thread, about half a second
 * of a cold start, before the first reply is sent.
 */
public final class ChannelHttp {

    /** A platform's answer: the status and the body text. */
    public record Response(int status, String body) {
        public boolean serverError() {
            return status >= 500;
        }
    }

    static {
        // HttpURLConnection otherwise sends a POST again by itself when a kept-alive connection fails before the
        // answer, which is exactly a double reply. Set before any connection class is loaded (Wiring does too).
        noSilentPostRetry();
    }

    /** Turns off the JDK's own resending of a POST whose answer did not come (read once, when HTTP classes load). */
    public static void noSilentPostRetry() {
        if (System.getProperty("sun.net.http.retryPost") == null) {
            System.setProperty("sun.net.http.retryPost", "false");
        }
    }

    /** The request did not reach the platform: safe to send again. */
    private static final class NotReached extends IOException {
        private static final long serialVersionUID = 1L;

        NotReached(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final int connectTimeoutMillis;
    private final int timeoutMillis;

    public ChannelHttp(Duration connectTimeout, Duration timeout) {
        this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
    }

    /** {@code base} (a configured API base URL, with or without a final slash) followed by {@code path}. */
    public static URI endpoint(String base, String path) {
        String b = base.strip();
        return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path);
    }

    /**
     * @param what names the call in errors, e.g. "Messenger Send API" (never the URL: it may hold a token)
     * @throws ReplyUncertainException when the request went out but its answer did not come back
     * @throws ReplyFailedException    when both attempts provably failed to reach the platform, or it refused twice
     */
    public Response post(String what, URI uri, Map<String, String> headers, String contentType, String body)
            throws ReplyFailedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        IOException lastFailure = null;
        Response last = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                last = send(uri, headers, contentType, bytes);
                if (!last.serverError()) {
                    return last;
                }
                if (!platformError(last)) {
                    throw new ReplyUncertainException(what + " answered HTTP " + last.status()
                            + " without the platform's error: it may have taken the message", null);
                }
            } catch (NotReached e) {
                lastFailure = e;
                last = null;
            } catch (IOException e) {
                throw new ReplyUncertainException(what + " took the request but gave no answer (" + e.getClass().getSimpleName()
                        + "): it may have delivered it", e);
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new ReplyFailedException(what + ": interrupted", lastFailure);
            }
        }
        if (last != null) {
            throw new ReplyFailedException(what + " answered HTTP " + last.status() + " twice");
        }
        throw new ReplyFailedException(what + " could not be reached (" + lastFailure.getCause().getClass().getSimpleName() + ")",
                lastFailure);
    }

    /** A 5xx whose body is the platform's own JSON error object: it answered, and did not take the message. */
    private static boolean platformError(Response r) {
        var json = JsonFields.object(r.body().getBytes(StandardCharsets.UTF_8));
        return json != null && json.hasNonNull("error");
    }

    private Response send(URI uri, Map<String, String> headers, String contentType, byte[] body) throws IOException {
        HttpURLConnection c;
        try {
            c = (HttpURLConnection) uri.toURL().openConnection();
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IOException("not an HTTP URL", e);
        }
        c.setConnectTimeout(connectTimeoutMillis);
        c.setReadTimeout(timeoutMillis);
        c.setInstanceFollowRedirects(false);
        c.setUseCaches(false);
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setFixedLengthStreamingMode(body.length);
        c.setRequestProperty("Content-Type", contentType);
        headers.forEach(c::setRequestProperty);
        try {
            // Until the whole body is written the platform cannot have acted on it (a cut JSON body is refused).
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            } catch (IOException e) {
                throw new NotReached(e);
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            String text;
            if (in == null) {
                text = "";
            } else {
                // Read to the end and close: that is what returns the connection to the keep-alive cache.
                try (in) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return new Response(status, text);
        } catch (IOException e) {
            c.disconnect();
            throw e;
        }
    }
}
