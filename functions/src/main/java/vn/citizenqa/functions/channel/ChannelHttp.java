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

/**
 * POSTs to a channel API with a timeout, retrying once when the call timed out, could not connect or got a
 * 5xx: a platform's brief hiccup should not cost a redelivery round. Never logs URLs or headers (they
 * carry tokens).
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
     * @throws ReplyFailedException when both attempts failed to get an answer, or the second got a 5xx
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
            } catch (IOException e) {
                lastFailure = e;
                last = null;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new ReplyFailedException(what + ": interrupted", lastFailure);
            }
        }
        if (last != null) {
            throw new ReplyFailedException(what + " answered HTTP " + last.status() + " twice");
        }
        throw new ReplyFailedException(what + " did not answer (" + lastFailure.getClass().getSimpleName() + ")", lastFailure);
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
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
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
