package vn.citizenqa.functions.channel;

/**
 * Whether ids from a platform can key what we store. The platforms' ids are short runs of printable ASCII (digits,
 * letters, '_', '-', '.', ':', '=', '+', '/'); anything else (a '#', which joins key parts, spaces, control or
 * non-ASCII characters, or more than {@link #MAX_LENGTH} characters, which would overflow a DynamoDB key) is not an
 * id a platform sent, and the event carrying it is ignored rather than stored.
 */
public final class PlatformIds {

    public static final int MAX_LENGTH = 256;

    private PlatformIds() {
    }

    public static boolean usable(String... ids) {
        for (String id : ids) {
            if (!usable(id)) {
                return false;
            }
        }
        return true;
    }

    private static boolean usable(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= ' ' || c > '~' || c == '#') {
                return false;
            }
        }
        return true;
    }
}
