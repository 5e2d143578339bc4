package vn.citizenqa.functions;

import java.lang.System.Logger.Level;
import java.util.Locale;

/**
 * Times the steps of a container's init (index, assistant, JSON, store, channels) when asked to, so a cold start
 * can be taken apart: {@code CITIZENQA_INIT_TIMES=true} in the environment (or {@code -Dcitizenqa.initTimes=true})
 * logs one line per step, {@code citizenqa.init: STEP 12.3 ms}. Otherwise a step costs one {@code nanoTime} pair.
 */
public final class InitSteps {

    private static final System.Logger LOG = vn.citizenqa.core.logging.DeferredLogger.of("citizenqa.init");
    private static final boolean ENABLED = Boolean.parseBoolean(System.getProperty("citizenqa.initTimes",
            System.getenv().getOrDefault("CITIZENQA_INIT_TIMES", "false")));

    private InitSteps() {
    }

    /** One step's work; it may throw what the step throws. */
    @FunctionalInterface
    public interface Step<T, E extends Exception> {
        T run() throws E;
    }

    /** The assistant's parts (search, triage, follow-ups…), each timed as a step of its own. */
    static final vn.citizenqa.core.startup.StartSteps STEPS = new vn.citizenqa.core.startup.StartSteps() {
        @Override
        public <T> T time(String step, java.util.function.Supplier<T> work) {
            return InitSteps.time(step, work::get);
        }
    };

    /** Runs one step of init and logs how long it took when init times are asked for. */
    public static <T, E extends Exception> T time(String step, Step<T, E> work) throws E {
        long start = System.nanoTime();
        try {
            return work.run();
        } finally {
            if (ENABLED) {
                LOG.log(Level.INFO, "{0} {1} ms", step, String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e6));
            }
        }
    }
}
