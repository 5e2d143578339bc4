package vn.citizenqa.functions.dynamo;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import vn.citizenqa.core.store.StoreSettings;

/**
 * Where the table is and how hard to try reaching it.
 *
 * @param endpoint    null for AWS itself; a URL for DynamoDB Local, LocalStack or dynalite
 * @param maxAttempts attempts per call, the first included; throttling and transient failures are retried with
 *                    exponential backoff and jitter between them
 */
public record DynamoDbSettings(String tableName, URI endpoint, String region, int maxAttempts,
                               Duration connectTimeout, Duration callTimeout, StoreSettings store) {

    public static final String DEFAULT_REGION = "ap-southeast-1";

    /**
     * From the environment: {@code TABLE_NAME} (required), {@code DYNAMODB_ENDPOINT}, {@code AWS_REGION}
     * (else {@code AWS_DEFAULT_REGION}, else ap-southeast-1), {@code CONVERSATION_RETENTION_DAYS} (default 180),
     * {@code CLAIM_LEASE_SECONDS} (default 60: how long a worker holds a message before another may take it over;
     * template.yaml leaves it, and its queue's visibility timeout is longer).
     *
     * @return empty when {@code TABLE_NAME} is not set
     * @throws IllegalArgumentException naming the variable whose value is wrong
     */
    public static Optional<DynamoDbSettings> fromEnvironment(Map<String, String> env) {
        String table = blankToNull(env.get("TABLE_NAME"));
        if (table == null) {
            return Optional.empty();
        }
        URI endpoint = null;
        String endpointText = blankToNull(env.get("DYNAMODB_ENDPOINT"));
        if (endpointText != null) {
            try {
                endpoint = URI.create(endpointText);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("DYNAMODB_ENDPOINT is not a URL: " + endpointText, e);
            }
            if (endpoint.getScheme() == null || endpoint.getHost() == null) {
                throw new IllegalArgumentException("DYNAMODB_ENDPOINT must look like http://127.0.0.1:8000, not: "
                        + endpointText);
            }
        }
        String region = Optional.ofNullable(blankToNull(env.get("AWS_REGION")))
                .or(() -> Optional.ofNullable(blankToNull(env.get("AWS_DEFAULT_REGION"))))
                .orElse(DEFAULT_REGION);
        StoreSettings store = StoreSettings.defaults();
        String days = blankToNull(env.get("CONVERSATION_RETENTION_DAYS"));
        if (days != null) {
            try {
                store = store.withConversationRetention(Duration.ofDays(Long.parseLong(days.trim())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("CONVERSATION_RETENTION_DAYS must be a positive number of days, not: "
                        + days, e);
            }
        }
        String lease = blankToNull(env.get("CLAIM_LEASE_SECONDS"));
        if (lease != null) {
            try {
                store = store.withClaimLease(Duration.ofSeconds(Long.parseLong(lease.trim())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("CLAIM_LEASE_SECONDS must be a positive number of seconds, not: " + lease, e);
            }
        }
        return Optional.of(new DynamoDbSettings(table, endpoint, region, 4, Duration.ofSeconds(2),
                Duration.ofSeconds(8), store));
    }

    /** Where the table is, for messages: the local endpoint, or "AWS" and the region. */
    public String location() {
        return endpoint != null ? endpoint.toString() : "AWS " + region;
    }

    public DynamoDbSettings withAttempts(int attempts, Duration connect, Duration call) {
        return new DynamoDbSettings(tableName, endpoint, region, attempts, connect, call, store);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
