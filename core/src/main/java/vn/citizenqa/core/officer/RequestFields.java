package vn.citizenqa.core.officer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import vn.citizenqa.core.store.EscalationStatus;

/** The officer API's request fields read as the desk needs them, each bad one refused with what is wrong. */
final class RequestFields {

    private static final List<String> STATUSES = Arrays.stream(EscalationStatus.values()).map(Enum::name).toList();

    private RequestFields() {
    }

    /** The status asked for; OPEN when none is. */
    static EscalationStatus status(String given) {
        String s = blankToNull(given);
        if (s == null) {
            return EscalationStatus.OPEN;
        }
        try {
            return EscalationStatus.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw refused(new Refusal.InvalidStatus(given, STATUSES));
        }
    }

    static int number(String given, String name, int absent, int min, int max) {
        String s = blankToNull(given);
        if (s == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(s.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw refused(new Refusal.InvalidRequest(name + " must be a whole number from " + min + " to " + max
                + ", not '" + given + "'"));
    }

    static LocalDate day(String given, String name) {
        if (blankToNull(given) == null) {
            throw refused(new Refusal.InvalidRequest(name + " is required, as YYYY-MM-DD"));
        }
        try {
            return LocalDate.parse(given.strip());
        } catch (DateTimeParseException e) {
            throw refused(new Refusal.InvalidRequest(name + " must be a day as YYYY-MM-DD, not '" + given + "'"));
        }
    }

    /** Trimmed, 1..limit characters. */
    static String requiredText(String given, String name, int limit) {
        String t = given == null ? "" : given.strip();
        if (t.isEmpty()) {
            throw refused(new Refusal.InvalidRequest(name + " is required and must not be blank"));
        }
        return withinLimit(t, name, limit);
    }

    /** Trimmed, at most limit characters; blank is null. */
    static String optionalText(String given, String name, int limit) {
        String t = given.strip();
        return t.isEmpty() ? null : withinLimit(t, name, limit);
    }

    private static String withinLimit(String t, String name, int limit) {
        int length = t.codePointCount(0, t.length());
        if (length > limit) {
            throw refused(new Refusal.InvalidRequest(name + " has " + length + " characters; at most " + limit));
        }
        return t;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static OfficerRequestRefused refused(Refusal refusal) {
        return new OfficerRequestRefused(refusal);
    }
}
