package vn.citizenqa.core.text;

/**
 * The Vietnamese vowels as a table: for each precomposed (NFC) lower-case vowel, its vowel quality
 * (a, ă, â, e, ê, i, o, ô, ơ, u, ư, y) and its tone (none, huyền, hỏi, ngã, sắc, nặng). Lookups are array
 * reads, so the analysis filters and the triage can use them on every character without cost.
 */
public final class VietnameseLetters {

    /** Tones in the order of the rows below. */
    public static final int NO_TONE = 0;

    private static final String[] ROWS = {
        "aàảãáạ", "ăằẳẵắặ", "âầẩẫấậ",
        "eèẻẽéẹ", "êềểễếệ",
        "iìỉĩíị",
        "oòỏõóọ", "ôồổỗốộ", "ơờởỡớợ",
        "uùủũúụ", "ưừửữứự",
        "yỳỷỹýỵ"};
    /** The ASCII letter each row folds to. */
    private static final String FOLDED = "aaaeeiooouuy";
    /** Rows whose vowel carries a quality mark (ă â ê ô ơ ư): they take the tone first. */
    private static final String MARKED_ROWS = "ăâêôơư";

    private static final int TABLE_SIZE = 0x1F00;
    /** row index + 1 (0 = not a lower-case vowel). */
    private static final byte[] ROW = new byte[TABLE_SIZE];
    private static final byte[] TONE = new byte[TABLE_SIZE];
    private static final char[] FOLD = new char[TABLE_SIZE];

    static {
        for (int r = 0; r < ROWS.length; r++) {
            String row = ROWS[r];
            for (int t = 0; t < row.length(); t++) {
                char c = row.charAt(t);
                ROW[c] = (byte) (r + 1);
                TONE[c] = (byte) t;
                FOLD[c] = FOLDED.charAt(r);
                char upper = Character.toUpperCase(c);
                if (upper != c && upper < TABLE_SIZE) {
                    FOLD[upper] = Character.toUpperCase(FOLDED.charAt(r));
                }
            }
        }
        FOLD['đ'] = 'd';
        FOLD['Đ'] = 'D';
    }

    private VietnameseLetters() {
    }

    /** True for a lower-case vowel of the table (with or without tone and quality mark). */
    public static boolean isVowel(char c) {
        return c < TABLE_SIZE && ROW[c] != 0;
    }

    /** The tone of a lower-case vowel, 0 when it has none or is not a vowel. */
    public static int tone(char c) {
        return c < TABLE_SIZE ? TONE[c] : 0;
    }

    /** True when the vowel carries a quality mark (ă â ê ô ơ ư), whatever its tone. */
    public static boolean hasQualityMark(char c) {
        return isVowel(c) && MARKED_ROWS.indexOf(ROWS[ROW[c] - 1].charAt(0)) >= 0;
    }

    /** The same vowel with the given tone (0 removes it). */
    public static char withTone(char vowel, int tone) {
        return ROWS[ROW[vowel] - 1].charAt(tone);
    }

    /** The vowel without tone but with its quality mark: ờ → ơ. */
    public static char withoutTone(char vowel) {
        return isVowel(vowel) ? ROWS[ROW[vowel] - 1].charAt(0) : vowel;
    }

    /**
     * The character without any Vietnamese diacritic (đ → d, ộ → o), or the character itself when it has
     * none or is outside the table.
     */
    public static char fold(char c) {
        if (c < 128 || c >= TABLE_SIZE) {
            return c;
        }
        char f = FOLD[c];
        return f == 0 ? c : f;
    }

    /** True when the character would change under {@link #fold(char)}. */
    public static boolean hasDiacritic(char c) {
        return c >= 128 && c < TABLE_SIZE && FOLD[c] != 0;
    }
}
