package vn.citizenqa.core.answer;

/**
 * A knowledge-base text shortened for a first answer: its first part, cut where the editor's own punctuation ends a
 * sentence or an item, never inside parentheses; if still too long, without its parenthesised asides, then cut at a
 * word with "…". The whole text stays one tap away, in the detail it belongs to.
 */
final class Brief {

    private static final int AT_LEAST = 12;

    private Brief() {
    }

    /** The first sentence ("… . …"), at most {@code max} characters. */
    static String sentence(String text, int max) {
        return within(firstPart(text.strip(), ". ", "\n"), max);
    }

    /** The first item of a list-like text ("…, …", "…; …", "…: …"), at most {@code max} characters. */
    static String item(String text, int max) {
        return within(firstPart(text.strip(), ". ", "\n", ", ", "; ", ": "), max);
    }

    /** Up to the first separator outside parentheses that leaves at least a few characters. */
    private static String firstPart(String text, String... separators) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && i >= AT_LEAST) {
                for (String s : separators) {
                    if (text.startsWith(s, i)) {
                        return text.substring(0, i);
                    }
                }
            }
        }
        return stripEnd(text);
    }

    private static String within(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String plain = stripEnd(text.replaceAll("\\s*\\([^()]*\\)", ""));
        if (plain.length() <= max) {
            return plain;
        }
        int cut = plain.lastIndexOf(' ', max - 1);
        return stripEnd(plain.substring(0, cut > AT_LEAST ? cut : max - 1)) + "…";
    }

    private static String stripEnd(String s) {
        return s.replaceAll("[\\s,;:.]+$", "");
    }
}
