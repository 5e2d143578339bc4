package vn.citizenqa.core.officer;

/** A reply that reached the channel, and the escalation after it was recorded. */
public record ReplyOutcome(EscalationDetail escalation, Delivery delivery) {
}
