package vn.citizenqa.core.model;

import java.util.List;
import java.util.Objects;

/**
 * What the assistant decided for one message: the {@code ask --json} contract without its words; the drafter
 * writes the reply from {@link #reply()} in {@link #language()}.
 *
 * @param procedure  the answered procedure for {@link Action#ANSWER}, else null
 * @param candidates the top candidates (at most three), best first
 * @param confidence in [0,1]
 * @param escalation why officers take it: non-null exactly when the action is {@link Action#ESCALATE}
 * @param reply      what the reply says
 * @param language   the language to write it in
 */
public record Decision(
        Intent intent,
        Action action,
        ProcedureRef procedure,
        List<Candidate> candidates,
        double confidence,
        EscalationKind escalation,
        Reply reply,
        Language language) {

    public Decision {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(language, "language");
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

    /** Whether this answers the citizen's pick among the candidates offered just before ("2", a button). */
    public boolean answersAChoice() {
        return reply instanceof Reply.ProcedureAnswer a && a.chosen();
    }
}
