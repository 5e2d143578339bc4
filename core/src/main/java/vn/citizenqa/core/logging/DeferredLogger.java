package vn.citizenqa.core.logging;

import java.util.ResourceBundle;

/**
 * A {@link System.Logger} that asks {@link System#getLogger} for its logger only when something is first logged or
 * asked whether it would be. Getting a logger from the platform starts its logging back end (java.util.logging: its
 * log manager, configuration and handlers, some 30 classes and 70–100 ms of CPU in a cold JVM); a path that logs
 * nothing when all goes well, as the webhook's does, then never starts it. Records end where {@code System.getLogger}
 * would have sent them, the same logger by the same name.
 */
public final class DeferredLogger implements System.Logger {

    private static volatile Runnable beforeFirstUse = () -> { };

    private final String name;
    private volatile System.Logger logger;

    private DeferredLogger(String name) {
        this.name = name;
    }

    /** A logger of this name, the platform's own taken at first use. */
    public static System.Logger of(String name) {
        return new DeferredLogger(name);
    }

    /**
     * What must run once before any deferred logger reaches the platform's (a function sets up its log format there).
     * Running it is the caller's concern to make idempotent.
     */
    public static void beforeFirstUse(Runnable setUp) {
        beforeFirstUse = setUp;
    }

    private System.Logger logger() {
        System.Logger l = logger;
        if (l == null) {
            beforeFirstUse.run();
            l = System.getLogger(name);
            logger = l;
        }
        return l;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isLoggable(Level level) {
        return logger().isLoggable(level);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        logger().log(level, bundle, message, thrown);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        logger().log(level, bundle, format, params);
    }
}
