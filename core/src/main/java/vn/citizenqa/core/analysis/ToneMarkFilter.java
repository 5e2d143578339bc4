package vn.citizenqa.core.analysis;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import vn.citizenqa.core.text.ToneMarks;

/**
 * Moves the tone mark of each syllable to one agreed vowel ({@link ToneMarks}): "hoà" and "hòa",
 * "thuỷ" and "thủy" become the same term. Expects lower-case NFC tokens.
 */
public final class ToneMarkFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    public ToneMarkFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        ToneMarks.normalize(term.buffer(), term.length());
        return true;
    }
}
