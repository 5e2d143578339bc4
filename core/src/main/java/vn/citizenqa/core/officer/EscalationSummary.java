package vn.citizenqa.core.officer;

import java.time.Instant;

import vn.citizenqa.core.store.Escalation;

/**
 * An escalation as a queue lists it.
 *
 * @param replyDeadline the last moment a reply can reach the citizen, counted from the escalated message
 */
public record EscalationSummary(Escalation escalation, Instant replyDeadline) {
}
