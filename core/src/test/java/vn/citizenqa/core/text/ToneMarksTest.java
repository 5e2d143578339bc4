package vn.citizenqa.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToneMarksTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        // new placement → traditional placement of open oa / oe / uy
        "hoà, hòa", "thuỷ, thủy", "khoẻ, khỏe", "hoá, hóa", "uý, úy", "toả, tỏa",
        // already traditional: unchanged
        "hòa, hòa", "thủy, thủy", "khỏe, khỏe",
        // a following consonant puts the tone on the second vowel
        "hòan, hoàn", "hoàn, hoàn", "huỳnh, huỳnh", "tóan, toán",
        // open diphthongs take it on the first vowel
        "cuả, của", "muà, mùa", "mùa, mùa", "tiá, tía",
        // qu and gi are consonants
        "quý, quý", "quỳ, quỳ", "quà, quà", "gìa, già", "già, già", "gìn, gìn",
        // a vowel with a quality mark takes it, the last of ươ
        "ngừơi, người", "người, người", "tíên, tiến", "thuở, thuở", "cừu, cừu",
        // three vowels: the middle one
        "oaí, oái", "khủyu, khuỷu",
        // nothing to do
        "tam, tam", "cccd, cccd", "passport, passport", "b2, b2"
    })
    void oneTonePlacement(String typed, String expected) {
        assertEquals(expected, ToneMarks.normalize(typed));
    }

    @ParameterizedTest(name = "{0} left alone")
    @CsvSource({"hòá", "vneíd"})
    void leavesWhatIsNotOneSyllableWithOneTone(String typed) {
        assertEquals(typed, ToneMarks.normalize(typed));
    }

    @org.junit.jupiter.api.Test
    void normalisesEachWordOfAText() {
        assertEquals("hòa bình, thủy lợi và sức khỏe", ToneMarks.normalize("hoà bình, thuỷ lợi và sức khoẻ"));
    }
}
