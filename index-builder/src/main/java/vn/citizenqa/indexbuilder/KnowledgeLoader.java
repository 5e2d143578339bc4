package vn.citizenqa.indexbuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import vn.citizenqa.core.model.Category;
import vn.citizenqa.core.model.OnlineService;
import vn.citizenqa.core.model.Procedure;

/**
 * Reads {@code knowledge/procedures/*.yaml} into procedures, checking each file against the schema
 * editors follow. Collects every problem so an editor fixes them in one pass.
 */
public final class KnowledgeLoader {

    static final int MIN_SAMPLE_QUESTIONS = 4;
    static final Set<String> KNOWN_FIELDS = Set.of("id", "title", "title_en", "code", "category", "agency",
            "eligibility", "documents", "steps", "processing_time", "fee", "online", "legal_basis",
            "official_link", "reviewed", "sample_questions", "aliases", "notes");
    private static final Set<String> ONLINE_FIELDS = Set.of("available", "links", "note");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    /** Loads every procedure file under {@code knowledgeDir/procedures}. */
    public List<Procedure> load(Path knowledgeDir) throws InvalidKnowledgeException, IOException {
        Path dir = knowledgeDir.resolve("procedures");
        if (!Files.isDirectory(dir)) {
            throw new InvalidKnowledgeException(List.of(new KnowledgeProblem(dir.toString(), null,
                    "the procedures folder does not exist")));
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.getFileName().toString().endsWith(".yaml")
                    || f.getFileName().toString().endsWith(".yml")).sorted().toList();
        }
        List<KnowledgeProblem> problems = new ArrayList<>();
        List<Procedure> procedures = new ArrayList<>();
        Map<String, String> idToFile = new HashMap<>();
        if (files.isEmpty()) {
            problems.add(new KnowledgeProblem(dir.toString(), null, "no procedure files (*.yaml)"));
        }
        for (Path file : files) {
            String name = knowledgeDir.relativize(file).toString();
            Procedure p = parse(file, name, problems);
            if (p == null) {
                continue;
            }
            String previous = idToFile.putIfAbsent(p.id(), name);
            if (previous != null) {
                problems.add(new KnowledgeProblem(name, "id", "duplicate id '" + p.id() + "', also used by " + previous));
                continue;
            }
            procedures.add(p);
        }
        if (!problems.isEmpty()) {
            throw new InvalidKnowledgeException(problems);
        }
        return procedures;
    }

    /** Parses one file; adds problems and returns null when it is not a valid procedure. */
    Procedure parse(Path file, String name, List<KnowledgeProblem> problems) throws IOException {
        JsonNode root;
        try {
            root = yaml.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            problems.add(new KnowledgeProblem(name, null, "malformed YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")));
            return null;
        } catch (java.nio.charset.MalformedInputException e) {
            problems.add(new KnowledgeProblem(name, null, "not valid UTF-8"));
            return null;
        }
        if (root == null || !root.isObject()) {
            problems.add(new KnowledgeProblem(name, null, "expected a YAML mapping of fields"));
            return null;
        }
        Fields f = new Fields(name, root, problems);
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!KNOWN_FIELDS.contains(field)) {
                problems.add(new KnowledgeProblem(name, field, "unknown field (known: " + String.join(", ",
                        KNOWN_FIELDS.stream().sorted().toList()) + ")"));
            }
        }
        int before = problems.size();
        String id = f.requiredText("id");
        String expectedId = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (id != null && !id.equals(expectedId)) {
            problems.add(new KnowledgeProblem(name, "id", "id '" + id + "' must equal the file name '" + expectedId + "'"));
        }
        if (id != null && !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            problems.add(new KnowledgeProblem(name, "id", "must be lower-case ASCII words joined by '-'"));
        }
        String title = f.requiredText("title");
        String titleEn = f.requiredText("title_en");
        String code = f.optionalText("code");
        if (code != null && !code.matches("[0-9A-Z_.]+")) {
            problems.add(new KnowledgeProblem(name, "code", "not a procedure code: '" + code + "'"));
        }
        Category category = null;
        String categorySlug = f.requiredText("category");
        if (categorySlug != null) {
            category = Category.fromSlug(categorySlug).orElse(null);
            if (category == null) {
                problems.add(new KnowledgeProblem(name, "category", "unknown category '" + categorySlug + "' (known: "
                        + String.join(", ", java.util.Arrays.stream(Category.values()).map(Category::slug).toList()) + ")"));
            }
        }
        String agency = f.requiredText("agency");
        String eligibility = f.requiredText("eligibility");
        List<String> documents = f.requiredList("documents", 1);
        List<String> steps = f.requiredList("steps", 1);
        String processingTime = f.requiredText("processing_time");
        String fee = f.requiredText("fee");
        OnlineService online = parseOnline(name, root.get("online"), problems);
        List<String> legalBasis = f.requiredList("legal_basis", 1);
        String officialLink = f.requiredText("official_link");
        if (officialLink != null) {
            f.requireHttps("official_link", officialLink);
        }
        LocalDate reviewed = null;
        String reviewedText = f.requiredText("reviewed");
        if (reviewedText != null) {
            try {
                reviewed = LocalDate.parse(reviewedText);
            } catch (DateTimeParseException e) {
                problems.add(new KnowledgeProblem(name, "reviewed", "not a date (YYYY-MM-DD): '" + reviewedText + "'"));
            }
        }
        List<String> samples = f.requiredList("sample_questions", MIN_SAMPLE_QUESTIONS);
        List<String> aliases = f.optionalList("aliases");
        String notes = f.optionalText("notes");
        if (problems.size() > before || category == null || online == null) {
            return null;
        }
        return new Procedure(id, title, titleEn, code, category, agency, eligibility, documents, steps,
                processingTime, fee, online, legalBasis, officialLink, reviewed, samples, aliases, notes);
    }

    private OnlineService parseOnline(String name, JsonNode node, List<KnowledgeProblem> problems) {
        if (node == null || !node.isObject()) {
            problems.add(new KnowledgeProblem(name, "online", node == null ? "missing field"
                    : "expected a mapping with available, links, note"));
            return null;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!ONLINE_FIELDS.contains(field)) {
                problems.add(new KnowledgeProblem(name, "online." + field, "unknown field (known: available, links, note)"));
            }
        }
        Fields f = new Fields(name, node, problems, "online.");
        String available = f.requiredText("available");
        OnlineService.Availability availability = null;
        if (available != null) {
            availability = switch (available) {
                case "full" -> OnlineService.Availability.FULL;
                case "partial" -> OnlineService.Availability.PARTIAL;
                case "none" -> OnlineService.Availability.NONE;
                default -> {
                    problems.add(new KnowledgeProblem(name, "online.available",
                            "unknown value '" + available + "' (known: full, partial, none)"));
                    yield null;
                }
            };
        }
        List<String> links = f.optionalList("links");
        for (String link : links) {
            f.requireHttps("links", link);
        }
        if (availability != OnlineService.Availability.NONE && availability != null && links.isEmpty()) {
            problems.add(new KnowledgeProblem(name, "online.links", "an online procedure needs at least one link"));
        }
        String note = f.optionalText("note");
        return availability == null ? null : new OnlineService(availability, links, note);
    }

    /** Typed access to the fields of one mapping, reporting problems against the file. */
    private static final class Fields {
        private final String file;
        private final JsonNode node;
        private final List<KnowledgeProblem> problems;
        private final String prefix;

        Fields(String file, JsonNode node, List<KnowledgeProblem> problems) {
            this(file, node, problems, "");
        }

        Fields(String file, JsonNode node, List<KnowledgeProblem> problems, String prefix) {
            this.file = file;
            this.node = node;
            this.problems = problems;
            this.prefix = prefix;
        }

        String requiredText(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                problem(field, "missing field");
                return null;
            }
            if (!v.isValueNode()) {
                problem(field, "expected text, found " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
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

        private void problem(String field, String message) {
            problems.add(new KnowledgeProblem(file, prefix + field, message));
        }

        /** Editors paste from many sources: keep one Unicode form and single spaces. */
        private static String clean(String s) {
            return Normalizer.normalize(s, Normalizer.Form.NFC).strip();
        }
    }
}
