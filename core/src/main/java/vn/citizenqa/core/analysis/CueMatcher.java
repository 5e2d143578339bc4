package vn.citizenqa.core.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.citizenqa.core.text.Folding;

/**
 * Finds vocabulary phrases ("đang cháy", "lệ phí", "cảm ơn") in a message's token graph, so that a cue
 * also matches through the lexicon ("bn tiền" → "bao nhiêu tiền") and typed without diacritics.
 *
 * <p>A cue syllable written with diacritics matches the same syllable typed without any ("chay") or with
 * the same ones ("cháy"), but not with other ones ("chạy"): folding alone would confuse words that
 * citizens who type diacritics keep apart. A one-syllable cue with diacritics must be typed with them:
 * alone, "dang" is "đăng" as often as "đang", "mau" is "màu" as often as "máu".
 *
 * @param <T> what a cue stands for (a service number, a field of a procedure…)
 */
public final class CueMatcher<T> {

    /** One phrase and what it stands for. */
    public record Cue<T>(String phrase, List<String> syllables, List<String> folded, T value) {
    }

    /** Where a cue was found: graph positions {@code [from, to)}. */
    public record Match<T>(Cue<T> cue, int from, int to) {
    }

    private final Map<String, List<Cue<T>>> byFirstSyllable = new HashMap<>();
    private final int size;

    public CueMatcher(List<Cue<T>> cues) {
        for (Cue<T> c : cues) {
            byFirstSyllable.computeIfAbsent(c.folded().getFirst(), k -> new ArrayList<>()).add(c);
        }
        this.size = cues.size();
    }

    /** A cue of the phrase, analysed like the index analyses text. Null when it has no syllable. */
    public static <T> Cue<T> cue(String phrase, T value) {
        List<String> syllables = VietnameseAnalysis.syllables(phrase);
        return syllables.isEmpty() ? null
                : new Cue<>(phrase, List.copyOf(syllables), syllables.stream().map(Folding::removeDiacritics).toList(), value);
    }

    public int size() {
        return size;
    }

    /** Every occurrence of every cue, in graph order. */
    public List<Match<T>> find(TokenGraph graph) {
        List<Match<T>> out = new ArrayList<>();
        for (TokenGraph.Edge e : graph.edges()) {
            List<Cue<T>> candidates = byFirstSyllable.get(e.folded());
            if (candidates == null) {
                continue;
            }
            for (Cue<T> c : candidates) {
                if (same(c, 0, e)) {
                    int end = extend(graph, c, 1, e.to());
                    if (end >= 0) {
                        out.add(new Match<>(c, e.from(), end));
                    }
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt(Match::from));
        return out;
    }

    public boolean any(TokenGraph graph) {
        return !find(graph).isEmpty();
    }

    /** The end node when the cue's syllables from {@code i} on follow a path from {@code node}, else -1. */
    private int extend(TokenGraph graph, Cue<T> c, int i, int node) {
        if (i == c.syllables().size()) {
            return node;
        }
        for (TokenGraph.Edge e : graph.from(node)) {
            if (same(c, i, e)) {
                int end = extend(graph, c, i + 1, e.to());
                if (end >= 0) {
                    return end;
                }
            }
        }
        return -1;
    }

    private static boolean same(Cue<?> c, int i, TokenGraph.Edge e) {
        String syllable = c.syllables().get(i);
        if (syllable.equals(e.term())) {
            return true;
        }
        String folded = c.folded().get(i);
        if (!folded.equals(e.folded()) || (c.syllables().size() == 1 && !syllable.equals(folded))) {
            return false;
        }
        // Same letters: a match unless both carry (different) diacritics.
        return e.term().equals(e.folded()) || syllable.equals(folded);
    }
}
