package vn.citizenqa.functions.logging;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * One JSON object per line, which CloudWatch Logs Insights and metric filters read (and Lambda's JSON log format keeps
 * as it is): {@code timestamp}, {@code level} (Lambda's names: TRACE DEBUG INFO WARN ERROR), {@code logger},
 * {@code message}, the request's {@link LogContext} fields, and for a failure its type and message (no stack trace:
 * one record stays one line). java.util.logging and System.Logger both end here.
 */
public final class JsonLogFormatter extends Formatter {

    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public String format(LogRecord record) {
        StringWriter out = new StringWriter(160);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("timestamp", Instant.ofEpochMilli(record.getMillis()).toString());
            g.writeStringField("level", levelName(record.getLevel()));
            g.writeStringField("logger", record.getLoggerName());
            g.writeStringField("message", formatMessage(record));
            Map<LogContext.Field, String> context = LogContext.current();
            for (LogContext.Field field : LogContext.Field.values()) {
                String value = context.get(field);
                if (value != null) {
                    g.writeStringField(field.jsonName(), value);
                }
            }
            Throwable thrown = record.getThrown();
            if (thrown != null) {
                g.writeStringField("errorType", thrown.getClass().getName());
                g.writeStringField("errorMessage", String.valueOf(thrown.getMessage()));
            }
            g.writeEndObject();
        } catch (IOException e) {
            return "{\"level\":\"ERROR\",\"message\":\"a log record could not be written\"}" + System.lineSeparator();
        }
        return out + System.lineSeparator();
    }

    /** java.util.logging's levels by the names Lambda's log-level filter uses. */
    static String levelName(Level level) {
        int v = level.intValue();
        if (v >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (v >= Level.WARNING.intValue()) {
            return "WARN";
        }
        if (v >= Level.INFO.intValue()) {
            return "INFO";
        }
        return v >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }

    /** The java.util.logging level for one of Lambda's level names (as {@code AWS_LAMBDA_LOG_LEVEL} holds it), else INFO. */
    public static Level level(String lambdaName) {
        return switch (lambdaName == null ? "" : lambdaName.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "TRACE" -> Level.FINEST;
            case "DEBUG" -> Level.FINE;
            case "WARN" -> Level.WARNING;
            case "ERROR", "FATAL" -> Level.SEVERE;
            default -> Level.INFO;
        };
    }
}
