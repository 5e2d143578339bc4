package vn.citizenqa.indexbuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import vn.citizenqa.core.model.Category;
import vn.citizenqa.core.model.DatedFact;
import vn.citizenqa.core.model.OnlineService;
import vn.citizenqa.core.model.Procedure;

/**
 * Reads {@code knowledge/procedures/*.yaml} and {@code knowledge/fines/*.yaml} into entries, checking each file
 * against the schema editors follow. Collects every problem, with file, line and field, so an editor fixes them in
 * one pass.
 *
 * <p>A fact that changes on a date ({@code fee}, {@code processing_time}, {@code agency}, {@code eligibility},
 * {@code notes}) may be written as a list of versions, each with {@code text} and optional {@code from} /
 * {@code until} (inclusive): the versions must follow each other without gap or overlap, the first without
 * {@code from} and the last without {@code until}, so that some version holds on every day.
 */
public final class KnowledgeLoader {

    static final int MIN_SAMPLE_QUESTIONS = 4;
    static final Set<String> KNOWN_FIELDS = Set.of("id", "title", "title_en", "code", "category", "agency",
            "eligibility", "documents", "steps", "processing_time", "fee", "online", "legal_basis",
            "official_link", "reviewed", "checked", "sample_questions", "aliases", "notes");
    private static final Set<String> ONLINE_FIELDS = Set.of("available", "links", "note");
    private static final Set<String> VERSION_FIELDS = Set.of("text", "from", "until");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    /** Loads every procedure and every fine; fines follow the procedures. */
    public List<Procedure> load(Path knowledgeDir) throws InvalidKnowledgeException, IOException {
        List<KnowledgeProblem> problems = new ArrayList<>();
        Path dir = knowledgeDir.resolve("procedures");
        List<Map.Entry<String, Procedure>> entries = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(new KnowledgeProblem(dir.toString(), null, "the procedures folder does not exist"));
        } else {
            List<Path> files = yamlFiles(dir);
            if (files.isEmpty()) {
                problems.add(new KnowledgeProblem(dir.toString(), null, "no procedure files (*.yaml)"));
            }
            for (Path file : files) {
                Parsed parsed = read(file, knowledgeDir.relativize(file).toString(), problems);
                if (parsed != null) {
                    entries.add(new java.util.AbstractMap.SimpleEntry<>(parsed.name(), parse(file, parsed, problems)));
                }
            }
        }
        Path fines = knowledgeDir.resolve(FineLoader.FOLDER);
        if (Files.isDirectory(fines)) {
            FineLoader fineLoader = new FineLoader();
            for (Path file : yamlFiles(fines)) {
                Parsed parsed = read(file, knowledgeDir.relativize(file).toString(), problems);
                if (parsed != null) {
                    entries.add(new java.util.AbstractMap.SimpleEntry<>(parsed.name(),
                            fineLoader.parse(file, parsed.fields(), problems)));
                }
            }
        }
        Map<String, String> idToFile = new HashMap<>();
        List<Procedure> out = new ArrayList<>();
        for (Map.Entry<String, Procedure> e : entries) {
            Procedure p = e.getValue();
            if (p == null) {
                continue;
            }
            String file = e.getKey();
            String previous = idToFile.putIfAbsent(p.id(), file);
            if (previous != null) {
                problems.add(new KnowledgeProblem(file, "id", "duplicate id '" + p.id() + "', also used by " + previous));
                continue;
            }
            out.add(p);
        }
        if (!problems.isEmpty()) {
            throw new InvalidKnowledgeException(problems);
        }
        return out;
    }

    static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".yaml")
                    || f.getFileName().toString().endsWith(".yml")).sorted().toList();
        }
    }

    /** A file read as a mapping, with the lines of its fields. */
    record Parsed(FieldReader fields, String name) {
    }

    /** Reads one file; adds a problem and returns null when it is not a YAML mapping. */
    Parsed read(Path file, String name, List<KnowledgeProblem> problems) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (java.nio.charset.MalformedInputException e) {
            problems.add(new KnowledgeProblem(name, null, "not valid UTF-8"));
            return null;
        }
        JsonNode root;
        try {
            root = yaml.readTree(text);
        } catch (JsonProcessingException e) {
            problems.add(new KnowledgeProblem(name, e.getLocation() == null ? null : e.getLocation().getLineNr(), null,
                    "malformed YAML: " + e.getOriginalMessage()));
            return null;
        }
        if (root == null || !root.isObject()) {
            problems.add(new KnowledgeProblem(name, null, "expected a YAML mapping of fields"));
            return null;
        }
        return new Parsed(new FieldReader(name, root, problems, YamlLines.of(text)), name);
    }

    /** Parses one procedure file; adds problems and returns null when it is not a valid procedure. */
    Procedure parse(Path file, Parsed parsed, List<KnowledgeProblem> problems) {
        FieldReader f = parsed.fields();
        f.onlyKnown(KNOWN_FIELDS);
        int before = problems.size();
        String id = id(file, f);
        String title = f.requiredText("title");
        String titleEn = f.requiredText("title_en");
        String code = f.optionalText("code");
        if (code != null && !code.matches("[0-9A-Z_.]+")) {
            f.problem("code", "not a procedure code: '" + code + "'");
        }
        Category category = null;
        String categorySlug = f.requiredText("category");
        if (categorySlug != null) {
            category = Category.fromSlug(categorySlug).orElse(null);
            if (category == null) {
                f.problem("category", "unknown category '" + categorySlug + "' (known: "
                        + String.join(", ", java.util.Arrays.stream(Category.values()).map(Category::slug).toList()) + ")");
            }
        }
        List<DatedFact> dated = new ArrayList<>();
        String agency = datedText(f, DatedFact.Kind.AGENCY, true, dated);
        String eligibility = datedText(f, DatedFact.Kind.ELIGIBILITY, true, dated);
        List<String> documents = f.requiredList("documents", 1);
        List<String> steps = f.requiredList("steps", 1);
        String processingTime = datedText(f, DatedFact.Kind.PROCESSING_TIME, true, dated);
        String fee = datedText(f, DatedFact.Kind.FEE, true, dated);
        OnlineService online = parseOnline(f, problems);
        List<String> legalBasis = f.requiredList("legal_basis", 1);
        String officialLink = f.requiredText("official_link");
        if (officialLink != null) {
            f.requireHttps("official_link", officialLink);
        }
        LocalDate reviewed = f.requiredDate("reviewed");
        String checked = f.optionalText("checked");
        List<String> samples = f.requiredList("sample_questions", MIN_SAMPLE_QUESTIONS);
        List<String> aliases = f.optionalList("aliases");
        String notes = datedText(f, DatedFact.Kind.NOTES, false, dated);
        if (problems.size() > before || category == null || online == null) {
            return null;
        }
        return new Procedure(id, title, titleEn, code, category, agency, eligibility, documents, steps,
                processingTime, fee, online, legalBasis, officialLink, reviewed, samples, aliases, notes, dated,
                checked, List.of());
    }

    /** The id, which must be the file's name in lower-case ASCII words. */
    static String id(Path file, FieldReader f) {
        String id = f.requiredText("id");
        String expectedId = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (id != null && !id.equals(expectedId)) {
            f.problem("id", "id '" + id + "' must equal the file name '" + expectedId + "'");
        }
        if (id != null && !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            f.problem("id", "must be lower-case ASCII words joined by '-'");
        }
        return id;
    }

    /**
     * A text field, or its dated versions: then the versions are added to {@code dated} and the returned text
     * lists them all with their dates (what a reply says when it knows no day).
     */
    static String datedText(FieldReader f, DatedFact.Kind kind, boolean required, List<DatedFact> dated) {
        String field = kind.field();
        JsonNode v = f.node().get(field);
        if (v == null || !v.isArray()) {
            return required ? f.requiredText(field) : f.optionalText(field);
        }
        if (v.isEmpty()) {
            f.problem(field, "expected text or a list of versions with text, from, until");
            return null;
        }
        List<DatedFact> versions = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            String at = field + "[" + i + "]";
            JsonNode item = v.get(i);
            if (!item.isObject()) {
                f.problem(at, "expected a version with text, from, until");
                continue;
            }
            FieldReader r = f.nested(at, item);
            int before = r.problemCount();
            r.onlyKnown(VERSION_FIELDS);
            String text = r.requiredText("text");
            LocalDate from = r.optionalDate("from");
            LocalDate until = r.optionalDate("until");
            if (from != null && until != null && until.isBefore(from)) {
                r.problem("until", "ends (" + until + ") before it starts (" + from + ")");
                continue;
            }
            if (i == 0 && from != null) {
                r.problem("from", "the first version must not start on a date: say what holds before " + from);
            }
            if (i == v.size() - 1 && until != null) {
                r.problem("until", "the last version must not end: say what holds after " + until
                        + " (or \"kiểm tra trên Cổng dịch vụ công\" with the link)");
            }
            if (i > 0 && i < v.size() && from == null) {
                r.problem("from", "missing: every version after the first starts on a date");
            }
            if (i < v.size() - 1 && until == null) {
                r.problem("until", "missing: every version before the last ends on a date");
            }
            if (!versions.isEmpty() && from != null) {
                LocalDate previousEnd = versions.getLast().until();
                if (previousEnd != null && !from.equals(previousEnd.plusDays(1))) {
                    r.problem("from", from + " must be the day after the previous version ends (" + previousEnd + ")");
                }
            }
            if (r.problemCount() == before) {
                versions.add(new DatedFact(kind, text, from, until));
            }
        }
        dated.addAll(versions);
        StringBuilder all = new StringBuilder();
        for (DatedFact d : versions) {
            if (!all.isEmpty()) {
                all.append(' ');
            }
            all.append(d.until() != null ? (d.from() == null ? "Đến hết " : "Từ " + DAY.format(d.from()) + " đến hết ")
                    + DAY.format(d.until()) : "Từ " + DAY.format(d.from())).append(": ").append(d.text());
        }
        return all.isEmpty() ? null : all.toString();
    }

    private static OnlineService parseOnline(FieldReader parent, List<KnowledgeProblem> problems) {
        JsonNode node = parent.node().get("online");
        if (node == null || !node.isObject()) {
            parent.problem("online", node == null ? "missing field" : "expected a mapping with available, links, note");
            return null;
        }
        FieldReader f = parent.nested("online", node);
        f.onlyKnown(ONLINE_FIELDS);
        String available = f.requiredText("available");
        OnlineService.Availability availability = null;
        if (available != null) {
            availability = switch (available) {
                case "full" -> OnlineService.Availability.FULL;
                case "partial" -> OnlineService.Availability.PARTIAL;
                case "none" -> OnlineService.Availability.NONE;
                default -> {
                    f.problem("available", "unknown value '" + available + "' (known: full, partial, none)");
                    yield null;
                }
            };
        }
        List<String> links = f.optionalList("links");
        for (String link : links) {
            f.requireHttps("links", link);
        }
        if (availability != OnlineService.Availability.NONE && availability != null && links.isEmpty()) {
            f.problem("links", "an online procedure needs at least one link");
        }
        String note = f.optionalText("note");
        return availability == null ? null : new OnlineService(availability, links, note);
    }
}
