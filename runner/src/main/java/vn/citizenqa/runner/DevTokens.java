package vn.citizenqa.runner;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;

import vn.citizenqa.functions.officer.OfficerClaims;

/**
 * Officer tokens for LOCAL DEVELOPMENT ONLY: HS256 JWTs signed with a shared secret ({@code OFFICER_JWT_SECRET}),
 * issued by {@code citizen-qa.jar token} and checked by {@code serve}, standing in for the Cognito user pool and
 * API Gateway's JWT authorizer (signing and checking with Nimbus JOSE + JWT). A verified token's claims are passed on
 * as API Gateway passes them: every value a string, an array as {@code "[a b]"}, a date in epoch seconds. In AWS the
 * authorizer checks Cognito's tokens and this class is not used: the officer API only reads the claims it passes on.
 */
public final class DevTokens {

    public static final String SECRET_VARIABLE = "OFFICER_JWT_SECRET";
    /** HS256 wants a key at least as long as its hash. */
    public static final int MIN_SECRET_LENGTH = 32;
    public static final String ISSUER = "citizen-qa-local";
    /** Tolerated difference between clocks when checking expiry. */
    static final Duration LEEWAY = Duration.ofSeconds(30);

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
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(sub)
                .claim("token_use", "access")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validFor)));
        if (unit != null) {
            claims.claim(OfficerClaims.UNIT, unit);
        }
        claims.claim(OfficerClaims.GROUPS, List.copyOf(groups));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("an HS256 key of " + MIN_SECRET_LENGTH + "+ bytes always signs", e);
        }
        return jwt.serialize();
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
        String token = value.substring(7).strip();
        if (token.split("\\.", -1).length != 3) {
            return new Verdict.Invalid("the bearer token is not a JWT");
        }
        try {
            JWT parsed = JWTParser.parse(token);
            if (!(parsed instanceof SignedJWT jwt) || !JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
                return new Verdict.Invalid("only HS256 tokens are accepted locally");
            }
            if (!jwt.verify(new MACVerifier(secret))) {
                return new Verdict.Invalid("the token's signature does not match " + SECRET_VARIABLE);
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (claims.getExpirationTime() == null) {
                return new Verdict.Invalid("the token has no expiry");
            }
            if (now.isAfter(claims.getExpirationTime().toInstant().plus(LEEWAY))) {
                return new Verdict.Invalid("the token expired; make a new one with citizen-qa.jar token");
            }
            if (claims.getNotBeforeTime() != null && now.plus(LEEWAY).isBefore(claims.getNotBeforeTime().toInstant())) {
                return new Verdict.Invalid("the token is not valid yet");
            }
            return new Verdict.Valid(asApiGatewayClaims(claims));
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            return new Verdict.Invalid("the bearer token is not a well-formed JWT");
        }
    }

    /** API Gateway flattens claims to strings; arrays become {@code [a b]}, dates epoch seconds. */
    static Map<String, String> asApiGatewayClaims(JWTClaimsSet claims) {
        Map<String, String> flat = new LinkedHashMap<>();
        claims.getClaims().forEach((name, v) -> flat.put(name, switch (v) {
            case Collection<?> items -> "[" + String.join(" ", items.stream().map(String::valueOf).toList()) + "]";
            case Date date -> String.valueOf(date.toInstant().getEpochSecond());
            case Map<?, ?> object -> JSONObjectUtils.toJSONString(stringKeys(object));
            default -> String.valueOf(v);
        }));
        return flat;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> object) {
        Map<String, Object> m = new LinkedHashMap<>();
        object.forEach((k, v) -> m.put(String.valueOf(k), v));
        return m;
    }
}
