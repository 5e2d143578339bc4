package vn.citizenqa.core.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in text that is kept beyond the expiring conversation: phone numbers, identity card
 * numbers (9-digit CMND, 12-digit CCCD), passport numbers, e-mail addresses and bank-account-like numbers. Money amounts written
 * with dots ("1.500.000"), short numbers and vehicle plates ("59-X1 123.45", "51F-123.45") are kept: they are
 * what the question is about and identify no one.
 */
public final class PersonalDataMasker {

    public static final String EMAIL = "[email]";
    public static final String PHONE = "[phone]";
    public static final String ID_NUMBER = "[id-number]";
    public static final String ACCOUNT_NUMBER = "[account-number]";

    private static final Pattern EMAIL_ADDRESS =
            Pattern.compile("[\\p{L}\\p{N}._%+\\-]+@[\\p{L}\\p{N}\\-]+(?:\\.[\\p{L}\\p{N}\\-]+)*\\.\\p{L}{2,}");

    /**
     * Vietnamese phone numbers: a leading 0 or the country code (+84, 0084, "+84 (0)"), then 9 or 10 more digits
     * with single spaces, dots, dashes or an area code in parentheses between them.
     */
    private static final Pattern PHONE_NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}+])(?:(?:\\(?(?:\\+|00) ?84\\)?[ .\\-]?(?:\\(0\\) ?)?)|\\(?0)"
                    + "[0-9](?:[ .\\-)]{0,2}[0-9]){8,9}(?![\\p{N}])");

    /**
     * Passport numbers: one capital letter and seven digits ("C1234567"). No plate has that shape: a plate's letter
     * follows two digits, and at most five digits follow it.
     */
    private static final Pattern PASSPORT_NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}\\-])[A-Z][0-9]{7}(?![\\p{L}\\p{N}])");

    /** Runs of digits, possibly in groups separated by single spaces or dashes (not dots: money uses dots). */
    private static final Pattern DIGIT_GROUPS =
            Pattern.compile("(?<![\\p{L}\\p{N}.,])[0-9]+(?:[ \\-][0-9]+)*(?![\\p{L}\\p{N}])");

    /** Masks everything personal in {@code text}; null stays null. */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = EMAIL_ADDRESS.matcher(text).replaceAll(Matcher.quoteReplacement(EMAIL));
        masked = PHONE_NUMBER.matcher(masked).replaceAll(Matcher.quoteReplacement(PHONE));
        masked = PASSPORT_NUMBER.matcher(masked).replaceAll(Matcher.quoteReplacement(ID_NUMBER));
        return DIGIT_GROUPS.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(maskDigits(m.group())));
    }

    private static String maskDigits(String run) {
        String[] groups = run.split("[ \\-]");
        int digits = run.replaceAll("[^0-9]", "").length();
        if (groups.length == 1) {
            if (digits == 9 || digits == 12) {
                return ID_NUMBER;
            }
            return digits >= 8 ? ACCOUNT_NUMBER : run;
        }
        // Grouped: a 12-digit CCCD written in threes or fours, or an account or card number in groups.
        if (digits == 12) {
            return ID_NUMBER;
        }
        if (digits == 9 && allOfLength(groups, 3)) {
            return ID_NUMBER;
        }
        if (digits >= 10) {
            return ACCOUNT_NUMBER;
        }
        return run;
    }

    private static boolean allOfLength(String[] groups, int length) {
        for (String g : groups) {
            if (g.length() != length) {
                return false;
            }
        }
        return true;
    }
}
