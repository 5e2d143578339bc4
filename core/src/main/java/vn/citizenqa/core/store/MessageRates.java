package vn.citizenqa.core.store;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import vn.citizenqa.core.model.ConversationKey;

/**
 * How many messages each citizen sent a page in each minute, for the rate limit. One counter per citizen and minute,
 * grown by a single conditional write, so every container of every function counts on the same number; the counters
 * expire soon after their minute.
 */
public interface MessageRates {

    /** How long a minute's counter is kept after the minute ends (its expiry; nothing reads it after the minute). */
    Duration KEPT_AFTER = Duration.ofMinutes(10);

    /**
     * Counts one more message from the citizen in the minute of {@code at} and returns the new count; a count that
     * has reached {@code cap} stays there, and each further message of that minute returns {@code cap + 1} without
     * being counted (a flood does not grow the counter, nor cost more than one refused write per message).
     *
     * @param cap at least 1
     */
    long count(ConversationKey citizen, Instant at, long cap);

    /** The minute a message at {@code at} is counted in. */
    static Instant minuteOf(Instant at) {
        return at.truncatedTo(ChronoUnit.MINUTES);
    }
}
