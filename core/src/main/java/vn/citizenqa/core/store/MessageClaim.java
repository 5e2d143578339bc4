package vn.citizenqa.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The stored record of one inbound message.
 *
 * @param owner             the token of the delivery currently working on it; transitions must present it
 * @param leaseUntil        until when that delivery holds it; after that a redelivery may take it over
 * @param draft             the stored draft once DECIDED (kept when SENT), else null
 * @param platformMessageId the id the platform gave the reply once SENT, else null
 * @param expiresAt         when the store forgets the claim (the TTL)
 * @param version           1 when first claimed, one more on every change: a store writes a change only if the
 *                          stored version is still the one it read
 */
public record MessageClaim(MessageKey key, MessageState state, String owner, Instant leaseUntil, Instant claimedAt,
                           Instant updatedAt, ReplyDraft draft, String platformMessageId, Instant expiresAt,
                           long version) {

    public MessageClaim {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        Objects.requireNonNull(claimedAt, "claimedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (state != MessageState.RECEIVED && draft == null) {
            throw new IllegalArgumentException("a " + state + " message has a draft");
        }
        if (state == MessageState.SENT && platformMessageId == null) {
            throw new IllegalArgumentException("a SENT message has the platform's message id");
        }
    }
}
