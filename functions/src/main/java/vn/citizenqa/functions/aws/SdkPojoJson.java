package vn.citizenqa.functions.aws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * The AWS JSON protocol's body of a request object of the SDK's model, and a response object read from one: every member
 * by its wire name, as the model's own field descriptions ({@link SdkField}) give it, so that no operation needs code of
 * its own. Only the model is used, none of the SDK's client machinery; Jackson's streaming parser, no data binding.
 * Members left unset (the model's auto-constructed empty lists and maps) are not written, as the SDK does not.
 */
public final class SdkPojoJson {

    static final JsonFactory JSON = JsonFactory.builder().build();
    private static final Map<Class<?>, Map<String, SdkField<?>>> BY_WIRE_NAME = new ConcurrentHashMap<>();

    private SdkPojoJson() {
    }

    /** The JSON body of {@code request}. */
    public static byte[] write(SdkPojo request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            writePojo(g, request);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a request body", e);
        }
        return out.toByteArray();
    }

    /**
     * Reads {@code body} (a JSON object; empty reads as {@code {}}) into {@code builder} and builds it.
     *
     * @throws IllegalArgumentException when the body is not the JSON this response has
     */
    @SuppressWarnings("unchecked")
    public static <T> T read(byte[] body, SdkPojo builder) {
        if (body.length > 0) {
            try (JsonParser p = JSON.createParser(body)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new IllegalArgumentException("the response is not a JSON object");
                }
                readPojo(p, builder);
            } catch (IOException e) {
                throw new IllegalArgumentException("the response is not JSON: " + e.getMessage(), e);
            }
        }
        return ((SdkBuilder<?, T>) builder).build();
    }

    private static void writePojo(JsonGenerator g, SdkPojo pojo) throws IOException {
        g.writeStartObject();
        for (SdkField<?> f : pojo.sdkFields()) {
            Object v = f.getValueOrDefault(pojo);
            if (v == null || v instanceof SdkAutoConstructList<?> || v instanceof SdkAutoConstructMap<?, ?>) {
                continue;
            }
            if (f.location() != MarshallLocation.PAYLOAD) {
                throw new IllegalArgumentException(f.memberName() + " goes in the " + f.location() + ", which this client does not write");
            }
            g.writeFieldName(f.locationName());
            writeValue(g, f, v);
        }
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, SdkField<?> f, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
            return;
        }
        MarshallingType<?> t = f.marshallingType();
        if (t == MarshallingType.STRING) {
            g.writeString((String) v);
        } else if (t == MarshallingType.SDK_POJO) {
            writePojo(g, (SdkPojo) v);
        } else if (t == MarshallingType.LIST) {
            SdkField<?> member = f.getTrait(ListTrait.class).memberFieldInfo();
            g.writeStartArray();
            for (Object e : (List<?>) v) {
                writeValue(g, member, e);
            }
            g.writeEndArray();
        } else if (t == MarshallingType.MAP) {
            SdkField<?> value = f.getTrait(MapTrait.class).valueFieldInfo();
            g.writeStartObject();
            for (Map.Entry<String, ?> e : ((Map<String, ?>) v).entrySet()) {
                g.writeFieldName(e.getKey());
                writeValue(g, value, e.getValue());
            }
            g.writeEndObject();
        } else if (t == MarshallingType.BOOLEAN) {
            g.writeBoolean((Boolean) v);
        } else if (t == MarshallingType.INTEGER || t == MarshallingType.SHORT || t == MarshallingType.BYTE) {
            g.writeNumber(((Number) v).intValue());
        } else if (t == MarshallingType.LONG) {
            g.writeNumber((Long) v);
        } else if (t == MarshallingType.DOUBLE || t == MarshallingType.FLOAT) {
            g.writeNumber(((Number) v).doubleValue());
        } else if (t == MarshallingType.BIG_DECIMAL) {
            g.writeNumber((BigDecimal) v);
        } else if (t == MarshallingType.SDK_BYTES) {
            g.writeString(Base64.getEncoder().encodeToString(((SdkBytes) v).asByteArrayUnsafe()));
        } else if (t == MarshallingType.INSTANT) {
            // The JSON protocols' timestamps: epoch seconds, with the milliseconds as a fraction.
            g.writeNumber(BigDecimal.valueOf(((Instant) v).toEpochMilli(), 3));
        } else {
            throw new IllegalArgumentException(f.memberName() + " is of a type this client does not write (" + t + ")");
        }
    }

    private static void readPojo(JsonParser p, SdkPojo builder) throws IOException {
        Map<String, SdkField<?>> fields = BY_WIRE_NAME.computeIfAbsent(builder.getClass(), c -> byWireName(builder));
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            SdkField<?> f = fields.get(p.currentName());
            p.nextToken();
            if (f == null) {
                p.skipChildren();
                continue;
            }
            f.set(builder, readValue(p, f));
        }
    }

    private static Map<String, SdkField<?>> byWireName(SdkPojo builder) {
        Map<String, SdkField<?>> m = new HashMap<>();
        for (SdkField<?> f : builder.sdkFields()) {
            if (f.location() == MarshallLocation.PAYLOAD) {
                m.put(f.unmarshallLocationName(), f);
            }
        }
        return m;
    }

    private static Object readValue(JsonParser p, SdkField<?> f) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        MarshallingType<?> t = f.marshallingType();
        if (t == MarshallingType.STRING) {
            return p.getValueAsString();
        } else if (t == MarshallingType.SDK_POJO) {
            expect(p, JsonToken.START_OBJECT, f);
            SdkPojo b = f.constructor().get();
            readPojo(p, b);
            return ((SdkBuilder<?, ?>) b).build();
        } else if (t == MarshallingType.LIST) {
            expect(p, JsonToken.START_ARRAY, f);
            SdkField<?> member = f.getTrait(ListTrait.class).memberFieldInfo();
            List<Object> list = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                list.add(readValue(p, member));
            }
            return list;
        } else if (t == MarshallingType.MAP) {
            expect(p, JsonToken.START_OBJECT, f);
            SdkField<?> value = f.getTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> map = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                map.put(key, readValue(p, value));
            }
            return map;
        } else if (t == MarshallingType.BOOLEAN) {
            return p.getValueAsBoolean();
        } else if (t == MarshallingType.INTEGER) {
            return p.getValueAsInt();
        } else if (t == MarshallingType.LONG) {
            return p.getValueAsLong();
        } else if (t == MarshallingType.DOUBLE) {
            return p.getValueAsDouble();
        } else if (t == MarshallingType.FLOAT) {
            return (float) p.getValueAsDouble();
        } else if (t == MarshallingType.BIG_DECIMAL) {
            return new BigDecimal(p.getValueAsString());
        } else if (t == MarshallingType.SDK_BYTES) {
            return SdkBytes.fromByteArrayUnsafe(Base64.getDecoder().decode(p.getValueAsString()));
        } else if (t == MarshallingType.INSTANT) {
            BigDecimal seconds = token == JsonToken.VALUE_STRING ? new BigDecimal(p.getValueAsString()) : p.getDecimalValue();
            return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
        }
        p.skipChildren();
        return null;
    }

    private static void expect(JsonParser p, JsonToken token, SdkField<?> f) throws IOException {
        if (p.currentToken() != token) {
            throw new IOException(f.memberName() + " is " + p.currentToken() + " where " + token + " was expected");
        }
    }
}
