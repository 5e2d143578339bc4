package vn.citizenqa.core.channel;

/**
 * What a citizen typed, made safe to search, store, log and show before anything else sees it. Anyone can send
 * anything to a public page, so:
 * <ul>
 *   <li>an unpaired surrogate (JSON can carry {@code "\ud800"}) becomes U+FFFD: it has no UTF-8 form, and the
 *       store's wire format would refuse it on every redelivery;</li>
 *   <li>control characters other than tab and line breaks are dropped (they forge log lines and terminal
 *       output), and so are the invisible ones that split words or reorder what an officer reads: zero-width
 *       space, word joiner, byte-order mark, and the bidirectional embeddings, overrides and isolates. Zero-width
 *       (non-)joiners stay: emoji sequences and some scripts need them;</li>
 *   <li>text longer than {@link #MAX_LENGTH} characters is cut at a space and ends with "…": no platform sends
 *       such a message, and it must fit one store item with room to spare.</li>
 * </ul>
 */
public final class CitizenText {

    /** The most characters (code points) of one message that are kept. */
    public static final int MAX_LENGTH = 10_000;

    private CitizenText() {
    }

    /** The cleaned text; null stays null. */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(Math.min(raw.length(), MAX_LENGTH + 1));
        int kept = 0;
        int i = 0;
        while (i < raw.length() && kept < MAX_LENGTH) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
                b.append('\uFFFD');
                kept++;
            } else if (!dropped(cp)) {
                b.appendCodePoint(cp);
                kept++;
            }
        }
        if (i < raw.length() && hasMoreToKeep(raw, i)) {
            int space = b.lastIndexOf(" ");
            if (space > b.length() / 2) {
                b.setLength(space);
            }
            b.append('…');
        }
        return b.toString();
    }

    private static boolean hasMoreToKeep(String raw, int from) {
        return raw.codePoints().skip(raw.codePointCount(0, from)).anyMatch(cp -> !dropped(cp) && !Character.isWhitespace(cp));
    }

    private static boolean dropped(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return false;
        }
        return Character.getType(cp) == Character.CONTROL
                || cp == 0x200B // zero-width space
                || cp == 0x2060 // word joiner
                || cp == 0xFEFF // byte-order mark / zero-width no-break space
                || cp == 0x180E // Mongolian vowel separator (was a zero-width space)
                || (cp >= 0x202A && cp <= 0x202E) // bidi embeddings and overrides
                || (cp >= 0x2066 && cp <= 0x2069); // bidi isolates
    }
}
