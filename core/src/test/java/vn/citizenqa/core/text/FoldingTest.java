package vn.citizenqa.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

class FoldingTest {

    @Test
    void foldsEveryVietnameseVowelAndDToAscii() {
        assertEquals("dang ky tam tru o dau", Folding.fold("Đăng ký TẠM TRÚ ở đâu"));
        assertEquals("aaaeeiooouuy", Folding.fold("ẶẪẨỆỂỊỢỔỌỰỨỸ"));
    }

    @Test
    void decomposedTextFoldsLikeComposed() {
        String nfd = Normalizer.normalize("Căn cước công dân", Normalizer.Form.NFD);
        assertEquals("can cuoc cong dan", Folding.fold(nfd));
        assertEquals("căn cước công dân", Folding.normalize(nfd));
    }

    @Test
    void normaliseKeepsDiacriticsButUnifiesTonePlacement() {
        assertEquals("hòa thủy", Folding.normalize("HOÀ Thuỷ"));
    }

    @Test
    void tellsTextWithDiacriticsFromTextWithout() {
        assertTrue(Folding.hasDiacritics("đk"));
        assertFalse(Folding.hasDiacritics("dang ky tam tru"));
    }
}
