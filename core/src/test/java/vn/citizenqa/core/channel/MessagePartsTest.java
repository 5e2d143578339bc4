package vn.citizenqa.core.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class MessagePartsTest {

    @Test
    void aShortTextIsOnePartUnchanged() {
        assertEquals(List.of("Xin chào bạn"), MessageParts.split("Xin chào bạn", 2000, 3));
    }

    @Test
    void aLongTextIsCutBetweenWordsAndLosesNothing() {
        String text = "Đăng ký tạm trú cần tờ khai CT01 ".repeat(150).strip();
        List<String> parts = MessageParts.split(text, 2000, 5);
        assertTrue(parts.size() > 1);
        for (String p : parts) {
            assertTrue(p.length() <= 2000, "part of " + p.length());
            assertTrue(text.contains(p));
            assertTrue(!p.startsWith(" ") && !p.endsWith(" "));
        }
        assertEquals(text.replace(" ", ""), String.join("", parts).replace(" ", ""));
        // Each cut falls where the text had a space: joining with a space restores it.
        assertEquals(text, String.join(" ", parts));
    }

    @Test
    void aParagraphBreakInTheSecondHalfIsPreferred() {
        String first = "a ".repeat(40).strip();
        String text = first + "\n\n" + "b ".repeat(30).strip();
        assertEquals(first, MessageParts.split(text, 100, 3).getFirst());
    }

    @Test
    void pastTheLastPartTheTextIsTrimmedAtAWordWithAnEllipsis() {
        List<String> parts = MessageParts.split("một hai ba bốn năm sáu bảy tám", 10, 2);
        assertEquals(2, parts.size());
        assertEquals("một hai ba", parts.get(0));
        assertTrue(parts.get(1).endsWith("…"));
        assertTrue(parts.get(1).length() <= 10);
        assertEquals("bốn năm…", parts.get(1));
    }

    @Test
    void trimKeepsWholeWords() {
        assertEquals("Đăng ký…", MessageParts.trim("Đăng ký tạm trú", 10));
        assertEquals("Hữu ích", MessageParts.trim("Hữu ích", 20));
    }

    @Test
    void onlyAWordLongerThanTheLimitIsCutInside() {
        String link = "https://dichvucong.bocongan.gov.vn/" + "x".repeat(50);
        List<String> parts = MessageParts.split(link, 40, 5);
        assertEquals(link, String.join("", parts));
        assertTrue(parts.stream().allMatch(p -> p.length() <= 40));
    }

    @Test
    void anEmojiIsNeverCutInHalf() {
        String text = "a".repeat(9) + "🚨" + "b".repeat(10);
        List<String> parts = MessageParts.split(text, 10, 5);
        assertEquals(text, String.join("", parts));
        parts.forEach(p -> assertTrue(!Character.isHighSurrogate(p.charAt(p.length() - 1))));
    }
}
