package vn.citizenqa.functions.local;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.citizenqa.functions.officer.OfficerClaims;

/**
 * Officer tokens for LOCAL DEVELOPMENT ONLY: HS256 JWTs signed with a shared secret ({@code OFFICER_JWT_SECRET}),
 * issued by {@code citizen-qa.jar token} and checked by {@code serve}, standing in for the Cognito user pool and
 * API Gateway's JWT authorizer. A verified token's claims are passed on as API Gateway passes them: every value a
 * string, an array as {@code "[a b]"}. In AWS the authorizer checks Cognito's tokens and this class is not used.
 */
public final class DevTokens {

    public static final String SECRET_VARIABLE = "OFFICER_JWT_SECRET";
    /** HS256 wants a key at least as long as its hash. */
    public static final int MIN_SECRET_LENGTH = 32;
    public static final String ISSUER = "citizen-qa-local";
    /** Tolerated difference between clocks when checking expiry. */
    static final Duration LEEWAY = Duration.ofSeconds(30);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;
    private final Clock clock;

    public DevTokens(String secret, Clock clock) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(SECRET_VARIABLE + " must be set to at least " + MIN_SECRET_LENGTH
                    + " characters (e.g. the output of: openssl rand -hex 32)");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A token for {@code sub} in {@code groups}, of {@code unit} (null for a supervisor without one). */
    public String issue(String sub, String unit, List<String> groups, Duration validFor) {
        long now = clock.instant().getEpochSecond();
        ObjectNode payload = JSON.createObjectNode()
                .put("iss", ISSUER)
                .put("sub", sub)
                .put("token_use", "access")
                .put("iat", now)
                .put("exp", now + validFor.toSeconds());
        if (unit != null) {
            payload.put(OfficerClaims.UNIT, unit);
        }
        ArrayNode g = payload.putArray(OfficerClaims.GROUPS);
        groups.forEach(g::add);
        String signingInput = part(JSON.createObjectNode().put("alg", "HS256").put("typ", "JWT")) + "." + part(payload);
        return signingInput + "." + B64.encodeToString(hmac(signingInput));
    }

    /** What checking a request's token found. */
    public sealed interface Verdict {
        /** @param claims as API Gateway's JWT authorizer passes them on */
        record Valid(Map<String, String> claims) implements Verdict {
        }

        record Invalid(String reason) implements Verdict {
        }
    }

    /** Checks the {@code Authorization} header's bearer token: signature, algorithm, expiry. */
    public Verdict verify(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return new Verdict.Invalid("no bearer token: send Authorization: Bearer <token from citizen-qa.jar token>");
        }
        String value = authorizationHeader.strip();
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Verdict.Invalid("the Authorization header is not a bearer token");
        }
        String[] parts = value.substring(7).strip().split("\\.", -1);
        if (parts.length != 3) {
            return new Verdict.Invalid("the bearer token is not a JWT");
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            if (!"HS256".equals(header.path("alg").asText())) {
                return new Verdict.Invalid("only HS256 tokens are accepted locally");
            }
            byte[] expected = hmac(parts[0] + "." + parts[1]);
            if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
                return new Verdict.Invalid("the token's signature does not match " + SECRET_VARIABLE);
            }
            JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (payload == null || !payload.isObject()) {
                return new Verdict.Invalid("the token's payload is not a JSON object");
            }
            long now = clock.instant().getEpochSecond();
            if (!payload.path("exp").canConvertToLong()) {
                return new Verdict.Invalid("the token has no expiry");
            }
            if (now > payload.get("exp").asLong() + LEEWAY.toSeconds()) {
                return new Verdict.Invalid("the token expired; make a new one with citizen-qa.jar token");
            }
            if (payload.has("nbf") && now + LEEWAY.toSeconds() < payload.get("nbf").asLong()) {
                return new Verdict.Invalid("the token is not valid yet");
            }
            return new Verdict.Valid(asApiGatewayClaims(payload));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return new Verdict.Invalid("the bearer token is not a well-formed JWT");
        }
    }

    /** API Gateway flattens claims to strings; arrays become {@code [a b]}. */
    static Map<String, String> asApiGatewayClaims(JsonNode payload) {
        Map<String, String> claims = new LinkedHashMap<>();
        payload.properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (v.isArray()) {
                StringBuilder b = new StringBuilder("[");
                v.forEach(item -> b.append(b.length() > 1 ? " " : "").append(item.asText()));
                claims.put(e.getKey(), b.append(']').toString());
            } else if (v.isValueNode()) {
                claims.put(e.getKey(), v.asText());
            } else {
                claims.put(e.getKey(), v.toString());
            }
        });
        return claims;
    }

    private static String part(ObjectNode json) {
        try {
            return B64.encodeToString(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    private byte[] hmac(String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
