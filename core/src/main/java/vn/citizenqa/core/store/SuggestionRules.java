package vn.citizenqa.core.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import vn.citizenqa.core.privacy.PersonalDataMasker;

/**
 * What happens to officers' suggestions, decided once for every store: a new one is PENDING with its texts masked; an
 * export takes a PENDING one, once. The store writes the result on condition that the suggestion is still as read.
 */
public final class SuggestionRules {

    private final PersonalDataMasker masker;

    public SuggestionRules(PersonalDataMasker masker) {
        this.masker = Objects.requireNonNull(masker, "masker");
    }

    /** A new PENDING suggestion with masked texts, proposed at {@code now}. */
    public Suggestion fresh(NewSuggestion s, Instant now) {
        return new Suggestion(s.id(), s.escalationId(), s.unit(), s.procedureId(), masker.mask(s.question()),
                s.answer() == null ? null : masker.mask(s.answer()), s.officer(), now, SuggestionStatus.PENDING, null);
    }

    /** PENDING → EXPORTED at {@code now}; empty when it is not PENDING (another export took it). */
    public Optional<Suggestion> exported(Suggestion cur, Instant now) {
        if (cur.status() != SuggestionStatus.PENDING) {
            return Optional.empty();
        }
        return Optional.of(new Suggestion(cur.id(), cur.escalationId(), cur.unit(), cur.procedureId(), cur.question(),
                cur.answer(), cur.officer(), cur.createdAt(), SuggestionStatus.EXPORTED, now));
    }

    /** The bounds of one read of pending suggestions. */
    public static void checkPendingLimit(int limit) {
        if (limit < 1 || limit > Suggestions.MAX_READ) {
            throw new IllegalArgumentException("limit must be 1.." + Suggestions.MAX_READ + ": " + limit);
        }
    }
}
