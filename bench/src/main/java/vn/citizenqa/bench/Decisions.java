package vn.citizenqa.bench;

import java.util.Arrays;
import java.util.List;

import vn.citizenqa.core.Assistant;
import vn.citizenqa.core.model.ConversationContext;

/**
 * The full decision (triage, search, draft; no I/O) for every question of a set, on one thread: warmed up first,
 * then each decision timed on its own. What one core does with a stream of messages.
 */
final class Decisions {

    private Decisions() {
    }

    /** The timed decisions and the rate of the timed rounds (wall clock over them). */
    /** The checksum (of the replies' lengths) keeps every decision's result in use, so none can be optimised away. */
    record Measured(Latencies latencies, double perSecond, long checksum) {
    }

    static Measured measure(Assistant assistant, List<String> texts, double warmupSeconds, double seconds) {
        long checksum = 0;
        long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        for (int round = 0; round < 3 || System.nanoTime() < warmEnd; round++) {
            for (String t : texts) {
                checksum += assistant.decide(t, ConversationContext.NONE).reply().length();
            }
        }
        long[] samples = new long[texts.size() * 16];
        int n = 0;
        long start = System.nanoTime();
        long stop = start + (long) (seconds * 1e9);
        do {
            for (String t : texts) {
                long s = System.nanoTime();
                var decision = assistant.decide(t, ConversationContext.NONE);
                long e = System.nanoTime();
                checksum += decision.reply().length();
                if (n == samples.length) {
                    samples = Arrays.copyOf(samples, n * 2);
                }
                samples[n++] = e - s;
            }
        } while (System.nanoTime() < stop);
        long wall = System.nanoTime() - start;
        return new Measured(Latencies.of(samples, n), n / (wall / 1e9), checksum);
    }

    /** Used heap after a full collection, in bytes. */
    static long heapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
