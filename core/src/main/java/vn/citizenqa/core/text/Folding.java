package vn.citizenqa.core.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Plain-string forms of Vietnamese text, the same the analysis chain gives token by token: for vocabularies
 * (lexicon keys, triage cues) and for reading the citizen's message outside Lucene.
 */
public final class Folding {

    private Folding() {
    }

    /** NFC, lower case, one tone placement: "Hoà  THUỶ" → "hòa  thủy". */
    public static String normalize(String text) {
        String nfc = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        return ToneMarks.normalize(nfc.toLowerCase(Locale.ROOT));
    }

    /** {@link #normalize} and then every diacritic removed, đ → d: "Đăng ký" → "dang ky". */
    public static String fold(String text) {
        return removeDiacritics(normalize(text));
    }

    /** Removes the Vietnamese diacritics of already normalised text. */
    public static String removeDiacritics(String normalized) {
        StringBuilder out = null;
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            char f = VietnameseLetters.fold(c);
            if (f != c && out == null) {
                out = new StringBuilder(normalized.length()).append(normalized, 0, i);
            }
            if (out != null) {
                out.append(f);
            }
        }
        return out == null ? normalized : out.toString();
    }

    /** True when the text has at least one Vietnamese diacritic. */
    public static boolean hasDiacritics(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (VietnameseLetters.hasDiacritic(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
