package vn.citizenqa.functions;

import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import vn.citizenqa.functions.watch.EmbeddedMetrics;
import vn.citizenqa.functions.watch.EmbeddedMetrics.Metric;
import vn.citizenqa.functions.watch.UrgentBacklog;

/**
 * The queue watch, run on a schedule (every 5 minutes in template.yaml): looks at every unit's queue and writes
 * how long the oldest OPEN URGENT escalation has waited as a CloudWatch metric (an embedded-metric log line), on
 * which template.yaml's alarm fires. The scheduled event's content does not matter.
 */
public final class QueueWatchHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    /** Seconds the oldest OPEN URGENT escalation has waited; 0 when there is none. */
    public static final String OLDEST_AGE_METRIC = "OldestOpenUrgentEscalationAgeSeconds";
    /** How many units have at least one OPEN URGENT escalation. */
    public static final String UNITS_METRIC = "UnitsWithOpenUrgentEscalation";

    static {
        LogFormat.install();
    }

    private final UrgentBacklog backlog;
    private final Clock clock;
    private final PrintStream log;

    public QueueWatchHandler() {
        this(new UrgentBacklog(Wiring.store(), Clock.systemUTC()), Clock.systemUTC(), System.out);
    }

    public QueueWatchHandler(UrgentBacklog backlog, Clock clock, PrintStream log) {
        this.backlog = backlog;
        this.clock = clock;
        this.log = log;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        UrgentBacklog.Finding finding = backlog.look();
        Map<String, String> where = new LinkedHashMap<>();
        if (finding.oldest() != null) {
            where.put("oldestUnit", finding.oldest().unit());
            where.put("oldestEscalationId", finding.oldest().id());
        }
        log.println(EmbeddedMetrics.line(clock.instant(), Map.of(
                OLDEST_AGE_METRIC, new Metric(finding.oldestAgeSeconds(), "Seconds"),
                UNITS_METRIC, new Metric(finding.unitsWithOpenUrgent().size(), "Count")), where));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("unitsLooked", finding.unitsLooked());
        result.put("unitsWithOpenUrgent", finding.unitsWithOpenUrgent());
        result.put("oldestOpenUrgentAgeSeconds", finding.oldestAgeSeconds());
        where.forEach(result::put);
        return result;
    }
}
