package vn.citizenqa.core.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyllableShapeTest {

    @ParameterizedTest
    @ValueSource(strings = {"can", "the", "do", "nghieng", "khuyen", "tru", "a", "my", "gi", "quoc", "oanh"})
    void bareVietnameseSyllablesCouldBeVietnamese(String w) {
        assertTrue(SyllableShape.couldBeVietnamese(w), w);
    }

    @ParameterizedTest
    @ValueSource(strings = {"how", "passport", "is", "what", "driving", "license", "lost", "where", "report", "cccd"})
    void englishWordsAndAbbreviationsCouldNot(String w) {
        assertFalse(SyllableShape.couldBeVietnamese(w), w);
    }
}
