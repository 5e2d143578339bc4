package vn.citizenqa.indexbuilder;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Typed access to the fields of one mapping of a knowledge file, reporting each problem against the file, the
 * line and the field, so an editor fixes them all in one pass.
 */
final class FieldReader {

    private final String file;
    private final JsonNode node;
    private final List<KnowledgeProblem> problems;
    private final String prefix;
    private final YamlLines lines;

    FieldReader(String file, JsonNode node, List<KnowledgeProblem> problems, YamlLines lines) {
        this(file, node, problems, "", lines);
    }

    FieldReader(String file, JsonNode node, List<KnowledgeProblem> problems, String prefix, YamlLines lines) {
        this.file = file;
        this.node = node;
        this.problems = problems;
        this.prefix = prefix;
        this.lines = lines;
    }

    /** A reader of a mapping nested under {@code field} (e.g. {@code online}, {@code penalties[2]}). */
    FieldReader nested(String field, JsonNode child) {
        return new FieldReader(file, child, problems, prefix + field + ".", lines);
    }

    /** How many problems the file has so far: a caller checks whether one part added any. */
    int problemCount() {
        return problems.size();
    }

    JsonNode node() {
        return node;
    }

    /** Reports every field of the mapping not in {@code known}. */
    void onlyKnown(Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.contains(field)) {
                problem(field, "unknown field (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    String requiredText(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            problem(field, "missing field");
            return null;
        }
        if (!v.isValueNode()) {
            problem(field, "expected text, found " + v.getNodeType().name().toLowerCase(Locale.ROOT));
            return null;
        }
        String text = clean(v.asText());
        if (text.isEmpty()) {
            problem(field, "empty");
            return null;
        }
        return text;
    }

    String optionalText(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : requiredText(field);
    }

    LocalDate requiredDate(String field) {
        String text = requiredText(field);
        return text == null ? null : date(field, text);
    }

    LocalDate optionalDate(String field) {
        String text = optionalText(field);
        return text == null ? null : date(field, text);
    }

    private LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problem(field, "not a date (YYYY-MM-DD): '" + text + "'");
            return null;
        }
    }

    /** A whole number within [min, max], or null (reported) when missing or not one. */
    Long requiredNumber(String field, long min, long max) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            problem(field, "missing field");
            return null;
        }
        if (!v.isIntegralNumber()) {
            problem(field, "expected a whole number, found '" + v.asText() + "'");
            return null;
        }
        long n = v.asLong();
        if (n < min || n > max) {
            problem(field, n + " is outside " + min + "–" + max);
            return null;
        }
        return n;
    }

    List<String> requiredList(String field, int min) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            problem(field, "missing field");
            return List.of();
        }
        List<String> list = list(field, v);
        if (list.size() < min) {
            problem(field, "needs at least " + min + " item(s), found " + list.size());
        }
        return list;
    }

    List<String> optionalList(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? List.of() : list(field, v);
    }

    private List<String> list(String field, JsonNode v) {
        if (!v.isArray()) {
            problem(field, "expected a list");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!item.isValueNode() || clean(item.asText()).isEmpty()) {
                problem(field + "[" + i + "]", "expected non-empty text");
            } else {
                out.add(clean(item.asText()));
            }
        }
        return out;
    }

    void requireHttps(String field, String link) {
        if (!link.matches("https://[^\\s/]+\\.[^\\s]+")) {
            problem(field, "link is not https: '" + link + "'");
        }
    }

    void problem(String field, String message) {
        String path = prefix + field;
        problems.add(new KnowledgeProblem(file, lines.line(path), path, message));
    }

    /** Editors paste from many sources: keep one Unicode form and no surrounding spaces. */
    static String clean(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).strip();
    }
}
