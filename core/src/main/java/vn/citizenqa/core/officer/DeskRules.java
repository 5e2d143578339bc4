package vn.citizenqa.core.officer;

import vn.citizenqa.core.model.Keys;
import vn.citizenqa.core.store.Escalation;
import vn.citizenqa.core.store.EscalationChange;
import vn.citizenqa.core.store.EscalationStatus;

/**
 * Who may do what at the officer desk, checked before acting (so that nothing is sent for a refused reply), and how
 * the store's answer to an action becomes a refusal. The store's conditional writes enforce the same rules again.
 */
final class DeskRules {

    private DeskRules() {
    }

    /** Closed escalations take no action; one another officer holds only that officer (or, to close, a supervisor). */
    static void requireActionable(Officer officer, Escalation e, boolean closing) {
        if (e.status() == EscalationStatus.CLOSED) {
            throw refused(new Refusal.Closed(e.id()));
        }
        boolean heldByOther = e.holder() != null && !e.holder().equals(officer.id())
                && (e.status() == EscalationStatus.CLAIMED || (!closing && e.status() == EscalationStatus.ANSWERED));
        if (heldByOther && !(closing && officer.isSupervisor())) {
            throw refused(new Refusal.HeldByOther(e.holder()));
        }
    }

    static Escalation applied(EscalationChange change) {
        return switch (change) {
            case EscalationChange.Applied(Escalation e, EscalationStatus ignored) -> e;
            case EscalationChange.HeldByOther(Escalation ignored, String holder) ->
                    throw refused(new Refusal.HeldByOther(holder));
            case EscalationChange.WrongStatus(Escalation e) -> throw refused(e.status() == EscalationStatus.CLOSED
                    ? new Refusal.Closed(e.id()) : new Refusal.HeldByOther(String.valueOf(e.holder())));
            case EscalationChange.NotFound(String id) -> throw refused(new Refusal.NotFound(id));
        };
    }

    static boolean isFirstAnswer(Escalation answered) {
        return answered.history().stream().filter(c -> c.status() == EscalationStatus.ANSWERED).count() == 1;
    }

    static String unitFor(Officer officer, String requested, String what) {
        String unit = RequestFields.blankToNull(requested);
        if (unit == null) {
            if (officer.unit() == null) {
                throw refused(new Refusal.InvalidRequest("name the unit whose " + what + " to show: unit=…"));
            }
            return officer.unit();
        }
        if (!officer.serves(unit)) {
            throw refused(new Refusal.Forbidden("officers see only their own unit's " + what + "; "
                    + "other units' are for supervisors"));
        }
        if (!Keys.couldBeId(unit)) {
            throw refused(new Refusal.InvalidRequest("'" + unit + "' is not a unit name"));
        }
        return unit;
    }

    private static OfficerRequestRefused refused(Refusal refusal) {
        return new OfficerRequestRefused(refusal);
    }
}
