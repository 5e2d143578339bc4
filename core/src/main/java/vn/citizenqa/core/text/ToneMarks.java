package vn.citizenqa.core.text;

/**
 * Puts the tone mark of a Vietnamese syllable on one agreed vowel, so that the old and new placements
 * ("hoà"/"hòa", "thuỷ"/"thủy", "khoẻ"/"khỏe") and common misplacements ("cuả", "hòan", "ngừơi") become one
 * form. The agreed form is the traditional one most keyboards produce:
 * <ul>
 *   <li>a vowel with a quality mark (ă â ê ô ơ ư) takes the tone, the last one when there are two (ươ → ơ);
 *   <li>otherwise, of three vowels the middle one (oái, khuỷu);
 *   <li>of two vowels, the second when a consonant follows (hoàn, huỳnh), else the first (hòa, thủy, mùa);
 *   <li>the u of "qu" and the i of "gi" are consonants (quý, già).
 * </ul>
 * Works in place on lower-case text; anything that is not one syllable with one tone is left alone.
 */
public final class ToneMarks {

    private ToneMarks() {
    }

    /** Normalises the lower-case syllable in {@code buf[0..len)}; returns true when it changed it. */
    public static boolean normalize(char[] buf, int len) {
        int tonePos = -1;
        int tone = 0;
        int vowelStart = -1;
        int vowelEnd = -1;
        for (int i = 0; i < len; i++) {
            char c = buf[i];
            if (VietnameseLetters.isVowel(c)) {
                if (vowelEnd != -1) {
                    return false; // a second group of vowels: not one syllable (an English word, a typo)
                }
                if (vowelStart == -1) {
                    vowelStart = i;
                }
                int t = VietnameseLetters.tone(c);
                if (t != VietnameseLetters.NO_TONE) {
                    if (tonePos != -1) {
                        return false; // two tones: leave it as typed
                    }
                    tonePos = i;
                    tone = t;
                }
            } else {
                if (!Character.isLetter(c)) {
                    return false;
                }
                if (vowelStart != -1 && vowelEnd == -1) {
                    vowelEnd = i;
                }
            }
        }
        if (tonePos == -1) {
            return false;
        }
        if (vowelEnd == -1) {
            vowelEnd = len;
        }
        int start = vowelStart;
        if (start > 0 && vowelEnd - start > 1) {
            char before = buf[start - 1];
            char first = VietnameseLetters.withoutTone(buf[start]);
            if ((before == 'q' && first == 'u') || (before == 'g' && first == 'i' && start == 1)) {
                start++;
            }
        }
        int target = target(buf, start, vowelEnd, vowelEnd < len);
        if (target == -1 || target == tonePos) {
            return false;
        }
        buf[tonePos] = VietnameseLetters.withoutTone(buf[tonePos]);
        buf[target] = VietnameseLetters.withTone(buf[target], tone);
        return true;
    }

    private static int target(char[] buf, int start, int end, boolean closed) {
        int n = end - start;
        int marked = -1;
        for (int i = start; i < end; i++) {
            if (VietnameseLetters.hasQualityMark(buf[i])) {
                marked = i;
            }
        }
        if (marked != -1) {
            return marked;
        }
        return switch (n) {
            case 1 -> start;
            case 2 -> closed ? start + 1 : start;
            case 3 -> start + 1;
            default -> -1;
        };
    }

    /** The string with every syllable normalised; for vocabularies and tests. */
    public static String normalize(String lowerCaseText) {
        char[] chars = lowerCaseText.toCharArray();
        int wordStart = -1;
        for (int i = 0; i <= chars.length; i++) {
            boolean letter = i < chars.length && Character.isLetter(chars[i]);
            if (letter && wordStart == -1) {
                wordStart = i;
            } else if (!letter && wordStart != -1) {
                char[] word = java.util.Arrays.copyOfRange(chars, wordStart, i);
                if (normalize(word, word.length)) {
                    System.arraycopy(word, 0, chars, wordStart, word.length);
                }
                wordStart = -1;
            }
        }
        return new String(chars);
    }
}
