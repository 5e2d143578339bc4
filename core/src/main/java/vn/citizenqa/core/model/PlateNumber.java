package vn.citizenqa.core.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Vietnamese vehicle plate, kept in one normal form (letters and digits only, upper case: {@code 51F12345},
 * {@code 59X167890}) whatever way it was typed, so that a look-up finds what an import stored.
 */
public record PlateNumber(String normalised) {

    /** Province code (two digits), series (one or two letters, a motorbike's digit), then four or five digits. */
    private static final Pattern SHAPE = Pattern.compile("(\\d{2})([A-Z]{1,2})(\\d?)(\\d{4,5})");
    private static final Pattern SPLIT = SHAPE;

    public PlateNumber {
        if (normalised == null || !SHAPE.matcher(normalised).matches()) {
            throw new IllegalArgumentException("not a plate: " + normalised);
        }
    }

    /**
     * The plate as written anywhere ({@code 51F-123.45}, {@code 51f 123 45}, {@code 59-X1 678.90}), or empty when the
     * letters and digits it holds are not a plate's.
     */
    public static Optional<PlateNumber> parse(String written) {
        if (written == null) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                b.append(c);
            } else if (c == 'đ' || c == 'Đ') {
                b.append('D');
            } else if (!(c == '-' || c == '.' || c == ' ' || c == '/')) {
                return Optional.empty();
            }
        }
        String s = b.toString().toUpperCase(Locale.ROOT);
        return SHAPE.matcher(s).matches() ? Optional.of(new PlateNumber(s)) : Optional.empty();
    }

    /**
     * The plate as it is printed: {@code 51F-123.45} for five digits after the series, {@code 30A-1234} for four,
     * {@code 59X1-678.90} for a motorbike's series with its digit (six digits after the letters).
     */
    public String display() {
        Matcher m = SPLIT.matcher(normalised);
        if (!m.matches()) {
            return normalised;
        }
        String digits = m.group(3) + m.group(4);
        String series = m.group(1) + m.group(2) + (digits.length() == 6 ? digits.substring(0, 1) : "");
        String number = digits.length() == 6 ? digits.substring(1) : digits;
        return series + "-" + (number.length() == 5 ? number.substring(0, 3) + "." + number.substring(3) : number);
    }

    @Override
    public String toString() {
        return display();
    }
}
