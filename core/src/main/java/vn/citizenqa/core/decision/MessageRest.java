package vn.citizenqa.core.decision;

import java.util.ArrayList;
import java.util.List;

import vn.citizenqa.core.analysis.MessageStructure;
import vn.citizenqa.core.analysis.Sentences;
import vn.citizenqa.core.analysis.TermNotes;
import vn.citizenqa.core.analysis.TokenGraph;
import vn.citizenqa.core.model.Candidate;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.model.Reply;
import vn.citizenqa.core.search.ProcedureSearch;
import vn.citizenqa.core.search.SearchResult;

/**
 * What an answer says about the rest of the message: the other questions it asks (each looked up on its own; a
 * different procedure is named and offered among the candidates, never dropped silently), what the page does not
 * answer (a fine, a complaint: where to ask), and what an old term ("sổ hộ khẩu") is now.
 */
public final class MessageRest {

    /** Other questions of one message looked up on their own, at most (each is one more search). */
    private static final int OTHER_QUESTIONS = 2;

    private final ProcedureSearch searcher;
    private final ConfidenceGate gate;
    private final TermNotes oldTerms;
    private final TermNotes sideQuestions;

    public MessageRest(ProcedureSearch searcher, ConfidenceGate gate, TermNotes oldTerms, TermNotes sideQuestions) {
        this.searcher = searcher;
        this.gate = gate;
        this.oldTerms = oldTerms;
        this.sideQuestions = sideQuestions;
    }

    /**
     * The rest of a message answered with {@code answered}; a procedure another of its questions asks for is put
     * second among {@code candidates} (changed in place).
     */
    public Reply.Rest besides(TokenGraph graph, Procedure answered, List<Candidate> candidates) {
        MessageStructure structure = graph.structure();
        List<String> others = new ArrayList<>();
        if (structure.asking().size() >= 2) {
            int looked = 0;
            for (Sentences.Span s : structure.asking()) {
                if (looked++ >= OTHER_QUESTIONS + 1) {
                    break;
                }
                SearchResult other = searcher.search(graph.part(List.of(s)), 1);
                if (other.isEmpty() || gate.confidence(other) < gate.clarify()) {
                    continue;
                }
                Procedure p = other.hits().getFirst().procedure();
                if (p.id().equals(answered.id()) || candidates.stream().limit(1).anyMatch(c -> c.id().equals(p.id()))) {
                    continue;
                }
                candidates.removeIf(c -> c.id().equals(p.id()));
                candidates.add(Math.min(1, candidates.size()),
                        new Candidate(p.id(), p.title(), ConfidenceGate.rounded(gate.confidence(other))));
                others.add(p.title());
            }
        }
        List<String> lines = new ArrayList<>();
        if (!answered.isFine()) {
            lines.addAll(sideQuestions.notes(graph)); // a fine question beside a fine entry is answered by it
        }
        lines.addAll(oldTerms.notes(graph));
        return new Reply.Rest(others, lines);
    }

    /** Under a choice of procedures: what the old terms of the message are now. */
    public Reply.Rest underAChoice(TokenGraph graph) {
        return new Reply.Rest(List.of(), oldTerms.notes(graph));
    }
}
