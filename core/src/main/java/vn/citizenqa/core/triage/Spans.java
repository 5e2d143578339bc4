package vn.citizenqa.core.triage;

import java.util.List;

import vn.citizenqa.core.analysis.CueMatcher.Match;
import vn.citizenqa.core.analysis.Sentences;
import vn.citizenqa.core.analysis.TokenGraph;

/** How cue matches lie over one another in a message: a mask over a cue, a longer cue over a shorter one. */
final class Spans {

    private Spans() {
    }

    /** Whether a mask shares a syllable with the match: "xe bị cháy hỏng" is papers burnt, not a car on fire. */
    static boolean overlapped(Match<String> m, List<Match<String>> masks) {
        for (Match<String> mask : masks) {
            if (mask.from() < m.to() && m.from() < mask.to()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a mask covers the match ({@code longer}: a mask of more syllables than the match). */
    static boolean masked(Match<String> m, List<Match<String>> masks, boolean longer) {
        for (Match<String> mask : masks) {
            boolean covers = mask.from() <= m.from() && m.to() <= mask.to();
            if (covers && (!longer || mask.to() - mask.from() > m.to() - m.from())) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of {@code others} lies in the sentence of the match. */
    static boolean inSentenceWith(TokenGraph graph, Match<String> m, List<Match<String>> others) {
        return !others.isEmpty() && inSameSpan(graph, m, others, graph.structure().sentences());
    }

    /** Whether one of {@code others} lies in the clause of the match (a clause ends at a comma). */
    static boolean inClauseWith(TokenGraph graph, Match<String> m, List<Match<String>> others) {
        if (others.isEmpty()) {
            return false;
        }
        List<Sentences.Span> clauses = new java.util.ArrayList<>();
        for (Sentences.Span sentence : graph.structure().sentences()) {
            clauses.addAll(Sentences.clauses(graph.text(), sentence));
        }
        return inSameSpan(graph, m, others, clauses);
    }

    private static boolean inSameSpan(TokenGraph graph, Match<String> m, List<Match<String>> others,
            List<Sentences.Span> spans) {
        int at = sentence(spans, start(graph, m.from()));
        if (at < 0) {
            return false;
        }
        for (Match<String> o : others) {
            if (sentence(spans, start(graph, o.from())) == at) {
                return true;
            }
        }
        return false;
    }

    /** The character where the word at a graph node begins. */
    private static int start(TokenGraph graph, int node) {
        List<TokenGraph.Edge> leaving = graph.from(node);
        return leaving.isEmpty() ? -1 : leaving.getFirst().start();
    }

    private static int sentence(List<Sentences.Span> sentences, int at) {
        for (int i = 0; i < sentences.size(); i++) {
            if (sentences.get(i).start() <= at && at < sentences.get(i).end()) {
                return i;
            }
        }
        return -1;
    }
}
