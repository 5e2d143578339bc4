package vn.citizenqa.core.model;

/** Checks for the identifiers that become parts of storage keys. */
public final class Keys {

    private Keys() {
    }

    /** The longest id any store key takes (DynamoDB refuses keys over 2048 bytes; ids are far shorter). */
    public static final int MAX_ID_LENGTH = 256;

    /**
     * Whether a value from outside (a URL path, a query, a token's claim) can be an id at all: present, at most
     * {@link #MAX_ID_LENGTH} characters, without '#' or control characters. What cannot be one is reported as unknown
     * without asking the store.
     */
    public static boolean couldBeId(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_ID_LENGTH || value.indexOf('#') >= 0) {
            return false;
        }
        return value.chars().noneMatch(Character::isISOControl);
    }

    /** Ids are joined with '#' into keys, so an id must be present and must not contain '#'. */
    public static String requireId(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (value.indexOf('#') >= 0) {
            throw new IllegalArgumentException(name + " must not contain '#': " + value);
        }
        return value;
    }
}
