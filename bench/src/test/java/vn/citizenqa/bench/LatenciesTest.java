package vn.citizenqa.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankOverTheSortedSamples() {
        long[] samples = new long[1000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 1000 - i; // 1000 down to 1, unsorted on purpose
        }
        Latencies l = Latencies.of(samples, samples.length);
        assertEquals(500, l.percentile(50));
        assertEquals(990, l.percentile(99));
        assertEquals(1000, l.percentile(100));
        assertEquals(1000, l.max());
        assertEquals(1, l.percentile(0.01));
    }

    @Test
    void onlyTheCountedSamplesAreUsed() {
        Latencies l = Latencies.of(new long[] {7, 3, 0, 0}, 2);
        assertEquals(2, l.count());
        assertEquals(3, l.percentile(50));
        assertEquals(5.0, l.meanNanos());
    }

    @Test
    void aRateIsOneSecondOverTheMeanDuration() {
        Latencies l = Latencies.of(new long[] {250_000, 750_000}, 2);
        assertEquals(2000.0, l.perSecond(), 1e-9);
    }

    @Test
    void noSamplesOrAPercentOutsideTheRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Latencies.of(new long[0], 0));
        Latencies l = Latencies.of(new long[] {1}, 1);
        assertThrows(IllegalArgumentException.class, () -> l.percentile(0));
        assertThrows(IllegalArgumentException.class, () -> l.percentile(101));
    }
}
