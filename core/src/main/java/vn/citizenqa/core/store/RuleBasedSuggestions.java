package vn.citizenqa.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Suggestions decided by the shared {@link SuggestionRules}; a store supplies only how it reads and lists them and
 * writes one on condition: created if absent, replaced only while its status is still the one read.
 */
public abstract class RuleBasedSuggestions implements Suggestions {

    protected final SuggestionRules rules;
    private final Supplier<Instant> clock;

    /** @param clock the store's time, to the millisecond */
    protected RuleBasedSuggestions(SuggestionRules rules, Supplier<Instant> clock) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private Instant now() {
        return clock.get();
    }

    /** Writes {@code fresh} unless one with its id exists; whether it did. */
    protected abstract boolean createIfAbsent(Suggestion fresh);

    /** Writes {@code next} if the stored suggestion still has the status of {@code read}; whether it did. */
    protected abstract boolean replace(Suggestion read, Suggestion next);

    /** The PENDING ones, oldest first, at most {@code limit}. */
    protected abstract List<Suggestion> pendingOldestFirst(int limit);

    @Override
    public final Suggestion add(NewSuggestion s) {
        Suggestion fresh = rules.fresh(s, now());
        if (createIfAbsent(fresh)) {
            return fresh;
        }
        return find(s.id()).orElseThrow(() ->
                new StoreUnavailableException("suggestion " + s.id() + " exists but cannot be read", null));
    }

    @Override
    public final List<Suggestion> pending(int limit) {
        SuggestionRules.checkPendingLimit(limit);
        return pendingOldestFirst(limit);
    }

    @Override
    public final boolean markExported(String id) {
        Optional<Suggestion> cur = find(id);
        if (cur.isEmpty()) {
            return false;
        }
        Optional<Suggestion> next = rules.exported(cur.get(), now());
        return next.isPresent() && replace(cur.get(), next.get());
    }
}
