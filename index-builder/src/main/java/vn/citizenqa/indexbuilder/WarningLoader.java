package vn.citizenqa.indexbuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import vn.citizenqa.core.model.ScamWarning;

/**
 * Reads {@code knowledge/warnings/*.yaml}, the current scam tricks, checking each file the way procedures are
 * checked: every problem is reported with the file, the line of the field, the field and what is wrong.
 */
public final class WarningLoader {

    static final String FOLDER = "warnings";
    static final int MIN_WARNINGS = 15;
    static final Set<String> FIELDS = Set.of("id", "title", "cues", "signs", "what_to_do", "legal_basis", "source",
            "reviewed");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    public List<ScamWarning> load(Path knowledgeDir) throws InvalidKnowledgeException, IOException {
        Path dir = knowledgeDir.resolve(FOLDER);
        List<KnowledgeProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            throw new InvalidKnowledgeException(List.of(new KnowledgeProblem(dir.toString(), null,
                    "the warnings folder does not exist")));
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        List<ScamWarning> out = new ArrayList<>();
        for (Path file : files) {
            ScamWarning w = parse(file, knowledgeDir.relativize(file).toString(), problems);
            if (w != null) {
                out.add(w);
            }
        }
        if (problems.isEmpty() && out.size() < MIN_WARNINGS) {
            problems.add(new KnowledgeProblem(dir.toString(), null, "needs at least " + MIN_WARNINGS
                    + " warnings, found " + out.size()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidKnowledgeException(problems);
        }
        return out;
    }

    ScamWarning parse(Path file, String name, List<KnowledgeProblem> problems) throws IOException {
        String text = Files.readString(file);
        List<String> lines = text.lines().toList();
        JsonNode root;
        try {
            root = yaml.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(new KnowledgeProblem(name + ":" + line, null, "malformed YAML: " + e.getOriginalMessage()));
            return null;
        }
        if (root == null || !root.isObject()) {
            problems.add(new KnowledgeProblem(name + ":1", null, "expected a YAML mapping of fields"));
            return null;
        }
        int before = problems.size();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                problems.add(problem(name, lines, field, "unknown field (known: " + String.join(", ",
                        FIELDS.stream().sorted().toList()) + ")"));
            }
        }
        String id = text(root, "id", name, lines, problems);
        String expected = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        if (id != null && !id.equals(expected)) {
            problems.add(problem(name, lines, "id", "id '" + id + "' must equal the file name '" + expected + "'"));
        }
        String title = text(root, "title", name, lines, problems);
        List<String> cues = list(root, "cues", 2, name, lines, problems);
        List<String> signs = list(root, "signs", 2, name, lines, problems);
        List<String> todo = list(root, "what_to_do", 2, name, lines, problems);
        List<String> law = list(root, "legal_basis", 1, name, lines, problems);
        if (!law.isEmpty() && law.stream().noneMatch(l -> l.contains("Điều 174"))) {
            problems.add(problem(name, lines, "legal_basis", "must cite Điều 174 Bộ luật Hình sự (lừa đảo chiếm đoạt tài sản)"));
        }
        String source = text(root, "source", name, lines, problems);
        if (source != null && !source.matches("https?://[^\\s/]+\\.[^\\s]+")) {
            problems.add(problem(name, lines, "source", "not a link: '" + source + "'"));
        }
        String reviewedText = text(root, "reviewed", name, lines, problems);
        LocalDate reviewed = null;
        if (reviewedText != null) {
            try {
                reviewed = LocalDate.parse(reviewedText);
            } catch (DateTimeParseException e) {
                problems.add(problem(name, lines, "reviewed", "not a date (YYYY-MM-DD): '" + reviewedText + "'"));
            }
        }
        for (List<String> values : List.of(cues, signs, todo, law)) {
            for (String v : values) {
                if (v.contains("\n")) {
                    problems.add(problem(name, lines, "cues", "one line per item: '" + v + "'"));
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new ScamWarning(id, title, cues, signs, todo, law, source, reviewed);
    }

    private static String text(JsonNode root, String field, String name, List<String> lines,
            List<KnowledgeProblem> problems) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull() || !v.isValueNode() || clean(v.asText()).isEmpty()) {
            problems.add(problem(name, lines, field, v == null || v.isNull() ? "missing field" : "expected non-empty text"));
            return null;
        }
        return clean(v.asText());
    }

    private static List<String> list(JsonNode root, String field, int min, String name, List<String> lines,
            List<KnowledgeProblem> problems) {
        JsonNode v = root.get(field);
        if (v == null || !v.isArray()) {
            problems.add(problem(name, lines, field, v == null ? "missing field" : "expected a list"));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isValueNode() || clean(item.asText()).isEmpty()) {
                problems.add(problem(name, lines, field, "expected non-empty text in every item"));
            } else {
                out.add(clean(item.asText()));
            }
        }
        if (out.size() < min) {
            problems.add(problem(name, lines, field, "needs at least " + min + " item(s), found " + out.size()));
        }
        return out;
    }

    /** A problem at the line where the field starts (the first line when it is missing). */
    private static KnowledgeProblem problem(String name, List<String> lines, String field, String message) {
        int line = 1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(field + ":")) {
                line = i + 1;
                break;
            }
        }
        return new KnowledgeProblem(name + ":" + line, field, message);
    }

    private static String clean(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).strip();
    }
}
