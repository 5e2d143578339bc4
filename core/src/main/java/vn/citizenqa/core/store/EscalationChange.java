package vn.citizenqa.core.store;

/** The outcome of an officer's action on an escalation (claim, answer, close), each a conditional write. */
public sealed interface EscalationChange {

    /**
     * The action was recorded.
     *
     * @param previousStatus the status before it (e.g. not ANSWERED before an answer: this was the first reply)
     */
    record Applied(Escalation escalation, EscalationStatus previousStatus) implements EscalationChange {
    }

    /** Another officer holds it; {@code holder} names them. */
    record HeldByOther(Escalation escalation, String holder) implements EscalationChange {
    }

    /** Its status does not allow the action (e.g. anything on CLOSED, claiming an ANSWERED one). */
    record WrongStatus(Escalation escalation) implements EscalationChange {
    }

    record NotFound(String id) implements EscalationChange {
    }
}
