package vn.citizenqa.core;

import java.util.ArrayList;
import java.util.List;

import vn.citizenqa.core.analysis.MessageStructure;
import vn.citizenqa.core.analysis.Sentences;
import vn.citizenqa.core.analysis.TermNotes;
import vn.citizenqa.core.analysis.TokenGraph;
import vn.citizenqa.core.analysis.VietnameseAnalysis;
import vn.citizenqa.core.decision.ConfidenceGate;
import vn.citizenqa.core.model.Candidate;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.model.Reply;
import vn.citizenqa.core.search.ProcedureSearch;
import vn.citizenqa.core.search.SearchResult;
import vn.citizenqa.core.text.Folding;

/**
 * What a reply says about the rest of a message (issue 14), beside what it answers: the other questions it asks,
 * what the page does not answer, old terms; and whether another agency's word in it is a paper the police
 * procedure itself asks for.
 */
final class MessageRest {

    /** Other questions of one message looked up on their own, at most (each is one more search). */
    private static final int OTHER_QUESTIONS = 2;

    private final ProcedureSearch searcher;
    private final ConfidenceGate gate;
    private final TermNotes oldTerms;
    private final TermNotes sideQuestions;

    MessageRest(ProcedureSearch searcher, ConfidenceGate gate, TermNotes oldTerms, TermNotes sideQuestions) {
        this.searcher = searcher;
        this.gate = gate;
        this.oldTerms = oldTerms;
        this.sideQuestions = sideQuestions;
    }

    /** Under a choice: what an old term ("sổ hộ khẩu") is now. */
    Reply.Rest underChoice(TokenGraph graph) {
        return new Reply.Rest(List.of(), oldTerms.notes(graph));
    }

    /**
     * Under an answer: the other questions the message asks (each looked up on its own; a different procedure is
     * named and offered among the candidates, never dropped silently), what the page does not answer (a fine, a
     * complaint: where to ask), and what an old term is now.
     */
    Reply.Rest underAnswer(TokenGraph graph, MessageStructure structure, String message, Procedure answered,
            List<Candidate> candidates) {
        List<String> others = new ArrayList<>();
        if (structure.asking().size() >= 2) {
            int looked = 0;
            for (Sentences.Span s : structure.asking()) {
                if (looked++ >= OTHER_QUESTIONS + 1) {
                    break;
                }
                SearchResult other = searcher.search(searcher.analyze(s.of(message)), 1);
                if (other.isEmpty() || gate.confidence(other) < gate.clarify()) {
                    continue;
                }
                Procedure p = other.hits().getFirst().procedure();
                if (p.id().equals(answered.id()) || candidates.stream().limit(1).anyMatch(c -> c.id().equals(p.id()))) {
                    continue;
                }
                candidates.removeIf(c -> c.id().equals(p.id()));
                candidates.add(Math.min(1, candidates.size()),
                        new Candidate(p.id(), p.title(), Math.round(gate.confidence(other) * 1000) / 1000.0));
                others.add(p.title());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String side : sideQuestions.notes(graph)) {
            if (!Folding.fold(answered.title()).contains("phat")) {
                lines.add(side); // a fine question beside a fine procedure is answered by it
            }
        }
        lines.addAll(oldTerms.notes(graph));
        return new Reply.Rest(others, lines);
    }

    /**
     * Whether each of the other agency's words (folded) is among the papers or the people a procedure names, and
     * none in its name: a procedure named for the other agency's matter too ("đăng ký khai tử" in a joint one)
     * does not make a question about that matter a police one.
     */
    static boolean asksFor(Procedure p, List<String> otherAgencyWords) {
        String papers = foldedWords(p.eligibility() + ". " + String.join(". ", p.documents()));
        String names = foldedWords(p.title() + ". " + String.join(". ", p.aliases()));
        return !otherAgencyWords.isEmpty() && otherAgencyWords.stream()
                .allMatch(w -> papers.contains(" " + w + " ") && !names.contains(" " + w + " "));
    }

    private static String foldedWords(String text) {
        return " " + String.join(" ", VietnameseAnalysis.syllables(text).stream()
                .map(Folding::removeDiacritics).toList()) + " ";
    }
}
