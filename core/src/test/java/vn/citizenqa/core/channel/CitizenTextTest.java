package vn.citizenqa.core.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CitizenTextTest {

    @Test
    void ordinaryTextIsKeptAsWritten() {
        String text = "Đăng ký tạm trú cần giấy tờ gì?\nEm ở Q.1, tel 0912 345 678 😀👨‍👩‍👧";
        assertEquals(text, CitizenText.clean(text));
        assertNull(CitizenText.clean(null));
    }

    @Test
    void unpairedSurrogatesBecomeReplacementCharacters() {
        assertEquals("\uFFFD tạm trú \uFFFD", CitizenText.clean("\ud800 tạm trú \udfff"));
        assertEquals("cháy \uFFFD", CitizenText.clean("cháy \ud83d"));
    }

    @Test
    void controlAndInvisibleCharactersThatForgeOrHideTextAreDropped() {
        assertEquals("tạm trú[31mĐỎ[0m ở đâu", CitizenText.clean("tạm trú\u0000\u0007\u001b[31mĐỎ\u001b[0m\u007f\u0085 ở đâu"));
        assertEquals("tạmtrú cần gì", CitizenText.clean("tạm\u200Btrú\uFEFF cần\u2060 gì"));
        assertEquals("abc isolate", CitizenText.clean("\u202eabc\u202c \u2066isolate\u2069"));
        assertEquals("a\tb\r\nc", CitizenText.clean("a\tb\r\nc"), "tabs and line breaks stay");
        assertEquals("", CitizenText.clean("\u200B\uFEFF"));
    }

    @Test
    void veryLongTextIsCutAtASpaceWithAnEllipsis() {
        String words = "tạm trú ".repeat(5_000);
        String kept = CitizenText.clean(words);
        assertTrue(kept.length() <= CitizenText.MAX_LENGTH + 1, "length " + kept.length());
        assertTrue(kept.endsWith("trú…") || kept.endsWith("tạm…"), kept.substring(kept.length() - 10));
        String oneWord = CitizenText.clean("a".repeat(20_000));
        assertEquals(CitizenText.MAX_LENGTH + 1, oneWord.length());
        assertEquals("a".repeat(CitizenText.MAX_LENGTH), CitizenText.clean("a".repeat(CitizenText.MAX_LENGTH)), "exactly the limit is kept whole");
    }
}
