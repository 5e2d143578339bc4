package vn.citizenqa.functions;

import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

import vn.citizenqa.functions.logging.JsonLogFormatter;

/**
 * Every log record (java.util.logging and System.Logger alike) as one JSON object per line on standard error, at the
 * level {@code AWS_LAMBDA_LOG_LEVEL} (what Lambda sets from the template's {@code LogLevel}) or {@code LOG_LEVEL} names.
 */
public final class LogFormat {

    /**
     * Lucene says at every start that the incubating vector module is not enabled; on Lambda it cannot be, and
     * searching a few-MB index gains nothing from it. Held here so the setting is not garbage-collected.
     */
    private static final Logger LUCENE_VECTORIZATION =
            Logger.getLogger("org.apache.lucene.internal.vectorization.VectorizationProvider");
    private static final Logger ROOT = Logger.getLogger("");

    private static volatile boolean installed;

    private LogFormat() {
    }

    /** Must run before the first log record; running it again changes nothing. */
    public static void install() {
        install(System.getenv());
    }

    static synchronized void install(Map<String, String> env) {
        LUCENE_VECTORIZATION.setLevel(Level.SEVERE);
        if (installed) {
            return;
        }
        String name = env.getOrDefault("AWS_LAMBDA_LOG_LEVEL", env.get("LOG_LEVEL"));
        Level level = JsonLogFormatter.level(name);
        Handler console = null;
        for (Handler h : ROOT.getHandlers()) {
            if (h instanceof ConsoleHandler) {
                console = h;
            }
        }
        if (console == null) {
            console = new ConsoleHandler();
            ROOT.addHandler(console);
        }
        console.setFormatter(new JsonLogFormatter());
        console.setLevel(level);
        ROOT.setLevel(level);
        installed = true;
    }
}
