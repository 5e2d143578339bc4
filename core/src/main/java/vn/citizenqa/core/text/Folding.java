package vn.citizenqa.core.text;

import java.text.Normalizer;
import java.util.Locale;

/** Plain-string Vietnamese folding: NFC, lower case, diacritics removed, đ → d. For matching vocabularies, not for the index. */
public final class Folding {

    private Folding() {
    }

    public static String fold(String text) {
        String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(nfd.length());
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c == 'đ' || c == 'Đ') {
                c = 'd';
            }
            out.append(c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
