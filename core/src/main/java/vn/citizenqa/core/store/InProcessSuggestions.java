package vn.citizenqa.core.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/** Suggestions in memory: each conditional write one atomic map operation. */
final class InProcessSuggestions extends RuleBasedSuggestions {

    private final ConcurrentHashMap<String, Suggestion> byId = new ConcurrentHashMap<>();

    InProcessSuggestions(SuggestionRules rules, Supplier<Instant> now) {
        super(rules, now);
    }

    @Override
    public Optional<Suggestion> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    protected boolean createIfAbsent(Suggestion fresh) {
        return byId.putIfAbsent(fresh.id(), fresh) == null;
    }

    @Override
    protected boolean replace(Suggestion read, Suggestion next) {
        AtomicBoolean replaced = new AtomicBoolean();
        byId.computeIfPresent(read.id(), (k, cur) -> {
            if (cur.status() != read.status()) {
                return cur;
            }
            replaced.set(true);
            return next;
        });
        return replaced.get();
    }

    @Override
    protected List<Suggestion> pendingOldestFirst(int limit) {
        return byId.values().stream().filter(x -> x.status() == SuggestionStatus.PENDING)
                .sorted(Comparator.comparing(Suggestion::createdAt).thenComparing(Suggestion::id))
                .limit(limit).toList();
    }
}
