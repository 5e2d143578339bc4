package vn.citizenqa.functions.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * One AWS service spoken in its JSON protocol over the JDK's {@link HttpURLConnection} (no SDK client, no HTTP client
 * library): each call a SigV4-signed {@code POST /} with {@code X-Amz-Target: <prefix>.<Operation>}, retried with
 * exponential backoff and full jitter when the service throttles, fails on its side (5xx) or cannot be reached, within
 * the attempts and the call's time allowed. Connections are kept alive by the JDK between calls.
 */
public final class AwsJsonHttp {

    /** Error codes that mean "slow down" (retried with a longer backoff). */
    static final Set<String> THROTTLING = Set.of("Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
            "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
            "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown",
            "PriorRequestNotComplete", "EC2ThrottledException", "KMSThrottlingException");
    /** Error codes of a failure on the service's side that a retry may not meet. */
    static final Set<String> TRANSIENT = Set.of("RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure",
            "InternalServerError", "ServiceUnavailable", "InternalServiceError", "ServiceUnavailableException");
    private static final long BASE_DELAY_MS = 25;
    private static final long THROTTLED_BASE_DELAY_MS = 250;
    private static final long MAX_DELAY_MS = 2_000;

    /**
     * Where and how: the endpoint ({@code https://dynamodb.<region>.amazonaws.com} or a local server), the signing
     * region and name, the target prefix and the content type of the protocol, and how hard to try.
     */
    public record Service(URI endpoint, String region, String signingName, String targetPrefix, String contentType,
                          int maxAttempts, Duration connectTimeout, Duration readTimeout, Duration callTimeout) {
    }

    /** The service's answer to a call. */
    public sealed interface Answer {
        record Ok(byte[] body) implements Answer {
        }

        /** Refused or failed (after the retries its kind allows): the status, the error code and message, the request id. */
        record Refused(int status, String code, String message, String requestId, int attempts) implements Answer {
            public boolean throttling() {
                return status == 429 || THROTTLING.contains(code);
            }
        }
    }

    /** No attempt got an answer (connection refused, reset, timed out, or the credentials could not be had). */
    public static final class Unreachable extends Exception {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Service service;
    private final RoleCredentials credentials;
    private final Clock clock;
    private final URL url;
    private final String host;

    public AwsJsonHttp(Service service, RoleCredentials credentials) {
        this(service, credentials, Clock.systemUTC());
    }

    AwsJsonHttp(Service service, RoleCredentials credentials, Clock clock) {
        this.service = service;
        this.credentials = credentials;
        this.clock = clock;
        try {
            this.url = service.endpoint().resolve("/").toURL();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an endpoint URL: " + service.endpoint(), e);
        }
        int port = url.getPort();
        this.host = port == -1 || port == url.getDefaultPort() ? url.getHost() : url.getHost() + ":" + port;
    }

    /**
     * A service of the JSON 1.0 protocol ({@code application/x-amz-json-1.0}) whose endpoints and signing name are
     * {@code name}: on AWS ({@code endpoint} null) {@code https://<name>.<region>.amazonaws.com} ({@code .com.cn} in
     * China), else the local server given; signed with the environment's credentials (placeholders for a local server).
     */
    public static AwsJsonHttp json10(String name, String targetPrefix, String region, URI endpoint, int maxAttempts,
                                     Duration connectTimeout, Duration readTimeout, Duration callTimeout) {
        URI at = endpoint(name, region, endpoint);
        return new AwsJsonHttp(new Service(at, region, name, targetPrefix, "application/x-amz-json-1.0", maxAttempts, connectTimeout,
                readTimeout, callTimeout), RoleCredentials.forEndpoint(endpoint));
    }

    /** Where a service of that name is called: {@code endpoint} when given (a local server), else AWS's in the region. */
    public static URI endpoint(String name, String region, URI endpoint) {
        return endpoint != null ? endpoint
                : URI.create("https://" + name + "." + region + (region.startsWith("cn-") ? ".amazonaws.com.cn" : ".amazonaws.com"));
    }

    public Service service() {
        return service;
    }

    /**
     * Calls {@code operation} with {@code body}; {@code extraHeaders} are sent unsigned (such as {@code Connection: close}).
     *
     * @throws Unreachable when no attempt got an answer
     */
    public Answer call(String operation, byte[] body, Map<String, String> extraHeaders) throws Unreachable {
        long deadline = System.nanoTime() + service.callTimeout().toNanos();
        Exception lastFailure = null;
        Answer.Refused lastRefusal = null;
        for (int attempt = 1; attempt <= service.maxAttempts(); attempt++) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            boolean throttled;
            try {
                Answer a = send(operation, body, extraHeaders, attempt, Duration.ofNanos(left));
                if (a instanceof Answer.Refused r && retryable(r)) {
                    lastRefusal = r;
                    lastFailure = null;
                    throttled = r.throttling();
                } else {
                    return a;
                }
            } catch (IOException e) {
                lastFailure = e;
                lastRefusal = null;
                throttled = false;
            }
            if (attempt < service.maxAttempts() && !pause(attempt, throttled, deadline)) {
                break;
            }
        }
        if (lastRefusal != null) {
            return lastRefusal;
        }
        String what = service.signingName() + " " + operation + " at " + service.endpoint();
        throw new Unreachable(lastFailure == null ? what + ": no answer within " + service.callTimeout()
                : what + ": " + lastFailure.getClass().getSimpleName() + ": " + lastFailure.getMessage(), lastFailure);
    }

