package vn.citizenqa.core.officer;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import vn.citizenqa.core.model.ProcedureRef;
import vn.citizenqa.core.text.Folding;

/**
 * Every procedure of the knowledge base by title, for an officer choosing the one a reply is about: a procedure
 * matches when each word typed is in its title or id, with or without diacritics.
 */
public final class ProcedureDirectory {

    private record Entry(ProcedureRef procedure, String folded) {
    }

    private final List<Entry> entries;

    public ProcedureDirectory(List<ProcedureRef> procedures) {
        // Sorted as the titles read (Đ with D), not by their character codes.
        this.entries = procedures.stream()
                .map(p -> new Entry(p, Folding.fold(p.title() + " " + p.id().replace('-', ' '))))
                .sorted(Comparator.comparing(Entry::folded))
                .toList();
    }

    public static ProcedureDirectory empty() {
        return new ProcedureDirectory(List.of());
    }

    /** The procedures matching every word of {@code query} (all of them for a blank one), by title, at most limit. */
    public List<ProcedureRef> search(String query, int limit) {
        List<String> words = query == null ? List.of()
                : Arrays.stream(Folding.fold(query).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
        return entries.stream()
                .filter(e -> words.stream().allMatch(e.folded()::contains))
                .limit(limit)
                .map(Entry::procedure)
                .toList();
    }

    public int size() {
        return entries.size();
    }
}
