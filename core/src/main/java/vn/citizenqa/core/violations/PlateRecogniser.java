package vn.citizenqa.core.violations;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.citizenqa.core.model.PlateNumber;

/**
 * Finds the vehicle plates a citizen's message names, typed the ways people type them: {@code 51F-123.45},
 * {@code 51F12345}, {@code 51f 123 45}, {@code 59X1-678.90}, {@code 59-X1 678.90}, {@code 30A-1234}. A plate must
 * stand apart from other letters and digits, so phone numbers, ID numbers and dates are not read as plates.
 */
public final class PlateRecogniser {

    /** The most plates one message is looked up for (a list pasted in is not a look-up service). */
    public static final int MAX_PLATES = 3;

    private static final Pattern PLATE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])"
                    + "(\\d{2})\\s?[-.]?\\s?"           // province
                    + "([A-Za-zĐđ]{1,2})(\\d?)\\s?[-.]?\\s?" // series (a motorbike's with its digit)
                    + "(\\d{3}[.\\s]?\\d{2}|\\d{4})"    // number: 123.45, 12345, 123 45 or 1234
                    + "(?![\\p{L}\\p{N}]|[.,]\\d)");

    private PlateRecogniser() {
    }

    /** The distinct plates in the text, in the order they appear, at most {@link #MAX_PLATES}. */
    public static List<PlateNumber> find(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<PlateNumber> found = new LinkedHashSet<>();
        Matcher m = PLATE.matcher(text);
        while (m.find() && found.size() < MAX_PLATES) {
            PlateNumber.parse(m.group()).ifPresent(found::add);
        }
        return new ArrayList<>(found);
    }
}
