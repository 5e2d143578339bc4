package vn.citizenqa.core.analysis;

import java.io.IOException;
import java.io.Reader;
import java.text.Normalizer;

import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Composes the text to Unicode NFC before tokenizing. Phones and pasted text often send Vietnamese
 * decomposed (a base letter followed by combining marks), which neither lower-casing nor folding tables
 * recognise. Offsets are corrected so they still point into the original text.
 *
 * <p>Citizens' messages and knowledge fields are short, so the input is read whole.
 */
public final class NfcCharFilter extends BaseCharFilter {

    private String output;
    private int pos;

    public NfcCharFilter(Reader in) {
        super(in);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (output == null) {
            output = normalize(readAll());
        }
        if (pos >= output.length()) {
            return -1;
        }
        int n = Math.min(len, output.length() - pos);
        output.getChars(pos, pos + n, cbuf, off);
        pos += n;
        return n;
    }

    private String readAll() throws IOException {
        StringBuilder b = new StringBuilder(256);
        char[] buf = new char[256];
        for (int n; (n = input.read(buf)) != -1; ) {
            b.append(buf, 0, n);
        }
        return b.toString();
    }

    /** Normalises cluster by cluster (a starter and its combining marks), recording each shift of offsets. */
    private String normalize(String text) {
        if (Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int diff = 0;
        int i = 0;
        while (i < text.length()) {
            int end = i + 1;
            while (end < text.length() && isCombining(text.charAt(end))) {
                end++;
            }
            String cluster = text.substring(i, end);
            String composed = end - i == 1 ? cluster : Normalizer.normalize(cluster, Normalizer.Form.NFC);
            out.append(composed);
            int shrink = cluster.length() - composed.length();
            if (shrink != 0) {
                diff += shrink;
                addOffCorrectMap(out.length(), diff);
            }
            i = end;
        }
        return out.toString();
    }

    private static boolean isCombining(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
