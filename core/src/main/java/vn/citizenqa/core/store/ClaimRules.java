package vn.citizenqa.core.store;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The message claim's state machine, decided on the claim a store read; the store then writes the result only if
 * that claim is still the stored one (same version). Shared by every store, so that they agree on every rule.
 *
 * <p>RECEIVED → DECIDED (the draft stored) → SENDING (the channel is being called) → SENT; a second send after an
 * unconfirmed first is SENDING_AGAIN, never a third. A delivery holds the message for a lease, and only the holder
 * moves it on. A claim past its expiry is as good as absent.
 */
public final class ClaimRules {

    private static final Set<MessageState> SENDABLE = EnumSet.of(MessageState.DECIDED, MessageState.SENDING,
            MessageState.SENDING_AGAIN);

    private final StoreSettings settings;

    public ClaimRules(StoreSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** What claiming finds when a live claim exists: done, held by another delivery, or taken over by {@code owner}. */
    public sealed interface Found {
        record Sent(MessageClaim claim) implements Found {
        }

        record Held(MessageClaim claim) implements Found {
        }

        record TakenOver(MessageClaim claim) implements Found {
        }
    }

    /** A first claim by {@code owner} at {@code now}. */
    public MessageClaim fresh(MessageKey key, String owner, Instant now) {
        return new MessageClaim(key, MessageState.RECEIVED, owner, now.plus(settings.claimLease()), now, now, null, null,
                settings.claimExpiry(now), 1);
    }

    public boolean live(MessageClaim claim, Instant now) {
        return claim.expiresAt().isAfter(now);
    }

    /** A claim of a message already claimed (and live). */
    public Found found(MessageClaim cur, String owner, Instant now) {
        if (cur.state() == MessageState.SENT) {
            return new Found.Sent(cur);
        }
        if (cur.leaseUntil().isAfter(now)) {
            return new Found.Held(cur);
        }
        return new Found.TakenOver(new MessageClaim(cur.key(), cur.state(), owner, now.plus(settings.claimLease()),
                cur.claimedAt(), now, cur.draft(), null, cur.expiresAt(), cur.version() + 1));
    }

    /** RECEIVED → DECIDED with the draft, renewing the lease; empty when {@code owner} may not. */
    public Optional<MessageClaim> decided(MessageClaim cur, String owner, ReplyDraft draft, Instant now) {
        Objects.requireNonNull(draft, "draft");
        return allowed(cur, owner, EnumSet.of(MessageState.RECEIVED), now) ? Optional.of(new MessageClaim(cur.key(),
                MessageState.DECIDED, owner, now.plus(settings.claimLease()), cur.claimedAt(), now, draft, null,
                cur.expiresAt(), cur.version() + 1)) : Optional.empty();
    }

    /** DECIDED, SENDING or SENDING_AGAIN → SENT with the platform's id of the reply; empty when {@code owner} may not. */
    public Optional<MessageClaim> sent(MessageClaim cur, String owner, String platformMessageId, Instant now) {
        Objects.requireNonNull(platformMessageId, "platformMessageId");
        return allowed(cur, owner, SENDABLE, now) ? Optional.of(new MessageClaim(cur.key(),
                MessageState.SENT, owner, cur.leaseUntil(), cur.claimedAt(), now, cur.draft(), platformMessageId,
                cur.expiresAt(), cur.version() + 1)) : Optional.empty();
    }

    /**
     * DECIDED → SENDING, SENDING → SENDING_AGAIN (marked before the channel is called), renewing the lease; empty when
     * {@code owner} may not, or when a second send is already marked.
     */
    public Optional<MessageClaim> sending(MessageClaim cur, String owner, Instant now) {
        if (!allowed(cur, owner, EnumSet.of(MessageState.DECIDED, MessageState.SENDING), now)) {
            return Optional.empty();
        }
        MessageState next = cur.state() == MessageState.DECIDED ? MessageState.SENDING : MessageState.SENDING_AGAIN;
        return Optional.of(new MessageClaim(cur.key(), next, owner, now.plus(settings.claimLease()), cur.claimedAt(), now,
                cur.draft(), null, cur.expiresAt(), cur.version() + 1));
    }

    /**
     * The channel provably did not take the reply: the send marked last is undone (SENDING → DECIDED, SENDING_AGAIN →
     * SENDING) and the lease ends now; empty when {@code owner} may not.
     */
    public Optional<MessageClaim> notSent(MessageClaim cur, String owner, Instant now) {
        if (!allowed(cur, owner, EnumSet.of(MessageState.SENDING, MessageState.SENDING_AGAIN), now)) {
            return Optional.empty();
        }
        MessageState back = cur.state() == MessageState.SENDING_AGAIN ? MessageState.SENDING : MessageState.DECIDED;
        return Optional.of(new MessageClaim(cur.key(), back, owner, now, cur.claimedAt(), now, cur.draft(), null,
                cur.expiresAt(), cur.version() + 1));
    }

    /** Ends the holder's lease now (its send failed), whatever the state short of SENT; empty when it may not. */
    public Optional<MessageClaim> released(MessageClaim cur, String owner, Instant now) {
        return allowed(cur, owner, null, now) ? Optional.of(new MessageClaim(cur.key(), cur.state(), owner, now,
                cur.claimedAt(), now, cur.draft(), null, cur.expiresAt(), cur.version() + 1)) : Optional.empty();
    }

    /** Live, held by {@code owner}, not SENT, and in {@code expected} when given. */
    private boolean allowed(MessageClaim cur, String owner, Set<MessageState> expected, Instant now) {
        return live(cur, now) && cur.owner().equals(owner) && cur.state() != MessageState.SENT
                && (expected == null || expected.contains(cur.state()));
    }
}
