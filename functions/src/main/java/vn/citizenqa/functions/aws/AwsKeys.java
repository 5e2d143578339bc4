package vn.citizenqa.functions.aws;

import java.time.Instant;

/**
 * One set of credentials: an access key, its secret, and for a role's temporary keys the session token and when they
 * expire (null when they do not, or when the source does not say).
 */
public record AwsKeys(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiresAt) {

    public AwsKeys {
        if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("an access key id and a secret access key are both needed");
        }
    }

    @Override
    public String toString() {
        // Never the secret or the token in a log or an exception.
        return "AwsKeys[" + accessKeyId + (sessionToken != null ? ", with a session" : "") + (expiresAt != null ? ", until " + expiresAt : "") + "]";
    }
}
