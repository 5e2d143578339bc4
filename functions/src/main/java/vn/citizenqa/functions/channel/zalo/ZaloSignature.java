package vn.citizenqa.functions.channel.zalo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import vn.citizenqa.functions.channel.SignatureCheck;

/**
 * Zalo's {@code X-ZEvent-Signature: mac=<hex>}: a plain SHA-256 (not an HMAC) of app id + raw body +
 * timestamp + OA secret key. The app id is the configured one, so an event for another app fails.
 */
public final class ZaloSignature {

    public static final String HEADER = "X-ZEvent-Signature";
    private static final String PREFIX = "mac=";

    private final byte[] appId;
    private final byte[] oaSecret;

    public ZaloSignature(String appId, String oaSecret) {
        if (appId == null || appId.isEmpty()) {
            throw new IllegalArgumentException("ZALO_APP_ID is not set");
        }
        if (oaSecret == null || oaSecret.isEmpty()) {
            throw new IllegalArgumentException("ZALO_OA_SECRET is not set");
        }
        this.appId = appId.getBytes(StandardCharsets.UTF_8);
        this.oaSecret = oaSecret.getBytes(StandardCharsets.UTF_8);
    }

    /** The header value Zalo would send for this body and its {@code timestamp} field. */
    public String sign(byte[] body, String timestamp) {
        return PREFIX + java.util.HexFormat.of().formatHex(digest(body, timestamp));
    }

    /** Accepts the value with or without the {@code mac=} prefix. */
    public boolean verify(byte[] body, String timestamp, String headerValue) {
        if (headerValue == null || timestamp == null) {
            return false;
        }
        String v = headerValue.strip();
        if (v.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            v = v.substring(PREFIX.length());
        }
        return SignatureCheck.matches(digest(body, timestamp), v);
    }

    private byte[] digest(byte[] body, String timestamp) {
        ByteArrayOutputStream data = new ByteArrayOutputStream(appId.length + body.length + 64);
        data.writeBytes(appId);
        data.writeBytes(body);
        data.writeBytes(timestamp.getBytes(StandardCharsets.UTF_8));
        data.writeBytes(oaSecret);
        try {
            return MessageDigest.getInstance("SHA-256").digest(data.toByteArray());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
