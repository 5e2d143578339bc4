package vn.citizenqa.core.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import vn.citizenqa.core.privacy.PersonalDataMasker;

/**
 * What officers' actions do to an escalation, decided on the state a store read; the store then writes the result
 * only if that state is still the stored one. Shared by every store, so that they agree on every rule.
 */
public final class EscalationRules {

    private final PersonalDataMasker masker;

    public EscalationRules(PersonalDataMasker masker) {
        this.masker = masker;
    }

    /** A new OPEN escalation with its texts masked, created by the assistant at {@code now}. */
    public Escalation open(NewEscalation e, Instant now) {
        return new Escalation(e.id(), e.unit(), e.conversation(), e.citizenMessageId(), e.citizenMessageAt(),
                e.priority(), masker.mask(e.reason()), e.intent(), masker.mask(e.citizenText()),
                masker.mask(e.draftReply()), e.candidates(), EscalationStatus.OPEN, now, null, null, null,
                List.of(new Escalation.StatusChange(EscalationStatus.OPEN, Escalation.ASSISTANT, now, null)));
    }

    /** OPEN → CLAIMED; the holder claiming again changes nothing; another holder or CLOSED refuses. */
    public EscalationChange claim(Escalation cur, String officer, Instant now) {
        if (cur.status() == EscalationStatus.CLOSED) {
            return new EscalationChange.WrongStatus(cur);
        }
        if (cur.status() != EscalationStatus.OPEN) {
            return officer.equals(cur.holder()) ? new EscalationChange.Applied(cur, cur.status())
                    : new EscalationChange.HeldByOther(cur, cur.holder());
        }
        return applied(cur, next(cur, EscalationStatus.CLAIMED, officer, cur.answer(), cur.closure(),
                new Escalation.StatusChange(EscalationStatus.CLAIMED, officer, now, null)));
    }

    /** Records a reply from OPEN, or from CLAIMED/ANSWERED by the holder. */
    public EscalationChange answer(Escalation cur, String officer, String text, Instant now) {
        if (cur.status() == EscalationStatus.CLOSED) {
            return new EscalationChange.WrongStatus(cur);
        }
        if (cur.status() != EscalationStatus.OPEN && !officer.equals(cur.holder())) {
            return new EscalationChange.HeldByOther(cur, cur.holder());
        }
        return applied(cur, next(cur, EscalationStatus.ANSWERED, officer,
                new Escalation.OfficerAnswer(officer, masker.mask(text), now), cur.closure(),
                new Escalation.StatusChange(EscalationStatus.ANSWERED, officer, now, null)));
    }

    /**
     * Closes anything not yet CLOSED, except one CLAIMED by another officer: only that officer or a supervisor may
     * close it. Decided on the state the store read and written only if it is still the stored one, so a claim that
     * lands first makes a non-holder's close refused, never both succeed.
     */
    public EscalationChange close(Escalation cur, String officer, boolean supervisor, String reason, Instant now) {
        if (cur.status() == EscalationStatus.CLOSED) {
            return new EscalationChange.WrongStatus(cur);
        }
        if (cur.status() == EscalationStatus.CLAIMED && !officer.equals(cur.holder()) && !supervisor) {
            return new EscalationChange.HeldByOther(cur, cur.holder());
        }
        String masked = masker.mask(reason);
        return applied(cur, next(cur, EscalationStatus.CLOSED, cur.holder(), cur.answer(),
                new Escalation.Closure(officer, masked, now),
                new Escalation.StatusChange(EscalationStatus.CLOSED, officer, now, masked)));
    }

    /**
     * Into another unit's queue, status, holder and what joined the case unchanged, the move in the history; already
     * there: no change.
     */
    public EscalationChange move(Escalation cur, String toUnit, String by, String note, Instant now) {
        if (cur.unit().equals(toUnit)) {
            return new EscalationChange.Applied(cur, cur.status());
        }
        List<Escalation.StatusChange> history = new ArrayList<>(cur.history());
        history.add(new Escalation.StatusChange(cur.status(), by, now, masker.mask(note)));
        return applied(cur, new Escalation(cur.id(), toUnit, cur.conversation(), cur.citizenMessageId(),
                cur.citizenMessageAt(), cur.priority(), cur.reason(), cur.intent(), cur.citizenText(), cur.draftReply(),
                cur.candidates(), cur.status(), cur.createdAt(), cur.holder(), cur.answer(), cur.closure(), history,
                cur.additions()));
    }

    private static EscalationChange applied(Escalation before, Escalation after) {
        return new EscalationChange.Applied(after, before.status());
    }

    private static Escalation next(Escalation e, EscalationStatus status, String holder,
                                   Escalation.OfficerAnswer answer, Escalation.Closure closure,
                                   Escalation.StatusChange change) {
        List<Escalation.StatusChange> history = new ArrayList<>(e.history());
        history.add(change);
        return new Escalation(e.id(), e.unit(), e.conversation(), e.citizenMessageId(), e.citizenMessageAt(),
                e.priority(), e.reason(), e.intent(), e.citizenText(), e.draftReply(), e.candidates(), status,
                e.createdAt(), holder, answer, closure, history, e.additions());
    }

    /**
     * Adds what the citizen sent to the case, its texts masked; the same message added again changes nothing. A closed
     * case takes it too: officers reopening it must see it.
     */
    public EscalationChange add(Escalation cur, CaseAddition addition) {
        if (cur.additions().stream().anyMatch(a -> a.messageId().equals(addition.messageId()))) {
            return new EscalationChange.Applied(cur, cur.status());
        }
        List<CaseAddition> additions = new ArrayList<>(cur.additions());
        additions.add(masked(addition));
        return new EscalationChange.Applied(new Escalation(cur.id(), cur.unit(), cur.conversation(), cur.citizenMessageId(),
                cur.citizenMessageAt(), cur.priority(), cur.reason(), cur.intent(), cur.citizenText(), cur.draftReply(),
                cur.candidates(), cur.status(), cur.createdAt(), cur.holder(), cur.answer(), cur.closure(), cur.history(),
                additions), cur.status());
    }

    private CaseAddition masked(CaseAddition a) {
        return switch (a) {
            case CaseAddition.SharedLocation l -> new CaseAddition.SharedLocation(l.messageId(), l.at(), l.point(),
                    masker.mask(l.placeName()));
            case CaseAddition.SharedContact c -> new CaseAddition.SharedContact(c.messageId(), c.at(), masker.mask(c.name()),
                    masker.mask(c.phone()), masker.mask(c.address()));
        };
    }
}
