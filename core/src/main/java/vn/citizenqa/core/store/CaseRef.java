package vn.citizenqa.core.store;

import java.time.Instant;
import java.util.Objects;

import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.model.Keys;

/**
 * The case a conversation's latest emergency or report opened, as the conversation remembers it: what a location or
 * contact details sent next join, without deciding the earlier messages again.
 *
 * @param escalationId the escalation it opened
 * @param intent       EMERGENCY or CRIME_REPORT
 * @param at           when the citizen sent the message that opened it
 */
public record CaseRef(String escalationId, Intent intent, Instant at) {

    public CaseRef {
        Keys.requireId(escalationId, "escalationId");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(at, "at");
    }
}
