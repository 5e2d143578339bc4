package vn.citizenqa.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.text.Normalizer;

import org.junit.jupiter.api.Test;

class NfcCharFilterTest {

    private static String read(NfcCharFilter f) throws IOException {
        StringBuilder b = new StringBuilder();
        char[] buf = new char[3]; // small on purpose: output must survive many reads
        for (int n; (n = f.read(buf, 0, buf.length)) != -1; ) {
            b.append(buf, 0, n);
        }
        return b.toString();
    }

    @Test
    void composesDecomposedVietnamese() throws IOException {
        String nfd = Normalizer.normalize("Đăng ký tạm trú", Normalizer.Form.NFD);
        NfcCharFilter f = new NfcCharFilter(new StringReader(nfd));
        assertEquals("Đăng ký tạm trú", read(f));
    }

    @Test
    void offsetsPointIntoTheOriginalText() throws IOException {
        String nfd = Normalizer.normalize("tạm trú", Normalizer.Form.NFD); // t a ̣ m   t r u ́
        NfcCharFilter f = new NfcCharFilter(new StringReader(nfd));
        read(f);
        // "trú" starts at 4 in the composed text and at 5 in the decomposed one.
        assertEquals(5, f.correctOffset(4));
        assertEquals(nfd.length(), f.correctOffset(7));
    }

    @Test
    void composedTextPassesUnchanged() throws IOException {
        NfcCharFilter f = new NfcCharFilter(new StringReader("căn cước"));
        assertEquals("căn cước", read(f));
        assertEquals(3, f.correctOffset(3));
    }
}
