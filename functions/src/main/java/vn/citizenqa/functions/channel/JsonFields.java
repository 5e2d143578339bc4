package vn.citizenqa.functions.channel;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reading the platforms' JSON. Numbers are read as big decimals' exact text, so an id sent as a number is
 * never rounded through a double or a long.
 */
public final class JsonFields {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    /** Enough for any id or time a platform sends as a number. */
    private static final int MAX_PLAIN_SCALE = 64;

    private JsonFields() {
    }

    /** The body as a JSON object, or null when it is not one. */
    public static JsonNode object(byte[] body) {
        try {
            JsonNode n = MAPPER.readTree(body);
            return n != null && n.isObject() ? n : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** A tree we built, as JSON text. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** A tree as indented JSON, {@code "key": value} as people write it, with a final newline. */
    public static String pretty(JsonNode node) {
        var printer = new com.fasterxml.jackson.core.util.DefaultPrettyPrinter().withSeparators(
                com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER));
        try {
            return MAPPER.writer(printer).writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** The text at a path of field names, or null when absent, null or empty. Numbers come back as their digits. */
    public static String text(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            if (n == null) {
                return null;
            }
            n = n.get(p);
        }
        if (n == null || n.isNull() || n.isContainerNode()) {
            return null;
        }
        String t = n.isBigDecimal() ? plain(n.decimalValue()) : n.asText();
        return t.isEmpty() ? null : t;
    }

    /**
     * A decimal's digits without an exponent, as an id sent as a number needs; but {@code 1e999999999} written out
     * would be a billion characters (anyone can send it, before any signature is checked), so a far exponent stays.
     */
    private static String plain(java.math.BigDecimal d) {
        return Math.abs((long) d.scale()) <= MAX_PLAIN_SCALE ? d.toPlainString() : d.toString();
    }

    /** Epoch milliseconds sent as a number or a string, or null when absent or not a number. */
    public static Instant millis(JsonNode node, String field) {
        String t = text(node, field);
        if (t == null) {
            return null;
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(t.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
