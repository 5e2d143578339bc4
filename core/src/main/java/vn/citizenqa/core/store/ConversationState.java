package vn.citizenqa.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import vn.citizenqa.core.model.ConversationContext;
import vn.citizenqa.core.model.ConversationKey;

/**
 * What the assistant remembers of a conversation between messages.
 *
 * @param unit              the unit whose page this is
 * @param lastProcedureId   the procedure last discussed (follow-ups refer to it), or null
 * @param lastCandidateIds  the candidates the last CLARIFY offered, in the order shown, or empty
 * @param lastUserMessageAt when the citizen last wrote (the channels' reply windows run from it), or null
 * @param lastCase          the case the citizen's latest emergency or report opened, or null
 */
public record ConversationState(ConversationKey key, String unit, String lastProcedureId,
                                List<String> lastCandidateIds, Instant lastUserMessageAt, CaseRef lastCase) {

    public ConversationState {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(unit, "unit");
        lastCandidateIds = lastCandidateIds == null ? List.of() : List.copyOf(lastCandidateIds);
    }

    /** A state without an open case. */
    public ConversationState(ConversationKey key, String unit, String lastProcedureId, List<String> lastCandidateIds,
                             Instant lastUserMessageAt) {
        this(key, unit, lastProcedureId, lastCandidateIds, lastUserMessageAt, null);
    }

    public ConversationContext context() {
        return new ConversationContext(lastProcedureId, lastCandidateIds);
    }
}
