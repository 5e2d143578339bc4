package vn.citizenqa.core.model;

/** The part of a decision that asks officers to take over. */
public record EscalationRequest(Priority priority, String reason) {
}
