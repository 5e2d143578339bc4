package vn.citizenqa.core.text;

import java.util.Set;

/**
 * Whether a word typed without diacritics could be one Vietnamese syllable: an initial consonant from the
 * Vietnamese set, vowels, and an allowed final. "can", "the", "do" could ("căn", "thẻ", "đó"); "how",
 * "passport", "is" could not. Tells English from Vietnamese typed bare.
 */
public final class SyllableShape {

    private static final Set<String> INITIALS = Set.of("", "b", "c", "ch", "d", "g", "gh", "gi", "h", "k", "kh", "l", // q: the u of qu counts as a vowel here
            "m", "n", "ng", "ngh", "nh", "p", "ph", "q", "qu", "r", "s", "t", "th", "tr", "v", "x");
    private static final Set<String> FINALS = Set.of("", "c", "ch", "m", "n", "ng", "nh", "p", "t");
    private static final String VOWELS = "aeiouy";

    private SyllableShape() {
    }

    /** @param word lower case, folded (no diacritics) */
    public static boolean couldBeVietnamese(String word) {
        int i = 0;
        while (i < word.length() && VOWELS.indexOf(word.charAt(i)) < 0) {
            i++;
        }
        int j = i;
        while (j < word.length() && VOWELS.indexOf(word.charAt(j)) >= 0) {
            j++;
        }
        return j > i && j - i <= 3 && INITIALS.contains(word.substring(0, i)) && FINALS.contains(word.substring(j));
    }
}
