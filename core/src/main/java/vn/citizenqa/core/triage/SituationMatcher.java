package vn.citizenqa.core.triage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.citizenqa.core.analysis.CueMatcher.Cue;
import vn.citizenqa.core.analysis.CueMatcher.Match;
import vn.citizenqa.core.analysis.TokenGraph;

/**
 * Finds the triage cues in a message the way people describe a situation, not as fixed phrases:
 * <ul>
 *   <li>a few words may come between a cue's parts: "nước lên <i>rất</i> nhanh" is the cue "nước lên nhanh",
 *       (up to {@link #MAX_GAP} word, in cues of {@link #MIN_GAPPED_CUE} syllables or more, when the matcher
 *       allows gaps);
 *   <li>a cue written with "…" between two parts lets a short run of words in there, within one clause: "bị …
 *       đánh" is "bị <i>tài xế xe ôm</i> đánh" (up to {@link #WIDE_GAP} words; the doer of a passive, the sum of
 *       a transfer: "chuyển … triệu");
 *   <li>letters held down in a hurry count once: "cứuuu", "cháyyy";
 *   <li>diacritics: in a message typed with diacritics, a word typed without any is that plain word ("có mua"
 *       is buying, not "có mưa"), so it matches only a plain cue syllable; in a message typed without them,
 *       a bare word matches the cue of the same letters. A cue that must be typed with its diacritics (one
 *       syllable, or written with a leading {@code =}) matched only by its letters is reported approximate:
 *       weaker evidence ("chay" may be cháy or chạy).
 * </ul>
 * Thread-safe; build once per vocabulary.
 */
final class SituationMatcher {

    /** The most words, in all, that may come between the parts of one cue. */
    static final int MAX_GAP = 1;
    /**
     * Only cues of this many syllables let a word in: two short syllables a word apart are too often other words
     * ("có phải lừa đảo" is not "có dao", "tui nó dọa tung clip" not "nổ tung").
     */
    static final int MIN_GAPPED_CUE = 3;
    /**
     * A message is typed with diacritics when at least this share of its words carry them (ordinary Vietnamese
     * text has them on most syllables; a message typed without them has none or a stray few).
     */
    private static final double ACCENTED_SHARE = 0.25;
    /** The most words a cue's "…" lets in (a doer such as "tài xế xe ôm công nghệ" is six). */
    static final int WIDE_GAP = 6;

    private final Map<String, List<Cue<String>>> byFirstSyllable = new HashMap<>();
    private final boolean gaps;
    private final boolean approximate;

    /**
     * @param gaps        let words come between a cue's parts
     * @param approximate also report exact cues matched only by their letters, as approximate matches
     */
    SituationMatcher(List<Cue<String>> cues, boolean gaps, boolean approximate) {
        this.gaps = gaps;
        this.approximate = approximate;
        for (Cue<String> c : cues) {
            byFirstSyllable.computeIfAbsent(squeeze(c.folded().getFirst()), k -> new ArrayList<>()).add(c);
        }
    }

    /** Whether the message was typed with diacritics (so its bare words are meant bare). */
    static boolean typedWithDiacritics(TokenGraph graph) {
        int words = 0;
        int accented = 0;
        for (TokenGraph.Segment s : graph.segments()) {
            for (TokenGraph.Edge e : s.typedPath()) {
                if (Character.isLetter(e.term().charAt(0))) {
                    words++;
                    accented += e.term().equals(e.folded()) ? 0 : 1;
                }
            }
        }
        return words > 0 && accented >= Math.max(1, ACCENTED_SHARE * words);
    }

    /** Every occurrence of every cue, in graph order; the shortest reading of each cue at each start. */
    List<Match<String>> find(TokenGraph graph) {
        return find(graph, typedWithDiacritics(graph));
    }

    List<Match<String>> find(TokenGraph graph, boolean accentedMessage) {
        List<Match<String>> out = new ArrayList<>();
        java.util.BitSet inside = approximate ? insideTypedWords(graph) : null;
        for (TokenGraph.Edge e : graph.edges()) {
            List<Cue<String>> candidates = byFirstSyllable.get(squeeze(e.folded()));
            if (candidates == null) {
                continue;
            }
            for (Cue<String> c : candidates) {
                Fit first = fit(c, 0, e, accentedMessage);
                if (first == Fit.NONE || (first == Fit.LETTERS && !approximate)) {
                    continue;
                }
                boolean gap = gaps && c.syllables().size() >= MIN_GAPPED_CUE;
                Place at = new Place(graph, c, c.wideAt(), accentedMessage, first == Fit.LETTERS);
                int end = extend(at, 1, e.to(), e.end(), gap ? MAX_GAP : 0, WIDE_GAP);
                if (end >= 0 && inside != null && (inside.get(e.from()) || inside.get(end))) {
                    continue; // "len dau" read "lên con dấu": "lên cơn" would take half of one typed word
                }
                if (end >= 0) {
                    out.add(new Match<>(c, e.from(), end, first == Fit.LETTERS));
                }
            }
        }
        // At one place, the cue of more syllables first: it says more ("đâm vào người" before "đâm người").
        out.sort(Comparator.<Match<String>>comparingInt(Match::from)
                .thenComparing(m -> -m.cue().syllables().size()));
        return out;
    }

