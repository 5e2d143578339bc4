package vn.citizenqa.bench;

import java.util.Arrays;
import java.util.List;

import vn.citizenqa.core.Assistant;
import vn.citizenqa.core.answer.ReplyDrafter;
import vn.citizenqa.core.model.ConversationContext;

/**
 * The full decision (triage, search, draft; no I/O) for every question of a set, on one thread: warmed up first,
 * then each decision timed on its own. What one core does with a stream of messages.
 */
final class Decisions {

    private Decisions() {
    }

    /**
     * The timed decisions and the rate of the timed rounds (wall clock over them).
     *
     * @param latencies each decision's wall-clock time
     * @param cpu each decision's CPU time on its thread: the wall-clock time less any wait for a core on a busy machine
     * @param perSecond decisions per second of wall-clock time over the timed rounds
     * @param perCpuSecond decisions per second of this thread's CPU time: what one core does, whatever else runs
     * @param checksum of the replies' lengths: keeps every decision's result in use, so none can be optimised away
     */
    record Measured(Latencies latencies, Latencies cpu, double perSecond, double perCpuSecond, long checksum) {
    }

    /** Rounds over the questions before timing: by count, so that the JIT has compiled the path even on a busy machine. */
    static final int WARMUP_ROUNDS = 20;
    /** Timed rounds at least, however short the timed seconds. */
    static final int TIMED_ROUNDS = 5;

    static Measured measure(Assistant assistant, List<String> texts, double warmupSeconds, double seconds) {
        long checksum = 0;
        ReplyDrafter drafter = new ReplyDrafter(assistant.knowledgeBase());
        long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        for (int round = 0; round < WARMUP_ROUNDS || System.nanoTime() < warmEnd; round++) {
            for (String t : texts) {
                var d = assistant.decide(t, ConversationContext.NONE);
                checksum += drafter.text(d.reply(), d.language()).length();
            }
        }
        long[] samples = new long[texts.size() * 16];
        long[] cpuSamples = new long[samples.length];
        int n = 0;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long stop = start + (long) (seconds * 1e9);
        int round = 0;
        do {
            round++;
            for (String t : texts) {
                long c = threads.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                var decision = assistant.decide(t, ConversationContext.NONE);
                String reply = drafter.text(decision.reply(), decision.language());
                long e = System.nanoTime();
                long ce = threads.getCurrentThreadCpuTime();
                checksum += reply.length();
                if (n == samples.length) {
                    samples = Arrays.copyOf(samples, n * 2);
                    cpuSamples = Arrays.copyOf(cpuSamples, n * 2);
                }
                cpuSamples[n] = ce - c;
                samples[n++] = e - s;
            }
        } while (round < TIMED_ROUNDS || System.nanoTime() < stop);
        long wall = System.nanoTime() - start;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        return new Measured(Latencies.of(samples, n), Latencies.of(cpuSamples, n), n / (wall / 1e9), n / (cpu / 1e9), checksum);
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
