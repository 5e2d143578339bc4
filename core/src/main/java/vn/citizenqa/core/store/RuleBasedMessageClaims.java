package vn.citizenqa.core.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Message claims decided by the shared {@link ClaimRules}; a store supplies only how it reads a claim and writes one
 * on condition: created where none lives, replaced only if the stored version is the one read.
 */
public abstract class RuleBasedMessageClaims implements MessageClaims {

    /** Enough for any real race: each round means another delivery changed the claim in between. */
    private static final int MAX_ROUNDS = 8;

    protected final ClaimRules rules;
    private final Supplier<Instant> clock;

    /** @param clock the store's time, to the millisecond */
    protected RuleBasedMessageClaims(ClaimRules rules, Supplier<Instant> clock) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    protected final Instant now() {
        return clock.get();
    }

    /** The stored claim, live or expired, or empty. */
    protected abstract Optional<MessageClaim> read(MessageKey key);

    /** Writes {@code fresh} if no claim of its key lives at {@code now}; whether it did. */
    protected abstract boolean createIfNoneLives(MessageClaim fresh, Instant now);

    /** Writes {@code next} if the stored claim is still {@code read} (same version); whether it did. */
    protected abstract boolean replace(MessageClaim read, MessageClaim next);

    @Override
    public final ClaimResult claim(MessageKey key) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Instant now = now();
            String owner = RandomIds.newId();
            MessageClaim fresh = rules.fresh(key, owner, now);
            if (createIfNoneLives(fresh, now)) {
                return new ClaimResult.New(fresh);
            }
            Optional<MessageClaim> seen = read(key).filter(c -> rules.live(c, now));
            if (seen.isEmpty()) {
                continue;
            }
            switch (rules.found(seen.get(), owner, now)) {
                case ClaimRules.Found.Sent s -> {
                    return new ClaimResult.AlreadySent(s.claim());
                }
                case ClaimRules.Found.Held h -> {
                    return new ClaimResult.InProgress(h.claim());
                }
                case ClaimRules.Found.TakenOver t -> {
                    if (replace(seen.get(), t.claim())) {
                        return new ClaimResult.Resumed(t.claim());
                    }
                }
            }
        }
        throw new StoreUnavailableException("message " + key + " kept changing while being claimed", null);
    }

    @Override
    public final ClaimUpdate markDecided(MessageKey key, String owner, ReplyDraft draft) {
        Objects.requireNonNull(draft, "draft");
        return transition(key, (cur, now) -> rules.decided(cur, owner, draft, now));
    }

    @Override
    public final ClaimUpdate markSent(MessageKey key, String owner, String platformMessageId) {
        Objects.requireNonNull(platformMessageId, "platformMessageId");
        return transition(key, (cur, now) -> rules.sent(cur, owner, platformMessageId, now));
    }

    @Override
    public final ClaimUpdate markSending(MessageKey key, String owner) {
        return transition(key, (cur, now) -> rules.sending(cur, owner, now));
    }

    @Override
    public final ClaimUpdate markNotSent(MessageKey key, String owner) {
        return transition(key, (cur, now) -> rules.notSent(cur, owner, now));
    }

    @Override
    public final ClaimUpdate release(MessageKey key, String owner) {
        return transition(key, (cur, now) -> rules.released(cur, owner, now));
    }

    @Override
    public final Optional<MessageClaim> find(MessageKey key) {
        Instant now = now();
        return read(key).filter(c -> rules.live(c, now));
    }

    private interface Step {
        Optional<MessageClaim> next(MessageClaim current, Instant now);
    }

    private ClaimUpdate transition(MessageKey key, Step step) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Instant now = now();
            Optional<MessageClaim> cur = read(key).filter(c -> rules.live(c, now));
            if (cur.isEmpty()) {
                return new ClaimUpdate.Refused(null);
            }
            Optional<MessageClaim> next = step.next(cur.get(), now);
            if (next.isEmpty()) {
                return new ClaimUpdate.Refused(cur.get());
            }
            if (replace(cur.get(), next.get())) {
                return new ClaimUpdate.Applied(next.get());
            }
        }
        throw new StoreUnavailableException("message " + key + " kept changing while being updated", null);
    }
}
