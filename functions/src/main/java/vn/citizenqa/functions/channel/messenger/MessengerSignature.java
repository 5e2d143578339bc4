package vn.citizenqa.functions.channel.messenger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import vn.citizenqa.functions.channel.SignatureCheck;

/**
 * Meta's {@code X-Hub-Signature-256: sha256=<hex>}: HMAC-SHA256 of the raw body bytes, keyed with the app
 * secret.
 */
public final class MessengerSignature {

    public static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;

    public MessengerSignature(String appSecret) {
        if (appSecret == null || appSecret.isEmpty()) {
            throw new IllegalArgumentException("MESSENGER_APP_SECRET is not set");
        }
        this.key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The header value Meta would send for this body (also used to sign test events). */
    public String sign(byte[] body) {
        return PREFIX + java.util.HexFormat.of().formatHex(digest(body));
    }

    public boolean verify(byte[] body, String headerValue) {
        if (headerValue == null || !headerValue.strip().regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        return SignatureCheck.matches(digest(body), headerValue.strip().substring(PREFIX.length()));
    }

    private byte[] digest(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
