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

    /**
     * One phrase and what it stands for.
     *
     * @param exact  the phrase must be typed with its diacritics (written with a leading {@code =} in a
     *               vocabulary file: "=chạy xe" is not "cháy xe" typed without them)
     * @param wideAt for a phrase written with "…" between two parts ("bị … đánh"), how many of its syllables come
     *               before the "…"; else -1
     */
    public record Cue<T>(String phrase, List<String> syllables, List<String> folded, boolean exact, T value, int wideAt) {
    }

    /** What a phrase writes between two parts to let a short run of words in ("bị … đánh"). */
    public static final String WIDE = "…";

    /**
     * Where a cue was found: graph positions {@code [from, to)}.
     *
     * @param approximate an exact cue matched only by its letters, typed without diacritics ("chay" for
     *                    "cháy", which may as well be "chạy"): weaker evidence
     */
    public record Match<T>(Cue<T> cue, int from, int to, boolean approximate) {
    }

    private final Map<String, List<Cue<T>>> byFirstSyllable = new HashMap<>();
    private final int size;
    private final boolean approximate;

    public CueMatcher(List<Cue<T>> cues) {
        this(cues, false);
    }

    /** @param approximate also report exact cues typed without their diacritics, as approximate matches */
    public CueMatcher(List<Cue<T>> cues, boolean approximate) {
        this.approximate = approximate;
        for (Cue<T> c : cues) {
            byFirstSyllable.computeIfAbsent(c.folded().getFirst(), k -> new ArrayList<>()).add(c);
        }
        this.size = cues.size();
    }

    /**
     * A cue of the phrase, analysed like the index analyses text; a leading {@code =} asks for its
     * diacritics. A cue of one syllable asks for them too (bare, "chay" may be "cháy" or "chạy"), unless it is
     * written with a leading {@code ~}: a syllable whose bare letters, in a message typed without diacritics, are
     * read as it ("dang" as "đang"). Null when it has no syllable.
     */
    public static <T> Cue<T> cue(String phrase, T value) {
        boolean exact = phrase.startsWith("=");
        boolean bare = phrase.startsWith("~");
        String text = exact || bare ? phrase.substring(1) : phrase;
        List<String> syllables = VietnameseAnalysis.syllables(text);
        int wide = text.indexOf(WIDE);
        return syllables.isEmpty() ? null
                : new Cue<>(text, List.copyOf(syllables), syllables.stream().map(Folding::removeDiacritics).toList(),
                        exact || (syllables.size() == 1 && !bare), value,
                        wide > 0 ? VietnameseAnalysis.syllables(text.substring(0, wide)).size() : -1);
    }

    /**
     * Writes cues as the start-up artifact holds them, analysed already ({@link #readCues}); their values are
     * strings. The same cues, the same bytes.
     */
    public static void writeCues(java.io.DataOutputStream out, List<Cue<String>> cues) throws java.io.IOException {
        out.writeInt(cues.size());
        for (Cue<String> c : cues) {
            out.writeUTF(c.phrase());
            out.writeUTF(c.value());
            out.writeBoolean(c.exact());
            out.writeInt(c.wideAt());
            out.writeInt(c.syllables().size());
            for (int i = 0; i < c.syllables().size(); i++) {
                out.writeUTF(c.syllables().get(i));
                out.writeUTF(c.folded().get(i));
            }
        }
    }

    /**
     * The cues {@link #writeCues} wrote, in their order; nothing is analysed. A value or syllable that repeats is kept
     * once (as a line's attributes were, read from text), so that the restored cues take no more heap than parsed ones.
     */
    public static List<Cue<String>> readCues(java.io.DataInputStream in) throws java.io.IOException {
        int count = in.readInt();
        List<Cue<String>> cues = new ArrayList<>(count);
        Map<String, String> once = new HashMap<>();
        for (int n = 0; n < count; n++) {
            String phrase = in.readUTF();
            String value = once.computeIfAbsent(in.readUTF(), v -> v);
            boolean exact = in.readBoolean();
            int wideAt = in.readInt();
            int size = in.readInt();
            String[] syllables = new String[size];
            String[] folded = new String[size];
            for (int i = 0; i < size; i++) {
                syllables[i] = once.computeIfAbsent(in.readUTF(), v -> v);
                folded[i] = once.computeIfAbsent(in.readUTF(), v -> v);
            }
            cues.add(new Cue<>(phrase, List.of(syllables), List.of(folded), exact, value, wideAt));
        }
        return cues;
    }

    public int size() {
        return size;
    }

    /** Every occurrence of every cue, in graph order. */
    public List<Match<T>> find(TokenGraph graph) {
        List<Match<T>> out = new ArrayList<>();
        // In a message typed with diacritics a syllable typed bare was meant bare: "có mua" is not "có mưa".
        boolean bareMeansBare = graph.typedWithDiacritics();
        for (TokenGraph.Edge e : graph.edges()) {
            List<Cue<T>> candidates = byFirstSyllable.get(e.folded());
            if (candidates == null) {
                continue;
            }
            for (Cue<T> c : candidates) {
                if (same(c, 0, e, false, bareMeansBare)) {
                    int end = extend(graph, c, 1, e.to(), false, bareMeansBare);
                    if (end >= 0) {
                        out.add(new Match<>(c, e.from(), end, false));
                    }
                } else if (approximate && same(c, 0, e, true, false)) {
                    int end = extend(graph, c, 1, e.to(), true, false);
                    if (end >= 0) {
                        out.add(new Match<>(c, e.from(), end, true));
                    }
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt(Match::from));
        return out;
    }

    /**
     * How many words typed in the message lie outside every match and are not function words: what the
     * message says besides the cues ("lệ phí làm hộ chiếu bao nhiêu": two words besides the fee cues).
     */
    public static int wordsOutside(TokenGraph graph, List<? extends Match<?>> matches, Lexicon lexicon) {
        boolean[] covered = new boolean[graph.length() + 1];
        for (Match<?> m : matches) {
            for (int n = m.from(); n < m.to(); n++) {
                covered[n] = true;
            }
        }
        int other = 0;
        for (TokenGraph.Segment s : graph.segments()) {
            for (TokenGraph.Edge e : s.typedPath()) {
                if (!covered[e.from()] && !lexicon.isStopword(e.term())) {
                    other++;
                }
            }
        }
        return other;
    }

    public boolean any(TokenGraph graph) {
        return !find(graph).isEmpty();
    }

    /** The end node when the cue's syllables from {@code i} on follow a path from {@code node}, else -1. */
    private int extend(TokenGraph graph, Cue<T> c, int i, int node, boolean loose, boolean bareMeansBare) {
        if (i == c.syllables().size()) {
            return node;
        }
        for (TokenGraph.Edge e : graph.from(node)) {
            if (same(c, i, e, loose, bareMeansBare)) {
                int end = extend(graph, c, i + 1, e.to(), loose, bareMeansBare);
                if (end >= 0) {
                    return end;
                }
            }
        }
        return -1;
    }

    /**
     * Whether the edge is the cue's i-th syllable; {@code loose}: an exact cue's letters typed bare also do;
     * {@code bareMeansBare}: the message is typed with diacritics, so a syllable typed bare matches only a bare
     * cue syllable.
     */
    private static boolean same(Cue<?> c, int i, TokenGraph.Edge e, boolean loose, boolean bareMeansBare) {
        String syllable = c.syllables().get(i);
        if (syllable.equals(e.term())) {
            return true;
        }
        String folded = c.folded().get(i);
        if (!folded.equals(e.folded()) || (c.exact() && !loose && !syllable.equals(folded))) {
            return false;
        }
        // Same letters: a match unless both carry (different) diacritics, or the message has diacritics elsewhere
        // and this syllable was typed without the cue's.
        if (syllable.equals(folded)) {
            return true;
        }
        return e.term().equals(e.folded()) && !(bareMeansBare && e.typed());
    }
}