    static boolean retryable(Answer.Refused r) {
        return r.status() >= 500 || r.throttling() || TRANSIENT.contains(r.code());
    }

    /** Waits before the next attempt (full jitter over an exponential ceiling); false when the call's time is up first. */
    private static boolean pause(int attempt, boolean throttled, long deadline) {
        long ceiling = Math.min(MAX_DELAY_MS, (throttled ? THROTTLED_BASE_DELAY_MS : BASE_DELAY_MS) << Math.min(attempt - 1, 16));
        long delay = ThreadLocalRandom.current().nextLong(ceiling + 1);
        if (System.nanoTime() + delay * 1_000_000 >= deadline) {
            return false;
        }
        try {
            Thread.sleep(delay);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Answer send(String operation, byte[] body, Map<String, String> extraHeaders, int attempt, Duration left) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", host);
        headers.put("content-type", service.contentType());
        headers.put("x-amz-target", service.targetPrefix() + "." + operation);
        SigV4Signer.Signature s = SigV4Signer.sign(credentials.current(), service.region(), service.signingName(), Instant.now(clock),
                "POST", "/", "", headers, body);
        TlsWarmUp.awaitFor(url, service.connectTimeout());
        HttpURLConnection c = (HttpURLConnection) url.openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setUseCaches(false);
        c.setConnectTimeout((int) Math.max(1, Math.min(service.connectTimeout().toMillis(), left.toMillis())));
        c.setReadTimeout((int) Math.max(1, Math.min(service.readTimeout().toMillis(), left.toMillis())));
        c.setFixedLengthStreamingMode(body.length);
        c.setRequestProperty("Content-Type", service.contentType());
        c.setRequestProperty("X-Amz-Target", service.targetPrefix() + "." + operation);
        c.setRequestProperty("X-Amz-Date", s.amzDate());
        if (s.securityToken() != null) {
            c.setRequestProperty("X-Amz-Security-Token", s.securityToken());
        }
        c.setRequestProperty("Authorization", s.authorization());
        c.setRequestProperty("Accept", "application/json");
        extraHeaders.forEach(c::setRequestProperty);
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        }
        int status = c.getResponseCode();
        byte[] answer;
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            answer = in == null ? new byte[0] : in.readAllBytes();
        }
        String requestId = c.getHeaderField("x-amzn-RequestId");
        if (status / 100 == 2) {
            String crc = c.getHeaderField("x-amz-crc32");
            if (crc != null && !crc.isBlank() && Long.parseLong(crc.strip()) != crc32(answer)) {
                // As the SDK does for DynamoDB: a body damaged on the way is a failed attempt, not an answer.
                throw new IOException("the response's CRC32 does not match its x-amz-crc32 header (request " + requestId + ")");
            }
            return new Answer.Ok(answer);
        }
        return refusal(status, answer, requestId, c.getHeaderField("x-amzn-ErrorType"), c.getHeaderField("x-amzn-query-error"), attempt);
    }

    private static long crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    /** The error's code (the part of {@code __type} after '#'; else the error-type header) and message. */
    static Answer.Refused refusal(int status, byte[] body, String requestId, String errorTypeHeader, String queryError, int attempts) {
        String type = null;
        String message = null;
        try (JsonParser p = SdkPojoJson.JSON.createParser(body)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    switch (name) {
                        case "__type", "code" -> type = p.getValueAsString();
                        case "message", "Message", "errorMessage" -> message = p.getValueAsString();
                        default -> p.skipChildren();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not JSON (a proxy's page): the status says enough.
        }
        if (type == null && errorTypeHeader != null) {
            type = errorTypeHeader;
        }
        String code = type == null ? "HTTP" + status : type.substring(type.lastIndexOf('#') + 1);
        int colon = code.indexOf(':');
        code = colon > 0 ? code.substring(0, colon) : code;
        if (queryError != null && queryError.contains(";")) {
            // SQS in its JSON protocol also gives the older query protocol's code (AWS.SimpleQueueService.NonExistentQueue).
            code = code.isEmpty() ? queryError.substring(0, queryError.indexOf(';')) : code;
        }
        return new Answer.Refused(status, code, message == null ? "HTTP " + status : message, requestId, attempts);
    }
}
