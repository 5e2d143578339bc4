package vn.citizenqa.functions.channel;

/** Whether ids from a platform can key what we store (present, and free of the '#' that joins key parts). */
public final class PlatformIds {

    private PlatformIds() {
    }

    public static boolean usable(String... ids) {
        for (String id : ids) {
            if (id == null || id.isBlank() || id.indexOf('#') >= 0) {
                return false;
            }
        }
        return true;
    }
}
