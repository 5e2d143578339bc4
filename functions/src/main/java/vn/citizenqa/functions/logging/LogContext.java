package vn.citizenqa.functions.logging;

import java.util.EnumMap;
import java.util.Map;

/**
 * The fields of the request being handled on this thread that every log line carries: set by the edge (the handler
 * the request id, the webhook the channel, the officer API the officer's unit, either the outcome), cleared when the
 * request is done. Only identifiers and kinds go here, never a citizen's text, a token or a secret.
 */
public final class LogContext {

    public enum Field {
        REQUEST_ID("requestId"), CHANNEL("channel"), UNIT("unit"), OUTCOME("outcome");

        private final String jsonName;

        Field(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }
    }

    private static final ThreadLocal<Map<Field, String>> FIELDS = ThreadLocal.withInitial(() -> new EnumMap<>(Field.class));

    private LogContext() {
    }

    /** Starts a request's context: what an earlier request on this thread left is dropped. */
    public static void begin(String requestId) {
        FIELDS.get().clear();
        put(Field.REQUEST_ID, requestId);
    }

    /**
     * Starts a context with this request id unless one is running on this thread (the worker's message on the
     * in-process queue's own thread has none; in Lambda the invocation's id is kept).
     *
     * @return whether a context was started here, to be ended by the caller
     */
    public static boolean beginUnlessRunning(String requestId) {
        if (FIELDS.get().containsKey(Field.REQUEST_ID)) {
            return false;
        }
        begin(requestId);
        return true;
    }

    /** Sets a field (null removes it). */
    public static void put(Field field, String value) {
        if (value == null || value.isBlank()) {
            FIELDS.get().remove(field);
        } else {
            FIELDS.get().put(field, value);
        }
    }

    /** Lambda's request id when there is a context (in Lambda), else the HTTP API's (serve, tests). */
    public static String requestId(com.amazonaws.services.lambda.runtime.Context context, String httpApiRequestId) {
        return context != null && context.getAwsRequestId() != null ? context.getAwsRequestId() : httpApiRequestId;
    }

    public static void end() {
        FIELDS.remove();
    }

    /** The fields set now, in the order of {@link Field}. */
    static Map<Field, String> current() {
        return Map.copyOf(FIELDS.get());
    }
}
