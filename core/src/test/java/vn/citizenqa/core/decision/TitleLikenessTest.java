package vn.citizenqa.core.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TitleLikenessTest {

    @Test
    void siblingsShareMostOfTheirSyllables() {
        // 4 shared of 5: đăng, ký, thường, trú (and "xóa")
        assertEquals(0.8, TitleLikeness.of("Đăng ký thường trú", "Xóa đăng ký thường trú"), 1e-9);
        assertTrue(TitleLikeness.of("Cấp đổi thẻ căn cước", "Cấp lại thẻ căn cước") > 0.6);
    }

    @Test
    void unrelatedProceduresAreNotAlike() {
        assertEquals(0, TitleLikeness.of("Đăng ký tạm trú", "Cấp hộ chiếu phổ thông"), 1e-9);
    }

    @Test
    void aTitleIsWhollyLikeItselfAndCaseAndPunctuationDoNotCount() {
        assertEquals(1, TitleLikeness.of("Cấp hộ chiếu phổ thông (lần đầu và cấp lại)", "cấp hộ chiếu phổ thông, lần đầu và cấp lại"), 1e-9);
    }

    @Test
    void accentsTellSyllablesApart() {
        // "căn cước" and "cán bộ" have no syllable in common, though "căn" and "cán" have the same letters.
        assertEquals(0, TitleLikeness.of("Căn cước", "Cán bộ"), 1e-9);
    }
}
