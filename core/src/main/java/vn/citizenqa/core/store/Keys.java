package vn.citizenqa.core.store;

/** Checks for the identifiers that become parts of storage keys. */
public final class Keys {

    private Keys() {
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
