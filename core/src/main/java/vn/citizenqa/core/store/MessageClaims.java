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

    /**
     * DECIDED → SENDING, or SENDING → SENDING_AGAIN: the send is marked in progress before the channel is called, so
     * that a later receive knows a send may have reached the platform. Only the owner may. Renews the lease.
     */
    ClaimUpdate markSending(MessageKey key, String owner);

    /**
     * The channel provably did not take the reply: SENDING → DECIDED, SENDING_AGAIN → SENDING (the send marked last
     * is undone), and the lease ends at once as with {@link #release}. Only the owner may.
     */
    ClaimUpdate markNotSent(MessageKey key, String owner);

    /** DECIDED, SENDING or SENDING_AGAIN → SENT, storing the platform's id of the reply; only the owner may. */
    ClaimUpdate markSent(MessageKey key, String owner, String platformMessageId);

    /** Ends the owner's lease at once (its send failed), so the platform's redelivery can resume without waiting. */
    ClaimUpdate release(MessageKey key, String owner);

    Optional<MessageClaim> find(MessageKey key);

    /** The live claims of these keys (a webhook body of many messages looks them up at once); absent keys are left out. */
    default java.util.Map<MessageKey, MessageClaim> findAll(java.util.Collection<MessageKey> keys) {
        java.util.Map<MessageKey, MessageClaim> found = new java.util.HashMap<>();
        for (MessageKey k : keys) {
            find(k).ifPresent(c -> found.put(k, c));
        }
        return found;
    }

    /**
     * The keys whose message is already answered (a live claim in state SENT): all the webhook asks of a redelivery.
     * A store may read only the state and expiry of each claim for it, not the whole claim with its draft.
     */
    default java.util.Set<MessageKey> answered(java.util.Collection<MessageKey> keys) {
        java.util.Set<MessageKey> answered = new java.util.HashSet<>();
        findAll(keys).forEach((k, c) -> {
            if (c.state() == MessageState.SENT) {
                answered.add(k);
            }
        });
        return answered;
    }
}
