package vn.citizenqa.core.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.IndexableField;

import vn.citizenqa.core.model.Category;
import vn.citizenqa.core.model.DatedFact;
import vn.citizenqa.core.model.OnlineService;
import vn.citizenqa.core.model.Penalty;
import vn.citizenqa.core.model.Procedure;

/**
 * Stores a whole procedure in a Lucene document and reads it back, so that the index is the one
 * artefact a function needs: no second file to keep in step with it.
 */
final class ProcedureDocuments {

    private static final String P = "stored.";

    private ProcedureDocuments() {
    }

    static void store(Procedure p, Document doc) {
        put(doc, "id", p.id());
        put(doc, "title", p.title());
        put(doc, "titleEn", p.titleEn());
        put(doc, "code", p.code());
        put(doc, "category", p.category().slug());
        put(doc, "agency", p.agency());
        put(doc, "eligibility", p.eligibility());
        putAll(doc, "documents", p.documents());
        putAll(doc, "steps", p.steps());
        put(doc, "processingTime", p.processingTime());
        put(doc, "fee", p.fee());
        put(doc, "online.availability", p.online().availability().name());
        putAll(doc, "online.links", p.online().links());
        put(doc, "online.note", p.online().note());
        putAll(doc, "legalBasis", p.legalBasis());
        put(doc, "officialLink", p.officialLink());
        put(doc, "reviewed", p.reviewed() == null ? null : p.reviewed().toString());
        putAll(doc, "sampleQuestions", p.sampleQuestions());
        putAll(doc, "aliases", p.aliases());
        put(doc, "notes", p.notes());
        put(doc, "checked", p.checked());
        for (DatedFact f : p.datedFacts()) {
            doc.add(new StoredField(P + "dated", String.join(TAB, f.kind().name(), date(f.from()), date(f.until()),
                    f.text())));
        }
        for (Penalty x : p.penalties()) {
            doc.add(new StoredField(P + "penalty", String.join(TAB, x.vehicle().name(), orEmpty(x.situation()), Long.toString(x.fineMin()),
                    Long.toString(x.fineMax()), Integer.toString(x.points()), orEmpty(x.additional()), x.article(),
                    orEmpty(x.pointsArticle()))));
        }
    }

    private static final String TAB = "\t";

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private static LocalDate date(String s) {
        return s.isEmpty() ? null : LocalDate.parse(s);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String orNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static List<DatedFact> dated(Document doc) {
        List<DatedFact> out = new ArrayList<>();
        for (String v : getAll(doc, "dated")) {
            String[] f = v.split(TAB, 4);
            out.add(new DatedFact(DatedFact.Kind.valueOf(f[0]), f[3], date(f[1]), date(f[2])));
        }
        return out;
    }

    private static List<Penalty> penalties(Document doc) {
        List<Penalty> out = new ArrayList<>();
        for (String v : getAll(doc, "penalty")) {
            String[] f = v.split(TAB, -1);
            out.add(new Penalty(Penalty.Vehicle.valueOf(f[0]), orNull(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
                    Integer.parseInt(f[4]), orNull(f[5]), f[6], orNull(f[7])));
        }
        return out;
    }

    static Procedure read(Document doc) {
        String reviewed = get(doc, "reviewed");
        return new Procedure(
                get(doc, "id"),
                get(doc, "title"),
                get(doc, "titleEn"),
                get(doc, "code"),
                Category.fromSlug(get(doc, "category")).orElseThrow(),
                get(doc, "agency"),
                get(doc, "eligibility"),
                getAll(doc, "documents"),
                getAll(doc, "steps"),
                get(doc, "processingTime"),
                get(doc, "fee"),
                new OnlineService(OnlineService.Availability.valueOf(get(doc, "online.availability")),
                        getAll(doc, "online.links"), get(doc, "online.note")),
                getAll(doc, "legalBasis"),
                get(doc, "officialLink"),
                reviewed == null ? null : LocalDate.parse(reviewed),
                getAll(doc, "sampleQuestions"),
                getAll(doc, "aliases"),
                get(doc, "notes"),
                dated(doc),
                get(doc, "checked"),
                penalties(doc));
    }

    private static void put(Document doc, String name, String value) {
        if (value != null) {
            doc.add(new StoredField(P + name, value));
        }
    }

    private static void putAll(Document doc, String name, List<String> values) {
        for (String v : values) {
            doc.add(new StoredField(P + name, v));
        }
    }

    private static String get(Document doc, String name) {
        return doc.get(P + name);
    }

    private static List<String> getAll(Document doc, String name) {
        IndexableField[] fields = doc.getFields(P + name);
        List<String> out = new ArrayList<>(fields.length);
        Arrays.stream(fields).forEach(f -> out.add(f.stringValue()));
        return out;
    }
}
