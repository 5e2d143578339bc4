package vn.citizenqa.core.model;

/**
 * What the assistant knows of the conversation before this message.
 *
 * @param lastProcedureId the procedure last discussed (follow-ups such as "lệ phí bao nhiêu?" refer to it), or null
 * @param lastCandidateIds the candidates offered by the last CLARIFY, in the order shown (a reply "2" picks one), or empty
 */
public record ConversationContext(String lastProcedureId, java.util.List<String> lastCandidateIds) {

    public static final ConversationContext NONE = new ConversationContext(null, java.util.List.of());

    public ConversationContext {
        lastCandidateIds = lastCandidateIds == null ? java.util.List.of() : java.util.List.copyOf(lastCandidateIds);
    }

    public static ConversationContext about(String procedureId) {
        return new ConversationContext(procedureId, java.util.List.of());
    }
}
