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
        String notes) {

    public Procedure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(category, "category");
        documents = List.copyOf(documents);
        steps = List.copyOf(steps);
        legalBasis = List.copyOf(legalBasis);
        sampleQuestions = List.copyOf(sampleQuestions);
        aliases = List.copyOf(aliases);
    }

    public ProcedureRef ref() {
        return new ProcedureRef(id, title);
    }
}
