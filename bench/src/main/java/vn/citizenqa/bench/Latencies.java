package vn.citizenqa.bench;

import java.util.Arrays;

/**
 * A set of measured durations (nanoseconds) and the figures read from them: percentiles by the nearest-rank
 * method (the p99 of 1,000 samples is the 990th smallest), the mean, and the rate one thread achieves.
 */
record Latencies(long[] sortedNanos) {

    Latencies {
        sortedNanos = sortedNanos.clone();
        Arrays.sort(sortedNanos);
        if (sortedNanos.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
    }

    static Latencies of(long[] nanos, int count) {
        return new Latencies(Arrays.copyOf(nanos, count));
    }

    int count() {
        return sortedNanos.length;
    }

    /** The smallest sample at or above {@code percent}% of the samples. */
    long percentile(double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be in (0, 100]: " + percent);
        }
        int rank = (int) Math.ceil(percent / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(rank, 1) - 1];
    }

    long max() {
        return sortedNanos[sortedNanos.length - 1];
    }

    double meanNanos() {
        double sum = 0;
        for (long n : sortedNanos) {
            sum += n;
        }
        return sum / sortedNanos.length;
    }

    /** Operations per second for one thread doing them back to back. */
    double perSecond() {
        return 1e9 / meanNanos();
    }

    static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.3f ms", nanos / 1e6);
    }
}
