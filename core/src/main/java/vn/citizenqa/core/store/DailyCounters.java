package vn.citizenqa.core.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Per-unit daily figures, counted with atomic increments on the day of the event in the counting zone. */
public interface DailyCounters {

    /** Most days one read covers. */
    int MAX_DAYS = 366;

    /** Adds one to each of the counters for the unit on the day of {@code at}, in one atomic write. */
    void count(String unit, Instant at, Counter... counters);

    /**
     * Records the time from an escalation's creation to its first officer reply, on the day of the reply.
     * Recording it again for the same escalation changes nothing.
     */
    void recordFirstResponse(String unit, String escalationId, Instant answeredAt, Duration responseTime);

    /**
     * The unit's figures for each day from {@code from} to {@code to} inclusive (days without events count zero).
     *
     * @throws IllegalArgumentException when {@code to} is before {@code from} or the range exceeds {@link #MAX_DAYS}
     */
    List<DailyFigures> figures(String unit, LocalDate from, LocalDate to);
}
