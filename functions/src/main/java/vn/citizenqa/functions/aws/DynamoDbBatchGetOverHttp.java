package vn.citizenqa.functions.aws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import vn.citizenqa.core.store.StoreUnavailableException;

/**
 * DynamoDB's {@code BatchGetItem} of a few scalar attributes of items keyed by two strings, in DynamoDB's JSON protocol
 * over {@link AwsJsonHttp}, written and read with Jackson's streaming parser: none of the SDK's model classes (an
 * {@code AttributeValue} alone brings some fifty classes of fields, traits and builders, 70 ms of the webhook's first
 * request) is loaded. The webhook's one store call: whether a delivery's messages are answered already.
 * Strongly consistent, as the claims' conditional writes decide on what was just written.
 */
public final class DynamoDbBatchGetOverHttp {

    private static final JsonFactory JSON = new JsonFactory();

    /** An item's key: its partition and sort key values (both strings). */
    public record Key(String pk, String sk) {
    }

    /**
     * What one call read: each item found as its projected scalar attributes' text ({@code S}, {@code N}, or
     * {@code true}/{@code false} for {@code BOOL}; other types are left out), and the keys DynamoDB left unprocessed.
     */
    public record Batch(List<Map<String, String>> items, List<Key> unprocessed) {
    }

    private final AwsJsonHttp http;
    private final String pkName;
    private final String skName;

    public DynamoDbBatchGetOverHttp(AwsJsonHttp http, String pkName, String skName) {
        this.http = http;
        this.pkName = pkName;
        this.skName = skName;
    }

    /**
     * One call for at most 100 keys.
     *
     * @throws StoreUnavailableException when DynamoDB cannot be reached, throttles or fails after the retries, or the table does not exist
     * @throws IllegalStateException     when DynamoDB refuses the request itself (a validation error: a bug here)
     */
    public Batch read(String table, List<Key> keys, List<String> attributes) {
        if (keys.size() > 100) {
            throw new IllegalArgumentException("BatchGetItem takes at most 100 keys, not " + keys.size());
        }
        AwsJsonHttp.Answer answer;
        try {
            answer = http.call("BatchGetItem", body(table, keys, attributes, pkName, skName), Map.of());
        } catch (AwsJsonHttp.Unreachable e) {
            throw new StoreUnavailableException("DynamoDB unreachable (batch read on table '" + table + "'): " + e.getMessage(), e);
        }
        return switch (answer) {
            case AwsJsonHttp.Answer.Ok ok -> batch(ok.body(), table);
            case AwsJsonHttp.Answer.Refused r when "ResourceNotFoundException".equals(r.code()) -> throw new StoreUnavailableException(
                    "DynamoDB table '" + table + "' does not exist (create it with `citizen-qa.jar setup-table` or deploy template.yaml)", null);
            case AwsJsonHttp.Answer.Refused r when r.status() >= 500 || r.throttling() -> throw new StoreUnavailableException(
                    "DynamoDB batch read failed after retries on table '" + table + "': " + r.code() + " " + r.message(), null);
            case AwsJsonHttp.Answer.Refused r -> throw new IllegalStateException("DynamoDB refused a batch read on table '" + table
                    + "': " + r.code() + " " + r.message() + " (Status Code: " + r.status() + ", Request ID: " + r.requestId() + ")");
        };
    }

    /** The request: the keys, strongly consistent, the attributes projected through placeholder names (no reserved words). */
    static byte[] body(String table, List<Key> keys, List<String> attributes, String pkName, String skName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 96 * keys.size());
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("RequestItems");
            g.writeObjectFieldStart(table);
            g.writeArrayFieldStart("Keys");
            for (Key k : keys) {
                g.writeStartObject();
                stringAttribute(g, pkName, k.pk());
                stringAttribute(g, skName, k.sk());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeBooleanField("ConsistentRead", true);
            if (!attributes.isEmpty()) {
                StringBuilder projection = new StringBuilder();
                for (int i = 0; i < attributes.size(); i++) {
                    projection.append(i == 0 ? "" : ", ").append("#a").append(i);
                }
                g.writeStringField("ProjectionExpression", projection.toString());
                g.writeObjectFieldStart("ExpressionAttributeNames");
                for (int i = 0; i < attributes.size(); i++) {
                    g.writeStringField("#a" + i, attributes.get(i));
                }
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a request body", e); // into memory: cannot happen
        }
        return out.toByteArray();
    }

    private static void stringAttribute(JsonGenerator g, String name, String value) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("S", value);
        g.writeEndObject();
    }

    /** The answer: {@code Responses.<table>} items and {@code UnprocessedKeys.<table>.Keys}; anything else skipped. */
    Batch batch(byte[] answer, String table) {
        List<Map<String, String>> items = new ArrayList<>();
        List<Key> unprocessed = new ArrayList<>();
        try (JsonParser p = JSON.createParser(answer)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw notRead(table, "not a JSON object", null);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_OBJECT && name.equals("Responses")) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        boolean ours = p.currentName().equals(table);
                        if (p.nextToken() == JsonToken.START_ARRAY && ours) {
                            while (p.nextToken() == JsonToken.START_OBJECT) {
                                items.add(item(p));
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                } else if (t == JsonToken.START_OBJECT && name.equals("UnprocessedKeys")) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        boolean ours = p.currentName().equals(table);
                        if (p.nextToken() == JsonToken.START_OBJECT && ours) {
                            unprocessedKeys(p, unprocessed);
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw notRead(table, "not JSON: " + e.getMessage(), e);
        }
        return new Batch(items, unprocessed);
    }

    private void unprocessedKeys(JsonParser p, List<Key> unprocessed) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            boolean keys = p.currentName().equals("Keys");
            if (p.nextToken() == JsonToken.START_ARRAY && keys) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    Map<String, String> key = item(p);
                    unprocessed.add(new Key(key.get(pkName), key.get(skName)));
                }
            } else {
                p.skipChildren();
            }
        }
    }

    /** An item's scalar attributes ({@code {"name": {"S": "..."}}}) as text; sets, lists, maps and nulls left out. */
    private static Map<String, String> item(JsonParser p) throws IOException {
        Map<String, String> attributes = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (p.nextToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String type = p.currentName();
                JsonToken v = p.nextToken();
                if ((type.equals("S") || type.equals("N")) && v == JsonToken.VALUE_STRING
                        || type.equals("BOOL") && (v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE)) {
                    attributes.put(name, p.getText());
                } else {
                    p.skipChildren();
                }
            }
        }
        return attributes;
    }

    private static StoreUnavailableException notRead(String table, String why, Exception cause) {
        return new StoreUnavailableException("DynamoDB's answer to a batch read on table '" + table + "' is " + why, cause);
    }
}
