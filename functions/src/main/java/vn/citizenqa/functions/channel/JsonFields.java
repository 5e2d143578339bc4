package vn.citizenqa.functions.channel;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reading and writing the platforms' JSON as trees. Numbers are read as big integers and decimals, so an id sent as
 * a number is never rounded through a double or a long.
 * <p>
 * Trees are read and written with Jackson's streaming parser and generator, node by node, not through an
 * {@code ObjectMapper}: building one loads some three hundred classes of data binding that a tree never uses,
 * a fifth of a second of a cold start.
 */
public final class JsonFields {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Enough for any id or time a platform sends as a number. */
    private static final int MAX_PLAIN_SCALE = 64;

    private JsonFields() {
    }

    /** A new, empty JSON object. */
    public static ObjectNode newObject() {
        return NODES.objectNode();
    }

    /** The JSON text as a tree; a {@link MissingNode} when there is none. @throws IOException when it is not JSON */
    public static JsonNode read(byte[] json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            return readDocument(p);
        }
    }

    /** The JSON text as a tree; a {@link MissingNode} when there is none. @throws IOException when it is not JSON */
    public static JsonNode read(String json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            return readDocument(p);
        }
    }

    /** The body as a JSON object, or null when it is not one. */
    public static JsonNode object(byte[] body) {
        try {
            JsonNode n = read(body);
            return n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A tree we built, as JSON text. */
    public static String write(JsonNode node) {
        return write(node, false);
    }

    /** A tree as indented JSON, {@code "key": value} as people write it, with a final newline. */
    public static String pretty(JsonNode node) {
        return write(node, true) + "\n";
    }

    private static String write(JsonNode node, boolean pretty) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (pretty) {
                g.setPrettyPrinter(new DefaultPrettyPrinter().withSeparators(
                        Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
            }
            writeNode(node, g);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON", e);
        }
        return out.toString();
    }

    private static JsonNode readDocument(JsonParser p) throws IOException {
        return p.nextToken() == null ? MissingNode.getInstance() : readValue(p);
    }

    private static JsonNode readValue(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    o.set(name, readValue(p));
                }
                yield o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(readValue(p));
                }
                yield a;
            }
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IOException("unexpected " + p.currentToken() + " in JSON");
        };
    }

    private static void writeNode(JsonNode n, JsonGenerator g) throws IOException {
        switch (n.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> e : n.properties()) {
                    g.writeFieldName(e.getKey());
                    writeNode(e.getValue(), g);
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode child : n) {
                    writeNode(child, g);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(n.textValue());
            case BOOLEAN -> g.writeBoolean(n.booleanValue());
            case NUMBER -> {
                switch (n.numberType()) {
                    case INT -> g.writeNumber(n.intValue());
                    case LONG -> g.writeNumber(n.longValue());
                    case BIG_INTEGER -> g.writeNumber(n.bigIntegerValue());
                    case FLOAT -> g.writeNumber(n.floatValue());
                    case DOUBLE -> g.writeNumber(n.doubleValue());
                    case BIG_DECIMAL -> g.writeNumber(n.decimalValue());
                }
            }
            case NULL, MISSING -> g.writeNull();
            case BINARY -> g.writeBinary(n.binaryValue());
            case POJO -> throw new IllegalArgumentException("a JSON tree of plain nodes was expected, not " + n.getClass().getName());
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
