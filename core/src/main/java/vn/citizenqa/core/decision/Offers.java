package vn.citizenqa.core.decision;

import java.util.ArrayList;
import java.util.List;

import vn.citizenqa.core.model.Action;
import vn.citizenqa.core.model.Candidate;
import vn.citizenqa.core.model.Decision;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.model.Language;
import vn.citizenqa.core.model.Reply;
import vn.citizenqa.core.search.SearchHit;
import vn.citizenqa.core.search.SearchResult;

/** The candidates a decision offers, and the decisions that offer a choice or decline. */
public final class Offers {

    private Offers() {
    }

    /** The candidates, the first scored with the confidence and the others in proportion to their scores. */
    public static List<Candidate> candidates(SearchResult result, double confidence) {
        List<Candidate> out = new ArrayList<>(result.hits().size());
        if (result.isEmpty()) {
            return out;
        }
        float top = result.hits().getFirst().score();
        for (SearchHit h : result.hits()) {
            out.add(new Candidate(h.procedure().id(), h.procedure().title(), ConfidenceGate.rounded(confidence * h.score() / top)));
        }
        return out;
    }

    /** The candidates with the one of that id moved first (the others in their order), unchanged when it is absent. */
    public static List<Candidate> first(List<Candidate> candidates, String id) {
        List<Candidate> out = new ArrayList<>(candidates.size());
        candidates.stream().filter(c -> c.id().equals(id)).forEach(out::add);
        candidates.stream().filter(c -> !c.id().equals(id)).forEach(out::add);
        return out;
    }

    /** A choice between the candidates. */
    public static Decision clarify(List<Candidate> candidates, double confidence, Language language) {
        return new Decision(Intent.PROCEDURE, Action.CLARIFY, null, candidates, confidence, null,
                new Reply.Choice(candidates), language);
    }

    /** Not the page's matter ({@code handledBy} the agency whose it is, or null). */
    public static Decision decline(List<Candidate> candidates, double confidence, String handledBy, Language language) {
        return new Decision(Intent.OUT_OF_SCOPE, Action.DECLINE, null, candidates, confidence, null,
                new Reply.Declined(handledBy), language);
    }
}
