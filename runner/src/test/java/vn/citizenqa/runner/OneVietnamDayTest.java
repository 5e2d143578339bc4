package vn.citizenqa.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import vn.citizenqa.core.store.StoreSettings;

class OneVietnamDayTest {

    private static ZonedDateTime hanoi(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(StoreSettings.VIETNAM);
    }

    @Test
    void noWaitWhenTheTestFitsBeforeMidnight() {
        assertEquals(Duration.ZERO, OneVietnamDay.waitNeeded(hanoi("2026-12-03T10:00:00"), Duration.ofMinutes(3)));
        assertEquals(Duration.ZERO, OneVietnamDay.waitNeeded(hanoi("2026-12-03T23:56:59"), Duration.ofMinutes(3)));
    }

    @Test
    void waitsPastMidnightWhenTheDayEndsTooSoon() {
        // 23:58:30 in Hà Nội is 16:58:30 UTC: 90 s to midnight, and 2 s more.
        assertEquals(Duration.ofSeconds(92),
                OneVietnamDay.waitNeeded(hanoi("2026-12-03T23:58:30"), Duration.ofMinutes(3)));
        assertEquals(Duration.ofSeconds(182),
                OneVietnamDay.waitNeeded(hanoi("2026-12-03T23:57:00"), Duration.ofMinutes(3)));
    }
}
