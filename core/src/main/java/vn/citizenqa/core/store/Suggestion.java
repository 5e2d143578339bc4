package vn.citizenqa.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An officer's knowledge-base suggestion as stored, texts masked.
 *
 * @param answer     the answer kept with the question, or null
 * @param exportedAt when it was exported for an editor, or null while PENDING
 */
public record Suggestion(String id, String escalationId, String unit, String procedureId, String question,
                         String answer, String officer, Instant createdAt, SuggestionStatus status,
                         Instant exportedAt) {

    public Suggestion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(procedureId, "procedureId");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(status, "status");
    }
}
