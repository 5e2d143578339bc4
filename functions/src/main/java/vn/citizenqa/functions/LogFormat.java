package vn.citizenqa.functions;

/** One line per log record (level, logger, message), which is what CloudWatch and a terminal read best. */
public final class LogFormat {

    private static final String PROPERTY = "java.util.logging.SimpleFormatter.format";

    private LogFormat() {
    }

    /** Must run before the first log record; leaves an operator's own format alone. */
    public static void install() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "%4$s %3$s: %5$s%6$s%n");
        }
    }
}
