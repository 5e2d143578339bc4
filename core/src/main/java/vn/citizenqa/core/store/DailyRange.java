package vn.citizenqa.core.store;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The days a figures read covers, checked the same way by every store. */
public final class DailyRange {

    private DailyRange() {
    }

    /**
     * @throws IllegalArgumentException when {@code to} is before {@code from} or the range exceeds
     *                                  {@link DailyCounters#MAX_DAYS}
     */
    public static List<LocalDate> days(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new IllegalArgumentException("both from and to are required");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("'to' (" + to + ") is before 'from' (" + from + ")");
        }
        long n = ChronoUnit.DAYS.between(from, to) + 1;
        if (n > DailyCounters.MAX_DAYS) {
            throw new IllegalArgumentException("at most " + DailyCounters.MAX_DAYS + " days at once, asked for " + n);
        }
        return from.datesUntil(to.plusDays(1)).toList();
    }
}
