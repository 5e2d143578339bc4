package vn.citizenqa.core.model;

import java.util.List;
import java.util.Objects;

/**
 * What the assistant decided for one message: the {@code ask --json} contract, identical inside the functions.
 *
 * @param procedure  the answered procedure for {@link Action#ANSWER}, else null
 * @param candidates the top candidates (at most three), best first
 * @param confidence in [0,1]
 * @param escalation non-null exactly when the action is {@link Action#ESCALATE}
 * @param reply      the exact text the citizen receives
 */
public record Decision(
        Intent intent,
        Action action,
        ProcedureRef procedure,
        List<Candidate> candidates,
        double confidence,
        EscalationRequest escalation,
        String reply) {

    public Decision {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reply, "reply");
        candidates = List.copyOf(candidates);
        if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must be in [0,1]: " + confidence);
        }
        if ((action == Action.ANSWER) != (procedure != null)) {
            throw new IllegalArgumentException("a procedure is given exactly for ANSWER");
        }
        if ((action == Action.ESCALATE) != (escalation != null)) {
            throw new IllegalArgumentException("an escalation is given exactly for ESCALATE");
        }
    }
}
