package vn.citizenqa.functions.watch;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.citizenqa.functions.channel.JsonFields;

/**
 * CloudWatch embedded metric format: one JSON log line that CloudWatch Logs turns into metric values, with no
 * metrics API call and no extra permission (the function only writes its log, as it does anyway).
 */
public final class EmbeddedMetrics {

    /** The namespace of citizen-qa's own metrics (template.yaml's alarms read them there). */
    public static final String NAMESPACE = "CitizenQa";

    private EmbeddedMetrics() {
    }

    /**
     * @param metrics name → (value, CloudWatch unit such as {@code Seconds} or {@code Count}), published without dimensions
     * @param context extra fields kept in the log line only (not metrics)
     */
    public static String line(Instant at, Map<String, Metric> metrics, Map<String, String> context) {
        ObjectNode root = JsonFields.newObject();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", at.toEpochMilli());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        // One empty dimension set: each metric is published once, for the whole deployment.
        directive.putArray("Dimensions").addArray();
        ArrayNode definitions = directive.putArray("Metrics");
        metrics.forEach((name, metric) -> {
            definitions.addObject().put("Name", name).put("Unit", metric.unit());
            root.put(name, metric.value());
        });
        context.forEach(root::put);
        return JsonFields.write(root);
    }

    public record Metric(long value, String unit) {
    }
}
