package vn.citizenqa.core.store;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * The random ids of this process (a claim's owner token). One generator, made on first use and made again by
 * {@link #reseed()}: a Lambda SnapStart snapshot is restored into many containers, and a generator seeded before
 * the snapshot would give each of them the same sequence — two containers could then both believe they own one
 * message's claim.
 */
public final class RandomIds {

    private static volatile SecureRandom random;

    private RandomIds() {
    }

    /** A random (version 4) UUID as text. */
    public static String newId() {
        SecureRandom r = random;
        if (r == null) {
            r = new SecureRandom();
            random = r;
        }
        byte[] b = new byte[16];
        r.nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (b[i] & 0xff);
            lsb = (lsb << 8) | (b[i + 8] & 0xff);
        }
        return new UUID(msb, lsb).toString();
    }

    /** Drops the generator: the next id comes from a new one, seeded from the system then (after a restore). */
    public static void reseed() {
        random = null;
    }
}
