package vn.citizenqa.core.channel;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a reply into messages a channel accepts: each at most {@code limit} characters, cut at a line break
 * or a space, never inside a word (only a single word longer than the limit, such as a very long link, is
 * cut where it must be). Past {@code maxParts} the last part ends with "…".
 */
public final class MessageParts {

    private MessageParts() {
    }

    public static List<String> split(String text, int limit, int maxParts) {
        if (limit < 2 || maxParts < 1) {
            throw new IllegalArgumentException("limit >= 2 and maxParts >= 1 needed");
        }
        List<String> parts = new ArrayList<>();
        String rest = text.strip();
        while (!rest.isEmpty()) {
            if (rest.length() <= limit) {
                parts.add(rest);
                break;
            }
            if (parts.size() == maxParts - 1) {
                parts.add(trim(rest, limit));
                break;
            }
            int cut = cutPoint(rest, limit);
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        return parts;
    }

    /** The text shortened to {@code limit} characters at a word boundary, ending with "…" when shortened. */
    public static String trim(String text, int limit) {
        String t = text.strip();
        if (t.length() <= limit) {
            return t;
        }
        int cut = cutPoint(t, limit - 1);
        return t.substring(0, cut).stripTrailing() + "…";
    }

    /** Where to cut so that the head has at most {@code limit} characters: a paragraph, a line, a space. */
    private static int cutPoint(String text, int limit) {
        String head = text.substring(0, limit + 1);
        for (String boundary : List.of("\n\n", "\n", " ")) {
            int at = head.lastIndexOf(boundary);
            if (at > limit / 2 || (boundary.equals(" ") && at > 0)) {
                return at;
            }
        }
        int cut = limit;
        // Never split a surrogate pair (an emoji) in two.
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return cut;
    }
}
