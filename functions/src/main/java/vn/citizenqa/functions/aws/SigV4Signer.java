package vn.citizenqa.functions.aws;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 (the {@code Authorization} header form): the canonical request (method, path, query, the
 * signed headers lower-cased and sorted, the body's SHA-256), the string to sign over the credential scope
 * ({@code date/region/service/aws4_request}), and the signing key derived from the secret key through the date, the
 * region and the service. The path and query are given already canonical: the JSON protocols this client speaks post
 * to {@code /} with no query.
 */
public final class SigV4Signer {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private SigV4Signer() {
    }

    /** The headers a signed request adds: {@code X-Amz-Date}, {@code X-Amz-Security-Token} with a session, {@code Authorization}. */
    public record Signature(String amzDate, String securityToken, String authorization) {
    }

    /**
     * Signs a request whose headers (host included, as the connection will send it) are {@code headers}; the date
     * header and the session token, when there is one, are added to them and signed too.
     */
    public static Signature sign(AwsKeys keys, String region, String service, Instant at, String method, String path, String query,
                                 Map<String, String> headers, byte[] body) {
        String amzDate = AMZ_DATE.format(at);
        TreeMap<String, String> signed = new TreeMap<>();
        headers.forEach((k, v) -> signed.put(k.toLowerCase(java.util.Locale.ROOT), v));
        signed.put("x-amz-date", amzDate);
        if (keys.sessionToken() != null) {
            signed.put("x-amz-security-token", keys.sessionToken());
        }
        String canonical = canonicalRequest(method, path, query, signed, hex(sha256(body)));
        String scope = amzDate.substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
        String toSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = signingKey(keys.secretAccessKey(), amzDate.substring(0, 8), region, service);
        String signature = hex(hmac(key, toSign));
        String authorization = ALGORITHM + " Credential=" + keys.accessKeyId() + "/" + scope + ", SignedHeaders="
                + String.join(";", signed.keySet()) + ", Signature=" + signature;
        return new Signature(amzDate, keys.sessionToken(), authorization);
    }

    /** The canonical request; {@code headers} lower-cased and sorted, values trimmed and inner spaces folded here. */
    static String canonicalRequest(String method, String path, String query, TreeMap<String, String> headers, String payloadHash) {
        StringBuilder b = new StringBuilder(256).append(method).append('\n').append(path).append('\n').append(query).append('\n');
        headers.forEach((k, v) -> b.append(k).append(':').append(v.strip().replaceAll(" +", " ")).append('\n'));
        return b.append('\n').append(String.join(";", headers.keySet())).append('\n').append(payloadHash).toString();
    }

    static byte[] signingKey(String secret, String date, String region, String service) {
        byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        k = hmac(k, region);
        k = hmac(k, service);
        return hmac(k, "aws4_request");
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always there", e);
        }
    }

    static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
