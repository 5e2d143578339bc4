package vn.citizenqa.core.store;

import java.time.Instant;
import java.util.Objects;

import vn.citizenqa.core.model.Keys;

/**
 * Officers' actions decided by the shared {@link EscalationRules}; a store supplies only how it reads an escalation
 * and writes the decided change on the condition that the escalation is still as read.
 */
public abstract class RuleBasedEscalations implements Escalations {

    protected final EscalationRules rules;

    protected RuleBasedEscalations(EscalationRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** What an officer's action makes of the escalation as read at {@code now}. */
    protected interface OfficerAction {
        EscalationChange decide(Escalation current, Instant now);
    }

    /**
     * Reads the escalation, lets {@code action} decide, and stores an {@link EscalationChange.Applied} result only if
     * the escalation did not change in between (deciding again on what is stored then).
     *
     * @return {@link EscalationChange.NotFound} for an unknown id, else the decided change
     */
    protected abstract EscalationChange change(String id, OfficerAction action);

    @Override
    public final EscalationChange claim(String id, String officer) {
        Objects.requireNonNull(officer, "officer");
        return change(id, (cur, now) -> rules.claim(cur, officer, now));
    }

    @Override
    public final EscalationChange answer(String id, String officer, String text) {
        Objects.requireNonNull(officer, "officer");
        Objects.requireNonNull(text, "text");
        return change(id, (cur, now) -> rules.answer(cur, officer, text, now));
    }

    @Override
    public final EscalationChange addToCase(String id, CaseAddition addition) {
        Objects.requireNonNull(addition, "addition");
        return change(id, (cur, now) -> rules.add(cur, addition));
    }

    @Override
    public final EscalationChange close(String id, String officer, boolean supervisor, String reason) {
        Objects.requireNonNull(officer, "officer");
        Objects.requireNonNull(reason, "reason");
        return change(id, (cur, now) -> rules.close(cur, officer, supervisor, reason, now));
    }

    @Override
    public final EscalationChange move(String id, String toUnit, String by, String note) {
        Keys.requireId(toUnit, "toUnit");
        Objects.requireNonNull(by, "by");
        return change(id, (cur, now) -> rules.move(cur, toUnit, by, note, now));
    }
}
