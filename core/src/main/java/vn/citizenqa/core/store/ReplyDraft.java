package vn.citizenqa.core.store;

import java.util.List;
import java.util.Objects;

import vn.citizenqa.core.model.Action;
import vn.citizenqa.core.model.Candidate;
import vn.citizenqa.core.model.Decision;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.model.Priority;

/**
 * What was decided for a message, kept on its claim so that a redelivery sends exactly this reply without
 * searching again. The reply is the assistant's own text and is kept verbatim (it is resent as is); the claim
 * expires like the conversation. An empty reply is {@linkplain #withheld() withheld}: nothing is sent.
 *
 * @param procedureId        the answered procedure for ANSWER, else null
 * @param candidateIds       the candidates offered (for CLARIFY: in the order shown)
 * @param escalationPriority the escalation's priority for ESCALATE, else null
 * @param escalationReason   why it was escalated for ESCALATE, else null
 */
public record ReplyDraft(Intent intent, Action action, String reply, String procedureId, List<String> candidateIds,
                         Priority escalationPriority, String escalationReason) {

    public ReplyDraft {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reply, "reply");
        candidateIds = candidateIds == null ? List.of() : List.copyOf(candidateIds);
    }

    /** The reply of a message that is recorded but not answered (past the rate limit). */
    public static final String WITHHELD = "";

    /** A draft that sends nothing: the message is recorded, the platform acknowledged, no reply goes out. */
    public static ReplyDraft withheld() {
        return new ReplyDraft(Intent.OUT_OF_SCOPE, Action.DECLINE, WITHHELD, null, List.of(), null, null);
    }

    public boolean isWithheld() {
        return reply.isEmpty();
    }

    public static ReplyDraft of(Decision decision) {
        return new ReplyDraft(decision.intent(), decision.action(), decision.reply(),
                decision.procedure() == null ? null : decision.procedure().id(),
                decision.candidates().stream().map(Candidate::id).toList(),
                decision.escalation() == null ? null : decision.escalation().priority(),
                decision.escalation() == null ? null : decision.escalation().reason());
    }
}
