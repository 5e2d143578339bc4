package vn.citizenqa.core.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One version of a fact of a procedure that holds only between two dates: a reduced fee until 31/12/2026, the
 * standard one from 1/1/2027. {@code from} and {@code until} are inclusive; null means "since always" and
 * "until further notice".
 */
public record DatedFact(Kind kind, String text, LocalDate from, LocalDate until) {

    /** The facts of a procedure that may change on a date. */
    public enum Kind {
        FEE("fee"),
        PROCESSING_TIME("processing_time"),
        AGENCY("agency"),
        ELIGIBILITY("eligibility"),
        NOTES("notes");

        private final String field;

        Kind(String field) {
            this.field = field;
        }

        /** The field's name in a knowledge file. */
        public String field() {
            return field;
        }
    }

    public DatedFact {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if (from != null && until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("until " + until + " is before from " + from);
        }
    }

    public boolean holdsOn(LocalDate day) {
        return (from == null || !day.isBefore(from)) && (until == null || !day.isAfter(until));
    }

    /** Whether this version stops holding within {@code days} days after {@code today} (today included). */
    public boolean endsWithin(LocalDate today, int days) {
        return until != null && !until.isBefore(today) && !until.isAfter(today.plusDays(days));
    }
}
