package vn.citizenqa.core.store;

import java.util.Optional;

/**
 * Escalations and each unit's queue of them. Officer actions are conditional on the status and holder the store
 * holds, so two officers acting at once cannot both win. Every state change records who and when.
 */
public interface Escalations {

    /** Most a queue page holds. */
    int MAX_PAGE_SIZE = 100;

    /**
     * Stores a new OPEN escalation with masked texts, unless one with that id exists.
     *
     * @return the stored escalation, and whether this call created it
     */
    Created create(NewEscalation escalation);

    Optional<Escalation> find(String id);

    /**
     * One page of the unit's escalations in that status: most urgent first, then oldest first.
     *
     * @param cursor null for the first page, else the previous page's {@code nextCursor}
     * @param limit  1..{@link #MAX_PAGE_SIZE}
     * @throws IllegalArgumentException for a cursor this store did not issue
     */
    EscalationQueuePage queue(String unit, EscalationStatus status, String cursor, int limit);

    /** OPEN → CLAIMED by the officer; claiming what one already holds changes nothing and succeeds. */
    EscalationChange claim(String id, String officer);

    /**
     * Records the officer's reply (masked) and marks it ANSWERED: allowed when OPEN, or CLAIMED or ANSWERED by the
     * same officer; the officer then holds it.
     */
    EscalationChange answer(String id, String officer, String text);

    /**
     * Adds a location or contact details the citizen sent to the case (texts masked), whatever its status; the same
     * message added again changes nothing.
     */
    EscalationChange addToCase(String id, CaseAddition addition);

    /**
     * Closes it with a reason (masked), whatever its status short of CLOSED; one CLAIMED by another officer only a
     * {@code supervisor} may close (else {@link EscalationChange.HeldByOther}), decided in the same conditional write.
     */
    EscalationChange close(String id, String officer, boolean supervisor, String reason);

    /**
     * Moves it to another unit's queue (a unit merged into another), keeping its status and holder and recording the
     * move in its history with {@code note}; one already in that unit changes nothing and succeeds.
     */
    EscalationChange move(String id, String toUnit, String by, String note);

    record Created(Escalation escalation, boolean created) {
    }
}
