package vn.citizenqa.core.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeferredLoggerTest {

    private final Logger platform = Logger.getLogger("citizenqa.deferred-test");
    private final List<LogRecord> records = new ArrayList<>();
    @AfterEach
    void tearDown() {
        platform.setFilter(null);
        DeferredLogger.beforeFirstUse(() -> { });
    }

    @Test
    void theSetUpRunsWhenSomethingIsFirstLoggedNotWhenTheLoggerIsMade() {
        AtomicInteger setUps = new AtomicInteger();
        DeferredLogger.beforeFirstUse(setUps::incrementAndGet);
        System.Logger log = DeferredLogger.of("citizenqa.deferred-test");
        assertEquals("citizenqa.deferred-test", log.getName());
        assertEquals(0, setUps.get());

        log.log(Level.DEBUG, "not shown at INFO");
        assertEquals(1, setUps.get());
        log.log(Level.INFO, "again");
        assertEquals(1, setUps.get(), "one logger resolves once");
    }

    @Test
    void recordsReachThePlatformsLoggerOfTheSameNameWithTheirParametersAndFailure() {
        // Kept by a filter that lets nothing through: the records are seen as the platform's logger gets them, and not printed.
        platform.setFilter(r -> !records.add(r));
        System.Logger log = DeferredLogger.of("citizenqa.deferred-test");
        IllegalStateException failure = new IllegalStateException("queue down");

        log.log(Level.WARNING, "page {0}: {1} ignored", "388613280878808645", "seen");
        log.log(Level.ERROR, "the queue is unreachable", failure);

        assertEquals(2, records.size());
        assertEquals(java.util.logging.Level.WARNING, records.get(0).getLevel());
        assertEquals("citizenqa.deferred-test", records.get(0).getLoggerName());
        assertEquals("page 388613280878808645: seen ignored",
                new java.util.logging.SimpleFormatter().formatMessage(records.get(0)));
        assertEquals(java.util.logging.Level.SEVERE, records.get(1).getLevel());
        assertSame(failure, records.get(1).getThrown());
    }

    @Test
    void isLoggableFollowsThePlatformsLevel() {
        java.util.logging.Level before = platform.getLevel();
        platform.setLevel(java.util.logging.Level.WARNING);
        try {
            System.Logger log = DeferredLogger.of("citizenqa.deferred-test");
            assertFalse(log.isLoggable(Level.INFO));
            assertTrue(log.isLoggable(Level.ERROR));
        } finally {
            platform.setLevel(before);
        }
    }
}
