package vn.citizenqa.core.store;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/** Message claims in memory: each conditional write one atomic {@link ConcurrentHashMap#compute}. */
final class InProcessClaims extends RuleBasedMessageClaims {

    private final ConcurrentHashMap<MessageKey, MessageClaim> byKey = new ConcurrentHashMap<>();

    InProcessClaims(ClaimRules rules, Supplier<Instant> now) {
        super(rules, now);
    }

    @Override
    protected Optional<MessageClaim> read(MessageKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    @Override
    protected boolean createIfNoneLives(MessageClaim fresh, Instant at) {
        AtomicBoolean created = new AtomicBoolean();
        byKey.compute(fresh.key(), (k, cur) -> {
            if (cur != null && rules.live(cur, at)) {
                return cur;
            }
            created.set(true);
            return fresh;
        });
        return created.get();
    }

    @Override
    protected boolean replace(MessageClaim read, MessageClaim next) {
        AtomicBoolean replaced = new AtomicBoolean();
        byKey.computeIfPresent(read.key(), (k, cur) -> {
            if (cur.version() != read.version()) {
                return cur;
            }
            replaced.set(true);
            return next;
        });
        return replaced.get();
    }
}
