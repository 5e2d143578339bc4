package vn.citizenqa.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.analysis.VietnameseAnalysis.Form;

class VietnameseAnalysisTest {

    @Test
    void accentedChainKeepsSyllablesLowerCasedWithOneTonePlacement() {
        assertEquals(List.of("đăng", "ký", "hòa", "thủy"),
                Tokens.of(VietnameseAnalysis.indexAnalyzer(Form.ACCENTED, false), "ĐĂNG KÝ: Hoà, THUỶ!"));
    }

    @Test
    void foldedChainMatchesTextTypedWithoutDiacritics() {
        var folded = VietnameseAnalysis.indexAnalyzer(Form.FOLDED, false);
        String nfd = Normalizer.normalize("Cấp đổi thẻ căn cước", Normalizer.Form.NFD);
        assertEquals(Tokens.of(folded, "cap doi the can cuoc"), Tokens.of(folded, nfd));
    }

    @Test
    void bigramsJoinNeighbouringSyllablesWithoutSingleOnes() {
        assertEquals(List.of("đăng ký", "ký tạm", "tạm trú"),
                Tokens.of(VietnameseAnalysis.indexAnalyzer(Form.ACCENTED, true), "Đăng ký tạm trú"));
        assertEquals(List.of("dang ky", "ky tam", "tam tru"),
                Tokens.of(VietnameseAnalysis.indexAnalyzer(Form.FOLDED, true), "Đăng ký tạm trú"));
    }

    @Test
    void aSingleSyllableHasNoBigram() {
        assertEquals(List.of(), Tokens.of(VietnameseAnalysis.indexAnalyzer(Form.FOLDED, true), "cccd"));
    }
}
