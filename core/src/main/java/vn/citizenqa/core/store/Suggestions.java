package vn.citizenqa.core.store;

import java.util.List;
import java.util.Optional;

/** Officers' proposals of new sample questions, kept until an editor's export takes them. */
public interface Suggestions {

    /** Most suggestions one {@link #pending} read returns. */
    int MAX_READ = 1000;

    /**
     * Stores a PENDING suggestion with masked texts, unless one with that id exists.
     *
     * @return the stored suggestion (the earlier one when it existed)
     */
    Suggestion add(NewSuggestion suggestion);

    Optional<Suggestion> find(String id);

    /**
     * The PENDING suggestions, oldest first.
     *
     * @param limit 1..{@link #MAX_READ}
     */
    List<Suggestion> pending(int limit);

    /**
     * PENDING → EXPORTED, a conditional write.
     *
     * @return false when it is unknown or was not PENDING (another export took it)
     */
    boolean markExported(String id);
}
