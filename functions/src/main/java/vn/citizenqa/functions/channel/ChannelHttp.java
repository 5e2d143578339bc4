package vn.citizenqa.functions.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import vn.citizenqa.core.channel.ReplyFailedException;

/**
 * POSTs to a channel API with a timeout, retrying once when the call timed out, could not connect or got a
 * 5xx: a platform's brief hiccup should not cost a redelivery round. Never logs URLs or headers (they
 * carry tokens).
 */
public final class ChannelHttp {

    /** A platform's answer: the status and the body text. */
    public record Response(int status, String body) {
        public boolean serverError() {
            return status >= 500;
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    public ChannelHttp(Duration connectTimeout, Duration timeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
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
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        HttpRequest request = b.build();
        IOException lastFailure = null;
        Response last = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                last = new Response(r.statusCode(), r.body());
                if (!last.serverError()) {
                    return last;
                }
            } catch (IOException e) {
                lastFailure = e;
                last = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReplyFailedException(what + ": interrupted", e);
            }
        }
        if (last != null) {
            throw new ReplyFailedException(what + " answered HTTP " + last.status() + " twice");
        }
        throw new ReplyFailedException(what + " did not answer (" + lastFailure.getClass().getSimpleName() + ")", lastFailure);
    }
}
