package vn.citizenqa.core.analysis;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import vn.citizenqa.core.text.VietnameseLetters;

/**
 * Removes Vietnamese diacritics, đ → d: the form of a word typed without them ("đăng ký" → "dang ky").
 * A table lookup per character, in place.
 */
public final class DiacriticFoldingFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    public DiacriticFoldingFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] buf = term.buffer();
        for (int i = 0, n = term.length(); i < n; i++) {
            buf[i] = VietnameseLetters.fold(buf[i]);
        }
        return true;
    }
}
