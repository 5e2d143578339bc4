package vn.citizenqa.functions.aws;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The function's credentials as Lambda gives them, looked up at each call (never fixed at init, which would put them in
 * a SnapStart snapshot): the execution role's keys in the environment ({@code AWS_ACCESS_KEY_ID},
 * {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}) or the {@code aws.accessKeyId} system properties; else the
 * container endpoint a SnapStart function gets instead ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} with
 * {@code AWS_CONTAINER_AUTHORIZATION_TOKEN} or {@code …_TOKEN_FILE}; or ECS's {@code …_RELATIVE_URI}), whose keys are
 * kept until five minutes before they expire. No profile file, web identity or instance metadata: Lambda uses none.
 * A local endpoint (dynalite, ElasticMQ, LocalStack) with no keys in the environment is signed with placeholders.
 */
public final class RoleCredentials {

    /** Container keys are fetched again this long before they expire. */
    static final Duration REFRESH_BEFORE = Duration.ofMinutes(5);
    private static final AwsKeys PLACEHOLDER = new AwsKeys("local", "local", null, null);

    private final Map<String, String> env;
    private final boolean placeholderWhenNone;
    private final Clock clock;
    /** The container endpoint's keys by endpoint, shared by every client of the process (one role per function). */
    private static final Map<URI, AwsKeys> FROM_CONTAINER = new java.util.concurrent.ConcurrentHashMap<>();

    RoleCredentials(Map<String, String> env, boolean placeholderWhenNone, Clock clock) {
        this.env = env;
        this.placeholderWhenNone = placeholderWhenNone;
        this.clock = clock;
    }

    /** This process's credentials; {@code endpoint} non-null for a local server, which placeholder keys may sign for. */
    public static RoleCredentials forEndpoint(URI endpoint) {
        return new RoleCredentials(System.getenv(), endpoint != null, Clock.systemUTC());
    }

    /**
     * @throws IOException when no source has keys or the container endpoint cannot give them (the caller's "unreachable")
     */
    public AwsKeys current() throws IOException {
        String id = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (present(id) && present(secret)) {
            return new AwsKeys(id.strip(), secret.strip(), blankToNull(env.get("AWS_SESSION_TOKEN")), null);
        }
        String propertyId = System.getProperty("aws.accessKeyId");
        String propertySecret = System.getProperty("aws.secretAccessKey", System.getProperty("aws.secretKey"));
        if (present(propertyId) && present(propertySecret)) {
            return new AwsKeys(propertyId.strip(), propertySecret.strip(), blankToNull(System.getProperty("aws.sessionToken")), null);
        }
        URI container = containerUri();
        if (container != null) {
            return containerKeys(container);
        }
        if (placeholderWhenNone) {
            return PLACEHOLDER;
        }
        throw new IOException("no AWS credentials: neither AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY nor "
                + "AWS_CONTAINER_CREDENTIALS_FULL_URI is set (Lambda sets one of them)");
    }

    /** Drops the container keys kept (after a SnapStart restore: the next call fetches the restored sandbox's own). */
    public static void forgetContainerKeys() {
        FROM_CONTAINER.clear();
    }

    private URI containerUri() {
        String full = blankToNull(env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI"));
        if (full != null) {
            return URI.create(full);
        }
        String relative = blankToNull(env.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"));
        return relative == null ? null : URI.create("http://169.254.170.2" + relative);
    }

    private synchronized AwsKeys containerKeys(URI uri) throws IOException {
        Instant now = clock.instant();
        AwsKeys fromContainer = FROM_CONTAINER.get(uri);
        if (fromContainer != null && (fromContainer.expiresAt() == null || now.isBefore(fromContainer.expiresAt().minus(REFRESH_BEFORE)))) {
            return fromContainer;
        }
        IOException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                AwsKeys fetched = fetch(uri);
                FROM_CONTAINER.put(uri, fetched);
                return fetched;
            } catch (IOException e) {
                last = e;
                sleep(50L * attempt);
            }
        }
        if (fromContainer != null && fromContainer.expiresAt() != null && now.isBefore(fromContainer.expiresAt())) {
            // Still valid for a few minutes: better than failing the call.
            return fromContainer;
        }
        throw new IOException("the container credentials endpoint did not answer: " + last.getMessage(), last);
    }

    private AwsKeys fetch(URI uri) throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setConnectTimeout(1000);
        c.setReadTimeout(2000);
        String token = authorizationToken();
        if (token != null) {
            c.setRequestProperty("Authorization", token);
        }
        c.setRequestProperty("Accept", "application/json");
        int status = c.getResponseCode();
        InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream();
        byte[] body = in == null ? new byte[0] : in.readAllBytes();
        if (in != null) {
            in.close();
        }
        if (status != 200) {
            throw new IOException("the container credentials endpoint answered " + status);
        }
        String id = null;
        String secret = null;
        String session = null;
        Instant expires = null;
        try (JsonParser p = SdkPojoJson.JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the container credentials endpoint answered no JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "AccessKeyId" -> id = p.getValueAsString();
                    case "SecretAccessKey" -> secret = p.getValueAsString();
                    case "Token" -> session = p.getValueAsString();
                    case "Expiration" -> expires = Instant.parse(p.getValueAsString());
                    default -> p.skipChildren();
                }
            }
        } catch (RuntimeException e) {
            throw new IOException("the container credentials endpoint's answer cannot be read: " + e.getMessage(), e);
        }
        if (!present(id) || !present(secret)) {
            throw new IOException("the container credentials endpoint's answer has no keys");
        }
        return new AwsKeys(id, secret, session, expires);
    }

    private String authorizationToken() throws IOException {
        String file = blankToNull(env.get("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"));
        if (file != null) {
            return Files.readString(Path.of(file)).strip();
        }
        return blankToNull(env.get("AWS_CONTAINER_AUTHORIZATION_TOKEN"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
