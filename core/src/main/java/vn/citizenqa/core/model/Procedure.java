package vn.citizenqa.core.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One administrative procedure of the knowledge base, as an editor wrote it in {@code knowledge/procedures}.
 * Everything a reply may say about the procedure comes from here.
 */
public record Procedure(
        String id,
        String title,
        String titleEn,
        String code,
        Category category,
        String agency,
        String eligibility,
        List<String> documents,
        List<String> steps,
        String processingTime,
        String fee,
        OnlineService online,
        List<String> legalBasis,
        String officialLink,
        LocalDate reviewed,
        List<String> sampleQuestions,
        List<String> aliases,
        String notes,
        List<DatedFact> datedFacts,
        String checked,
        List<Penalty> penalties) {

    public Procedure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(category, "category");
        documents = List.copyOf(documents);
        steps = List.copyOf(steps);
        legalBasis = List.copyOf(legalBasis);
        sampleQuestions = List.copyOf(sampleQuestions);
        aliases = List.copyOf(aliases);
        datedFacts = datedFacts == null ? List.of() : List.copyOf(datedFacts);
        penalties = penalties == null ? List.of() : List.copyOf(penalties);
    }

    /** A procedure without dated facts, review note or penalties. */
    public Procedure(String id, String title, String titleEn, String code, Category category, String agency,
            String eligibility, List<String> documents, List<String> steps, String processingTime, String fee,
            OnlineService online, List<String> legalBasis, String officialLink, LocalDate reviewed,
            List<String> sampleQuestions, List<String> aliases, String notes) {
        this(id, title, titleEn, code, category, agency, eligibility, documents, steps, processingTime, fee, online,
                legalBasis, officialLink, reviewed, sampleQuestions, aliases, notes, List.of(), null, List.of());
    }

    /** Whether this entry is a traffic violation and its fines rather than a procedure to follow. */
    public boolean isFine() {
        return !penalties.isEmpty();
    }

    /**
     * The procedure as it stands on a day: each fact that has dated versions takes the version holding that day
     * (the undated text, which lists every version with its dates, when none does).
     */
    public Procedure on(LocalDate day) {
        if (datedFacts.isEmpty() || day == null) {
            return this;
        }
        return new Procedure(id, title, titleEn, code, category,
                holding(DatedFact.Kind.AGENCY, day, agency), holding(DatedFact.Kind.ELIGIBILITY, day, eligibility),
                documents, steps, holding(DatedFact.Kind.PROCESSING_TIME, day, processingTime),
                holding(DatedFact.Kind.FEE, day, fee), online, legalBasis, officialLink, reviewed, sampleQuestions,
                aliases, holding(DatedFact.Kind.NOTES, day, notes), datedFacts, checked, penalties);
    }

    private String holding(DatedFact.Kind kind, LocalDate day, String undated) {
        for (DatedFact f : datedFacts) {
            if (f.kind() == kind && f.holdsOn(day)) {
                return f.text();
            }
        }
        return undated;
    }

    public ProcedureRef ref() {
        return new ProcedureRef(id, title);
    }
}