    /**
     * The nodes strictly inside one typed word, where a reading the lexicon added splits it into syllables ("dau" read
     * "con dấu"): a danger cue begins and ends where the citizen's words do, never halfway through one.
     */
    private static java.util.BitSet insideTypedWords(TokenGraph graph) {
        java.util.BitSet inside = new java.util.BitSet();
        for (TokenGraph.Edge e : graph.edges()) {
            if (e.typed() && e.to() - e.from() > 1) {
                inside.set(e.from() + 1, e.to());
            }
        }
        return inside;
    }

    /** How an edge fits a cue syllable. */
    private enum Fit {
        NONE,
        /** the same syllable (or the same letters where that is how the message is typed) */
        EXACT,
        /** only the same letters, for a cue that asks for its diacritics: an approximate match */
        LETTERS
    }

    /** What one attempt to match a cue at a place of the message holds. */
    private record Place(TokenGraph graph, Cue<String> cue, int wideAt, boolean accentedMessage, boolean loose) {
    }

    /**
     * The end node when the cue's syllables from {@code i} on follow a path from {@code node} (the last syllable
     * matched ending at character {@code after}), skipping at most {@code gap} words in all, and before the
     * syllable after a "…" at most {@code wide} words of the same clause; else -1.
     */
    private int extend(Place at, int i, int node, int after, int gap, int wide) {
        Cue<String> c = at.cue();
        if (i == c.syllables().size()) {
            return node;
        }
        for (TokenGraph.Edge e : at.graph().from(node)) {
            Fit f = fit(c, i, e, at.accentedMessage());
            if (f == Fit.EXACT || (f == Fit.LETTERS && at.loose())) {
                int end = extend(at, i + 1, e.to(), e.end(), gap, wide);
                if (end >= 0) {
                    return end;
                }
            }
        }
        boolean widens = i == at.wideAt() && wide > 0;
        if (gap > 0 || widens) {
            for (TokenGraph.Edge skipped : at.graph().from(node)) {
                if (!skipped.typed() || (widens && breaksClause(at.graph().text(), after, skipped.start()))) {
                    continue;
                }
                int end = widens ? extend(at, i, skipped.to(), skipped.end(), gap, wide - 1)
                        : extend(at, i, skipped.to(), skipped.end(), gap - 1, wide);
                if (end >= 0) {
                    return end;
                }
            }
        }
        return -1;
    }

    /** Whether punctuation between two words ends a clause ("bị mất ví, không đánh được" is no passive). */
    private static boolean breaksClause(String text, int from, int to) {
        for (int k = Math.max(0, from); k < Math.min(to, text.length()); k++) {
            if (",.;:!?\n()".indexOf(text.charAt(k)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static Fit fit(Cue<String> c, int i, TokenGraph.Edge e, boolean accentedMessage) {
        String syllable = c.syllables().get(i);
        if (syllable.equals(e.term()) || held(syllable, e.term())) {
            return Fit.EXACT;
        }
        if (!held(c.folded().get(i), e.folded())) {
            return Fit.NONE;
        }
        if (!e.term().equals(e.folded())) {
            return Fit.NONE; // typed with other diacritics, or with some for a plain cue: "chạy" is not "cháy", "đảo" not "dao"
        }
        if (accentedMessage && e.typed()) {
            return Fit.NONE; // typed bare among accented words: meant bare ("mua" is not "mưa")
        }
        return c.exact() ? Fit.LETTERS : Fit.EXACT;
    }

    /**
     * Whether {@code typed} is the cue syllable with letters held down ("cứuuu" for "cứu"): holding a key adds
     * letters, it never drops one, so "cu" (of "cư trú" typed bare) is not "cứu" (folded "cuu").
     */
    private static boolean held(String cue, String typed) {
        return typed.length() >= cue.length() && squeeze(cue).equals(squeeze(typed));
    }

    /** Whether a letter is typed twice in a row. */
    private static boolean held(String s) {
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) == s.charAt(i - 1) && Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A syllable with letters held down counted once ("cứuuu" → "cứu"); for the index of first syllables ("cuu" → "cu" too). */
    static String squeeze(String s) {
        if (s.length() < 3 || !held(s)) {
            return s; // the common case, read for every word by every vocabulary: nothing to copy
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (i > 0 && ch == s.charAt(i - 1) && Character.isLetter(ch)) {
                continue;
            }
            b.append(ch);
        }
        return b.toString();
    }
}
