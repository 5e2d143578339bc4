package vn.citizenqa.indexbuilder;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import vn.citizenqa.core.model.Category;
import vn.citizenqa.core.model.OnlineService;
import vn.citizenqa.core.model.Penalty;
import vn.citizenqa.core.model.Procedure;

/**
 * Reads one {@code knowledge/fines/*.yaml} file: a traffic violation and, per kind of vehicle, what the fine
 * decree sets for it. Each figure is one the editor read in the decree's text; a figure nobody could confirm is
 * left out and the entry says where to check instead.
 */
final class FineLoader {

    static final String FOLDER = "fines";
    static final Set<String> KNOWN_FIELDS = Set.of("id", "title", "title_en", "description", "penalties",
            "legal_basis", "source", "reviewed", "checked", "sample_questions", "aliases", "notes");
    private static final Set<String> PENALTY_FIELDS = Set.of("vehicle", "when", "fine_min", "fine_max", "points",
            "points_article", "additional", "article");
    /** The largest fine the decree sets for an individual. */
    private static final long MAX_FINE = 100_000_000L;

    /** Parses one fine file; adds problems and returns null when it is not valid. */
    Procedure parse(Path file, FieldReader f, List<KnowledgeProblem> problems) {
        f.onlyKnown(KNOWN_FIELDS);
        int before = problems.size();
        String id = KnowledgeLoader.id(file, f);
        String title = f.requiredText("title");
        String titleEn = f.requiredText("title_en");
        String description = f.requiredText("description");
        List<Penalty> penalties = penalties(f);
        List<String> legalBasis = f.requiredList("legal_basis", 1);
        String source = f.requiredText("source");
        if (source != null) {
            f.requireHttps("source", source);
        }
        LocalDate reviewed = f.requiredDate("reviewed");
        String checked = f.optionalText("checked");
        List<String> samples = f.requiredList("sample_questions", KnowledgeLoader.MIN_SAMPLE_QUESTIONS);
        List<String> aliases = f.optionalList("aliases");
        String notes = f.optionalText("notes");
        if (problems.size() > before) {
            return null;
        }
        return new Procedure(id, title, titleEn, null, Category.TRAFFIC_VIOLATION, null, description, List.of(),
                List.of(), null, null, new OnlineService(OnlineService.Availability.NONE, List.of(), null), legalBasis,
                source, reviewed, samples, aliases, notes, List.of(), checked, penalties);
    }

    private static List<Penalty> penalties(FieldReader f) {
        JsonNode list = f.node().get("penalties");
        if (list == null || !list.isArray() || list.isEmpty()) {
            f.problem("penalties", list == null ? "missing field" : "expected a list of penalties, one per vehicle");
            return List.of();
        }
        List<Penalty> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "penalties[" + i + "]";
            JsonNode item = list.get(i);
            if (!item.isObject()) {
                f.problem(at, "expected a mapping with vehicle, fine_min, fine_max, points, article");
                continue;
            }
            FieldReader r = f.nested(at, item);
            r.onlyKnown(PENALTY_FIELDS);
            Penalty.Vehicle vehicle = null;
            String slug = r.requiredText("vehicle");
            String situation = r.optionalText("when");
            if (slug != null) {
                vehicle = Penalty.Vehicle.fromSlug(slug).orElse(null);
                if (vehicle == null) {
                    r.problem("vehicle", "unknown vehicle '" + slug + "' (known: " + String.join(", ",
                            java.util.Arrays.stream(Penalty.Vehicle.values()).map(Penalty.Vehicle::slug).toList()) + ")");
                } else if (!seen.add(slug + "|" + situation)) {
                    r.problem(situation == null ? "vehicle" : "when", "'" + slug + "'" + (situation == null ? ""
                            : " when '" + situation + "'") + " appears twice: tell the cases apart with 'when'");
                }
            }
            Long min = r.requiredNumber("fine_min", 0, MAX_FINE);
            Long max = r.requiredNumber("fine_max", 0, MAX_FINE);
            if (min != null && max != null && max < min) {
                r.problem("fine_max", max + " is below fine_min " + min);
                max = null;
            }
            if (min != null && min % 1000 != 0 || max != null && max % 1000 != 0) {
                r.problem(min != null && min % 1000 != 0 ? "fine_min" : "fine_max",
                        "not a whole number of thousand đồng: a typo?");
                max = null;
            }
            Long points = item.has("points") ? r.requiredNumber("points", 0, 12) : Long.valueOf(0);
            String pointsArticle = r.optionalText("points_article");
            if (points != null && points > 0 && pointsArticle == null) {
                r.problem("points_article", "missing: say which clause deducts the " + points + " points");
            }
            if (points != null && points == 0 && pointsArticle != null) {
                r.problem("points", "missing: points_article is given but no points");
            }
            String article = r.requiredText("article");
            String additional = r.optionalText("additional");
            if (vehicle != null && min != null && max != null && points != null && article != null) {
                out.add(new Penalty(vehicle, situation, min, max, points.intValue(), additional, article, pointsArticle));
            }
        }
        return out;
    }
}
