package vn.citizenqa.functions.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/** What the two channels' signature checks share: hex digests compared in constant time. */
public final class SignatureCheck {

    private SignatureCheck() {
    }

    /**
     * Whether the hex digest a platform sent equals the one computed, compared in constant time so that the
     * time taken reveals nothing about how much of a forged value was right.
     */
    public static boolean matches(byte[] expectedDigest, String receivedHex) {
        if (receivedHex == null) {
            return false;
        }
        byte[] expected = HexFormat.of().formatHex(expectedDigest).getBytes(StandardCharsets.US_ASCII);
        byte[] received = receivedHex.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, received);
    }
}
