package vn.citizenqa.functions;

/** One line per log record (level, logger, message), which is what CloudWatch and a terminal read best. */
public final class LogFormat {

    private static final String PROPERTY = "java.util.logging.SimpleFormatter.format";

    /**
     * Lucene says at every start that the incubating vector module is not enabled; on Lambda it cannot be, and
     * searching a few-MB index gains nothing from it. Held here so the setting is not garbage-collected.
     */
    private static final java.util.logging.Logger LUCENE_VECTORIZATION =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization.VectorizationProvider");

    private LogFormat() {
    }

    /** Must run before the first log record; leaves an operator's own format alone. */
    public static void install() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "%4$s %3$s: %5$s%6$s%n");
        }
        LUCENE_VECTORIZATION.setLevel(java.util.logging.Level.SEVERE);
    }
}
