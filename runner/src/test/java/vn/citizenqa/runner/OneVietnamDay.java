package vn.citizenqa.runner;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import vn.citizenqa.core.store.StoreSettings;

/**
 * For end-to-end tests whose assertions name the day (a plate file "cập nhật đến 03/12/2026", a unit's figures for
 * today): the local server and the test each read the system clock, and the day they read is Vietnam's. A test that
 * began a few seconds before midnight in Vietnam (17:00 UTC) would compare the server's new day with its own old one.
 * Such a test first calls {@link #waitIfEnding(Duration)}: when the current Vietnam day ends before the time the test
 * needs, it waits until the next day has begun, so that everything the test does falls on one calendar day.
 */
final class OneVietnamDay {

    private static final Duration MARGIN = Duration.ofSeconds(2);

    private OneVietnamDay() {
    }

    /** Waits, when needed, so that {@code needed} from now stays within one Vietnam day; returns that day. */
    static LocalDate waitIfEnding(Duration needed) throws InterruptedException {
        return waitIfEnding(needed, Clock.systemUTC());
    }

    static LocalDate waitIfEnding(Duration needed, Clock clock) throws InterruptedException {
        Duration wait = waitNeeded(ZonedDateTime.now(clock.withZone(StoreSettings.VIETNAM)), needed);
        if (!wait.isZero()) {
            Thread.sleep(wait);
        }
        return LocalDate.now(clock.withZone(StoreSettings.VIETNAM));
    }

    /** How long to wait at {@code now} (Vietnam time) so that {@code needed} fits before the next midnight. */
    static Duration waitNeeded(ZonedDateTime now, Duration needed) {
        ZonedDateTime midnight = now.toLocalDate().plusDays(1).atStartOfDay(now.getZone());
        Duration left = Duration.between(now, midnight);
        return left.compareTo(needed) > 0 ? Duration.ZERO : left.plus(MARGIN);
    }
}
