package vn.citizenqa.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class FiltersTest {

    @Test
    void toneMarkFilterUnifiesOldAndNewPlacement() {
        assertEquals(List.of("hòa", "thủy", "khỏe", "hoàn"),
                Tokens.filtered("hoà thuỷ khoẻ hòan", ToneMarkFilter::new));
    }

    @Test
    void diacriticFoldingFilterRemovesMarksAndFoldsD() {
        assertEquals(List.of("dang", "ky", "can", "cuoc", "vneid"),
                Tokens.filtered("đăng ký căn cước vneid", DiacriticFoldingFilter::new));
    }
}
