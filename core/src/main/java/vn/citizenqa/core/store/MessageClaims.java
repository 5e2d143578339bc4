package vn.citizenqa.core.store;

import java.util.Optional;

/**
 * Claim-once for inbound messages, so that a redelivered webhook never searches, records or replies twice.
 *
 * <p>A delivery works in this order, each step safe to repeat after a crash:
 * {@link #claim} → decide → {@link #markDecided} (the draft is stored; only the delivery that wins this write
 * counts the question) → create the escalation if any (its id is derived from the message, so creating it again
 * finds it) → send → {@link #markSent}. If sending fails the delivery calls {@link #release} and answers 5xx, and
 * the redelivery gets {@link ClaimResult.Resumed} with the stored draft.
 */
public interface MessageClaims {

    /** Claims the message for the calling delivery, or reports who has it and how far it got. */
    ClaimResult claim(MessageKey key);

    /** RECEIVED → DECIDED, storing the draft; only the owner may, and only from RECEIVED. Renews the lease. */
    ClaimUpdate markDecided(MessageKey key, String owner, ReplyDraft draft);

    /** DECIDED → SENT, storing the platform's id of the reply; only the owner may, and only from DECIDED. */
    ClaimUpdate markSent(MessageKey key, String owner, String platformMessageId);

    /** Ends the owner's lease at once (its send failed), so the platform's redelivery can resume without waiting. */
    ClaimUpdate release(MessageKey key, String owner);

    Optional<MessageClaim> find(MessageKey key);
}
