package vn.citizenqa.functions.dynamo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Writing and reading item attributes: the translation between records and DynamoDB's attribute values. */
final class Attrs {

    private Attrs() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue n(double value) {
        return AttributeValue.fromN(Double.toString(value));
    }

    static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(Attrs::s).toList());
    }

    static <T> AttributeValue list(List<T> values, Function<T, Map<String, AttributeValue>> toMap) {
        return AttributeValue.fromL(values.stream().map(v -> AttributeValue.fromM(toMap.apply(v))).toList());
    }

    /** An attribute map that leaves out absent (null) values, as DynamoDB wants. */
    static final class Builder {
        private final Map<String, AttributeValue> map = new LinkedHashMap<>();

        Builder s(String name, String value) {
            if (value != null) {
                map.put(name, Attrs.s(value));
            }
            return this;
        }

        Builder s(String name, Enum<?> value) {
            return s(name, value == null ? null : value.name());
        }

        Builder time(String name, Instant value) {
            return s(name, value == null ? null : value.toString());
        }

        Builder n(String name, long value) {
            map.put(name, Attrs.n(value));
            return this;
        }

        Builder put(String name, AttributeValue value) {
            if (value != null) {
                map.put(name, value);
            }
            return this;
        }

        Map<String, AttributeValue> build() {
            return Map.copyOf(map);
        }
    }

    static Builder item() {
        return new Builder();
    }

    /** Reading an item; absent attributes read as null (or empty lists). */
    record Reader(Map<String, AttributeValue> item) {

        String s(String name) {
            AttributeValue v = item.get(name);
            return v == null ? null : v.s();
        }

        <E extends Enum<E>> E e(String name, Class<E> type) {
            String v = s(name);
            return v == null ? null : Enum.valueOf(type, v);
        }

        Instant time(String name) {
            String v = s(name);
            return v == null ? null : Instant.parse(v);
        }

        long n(String name) {
            AttributeValue v = item.get(name);
            return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
        }

        boolean bool(String name) {
            AttributeValue v = item.get(name);
            return v != null && Boolean.TRUE.equals(v.bool());
        }

        double d(String name) {
            return Double.parseDouble(item.get(name).n());
        }

        List<String> strings(String name) {
            AttributeValue v = item.get(name);
            return v == null || !v.hasL() ? List.of() : v.l().stream().map(AttributeValue::s).toList();
        }

        <T> List<T> list(String name, Function<Reader, T> fromMap) {
            AttributeValue v = item.get(name);
            return v == null || !v.hasL() ? List.of() : v.l().stream().map(a -> fromMap.apply(new Reader(a.m()))).toList();
        }

        Reader map(String name) {
            AttributeValue v = item.get(name);
            return v == null || !v.hasM() ? null : new Reader(v.m());
        }
    }
}
