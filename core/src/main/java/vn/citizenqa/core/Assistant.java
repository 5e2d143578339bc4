package vn.citizenqa.core;

import java.util.List;

import vn.citizenqa.core.answer.Replies;
import vn.citizenqa.core.knowledge.KnowledgeBase;
import vn.citizenqa.core.model.Action;
import vn.citizenqa.core.model.Candidate;
import vn.citizenqa.core.model.ConversationContext;
import vn.citizenqa.core.model.Decision;
import vn.citizenqa.core.model.EscalationRequest;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.model.Priority;
import vn.citizenqa.core.search.ProcedureSearcher;
import vn.citizenqa.core.search.SearchHit;
import vn.citizenqa.core.triage.Triage;
import vn.citizenqa.core.triage.TriageResult;

/**
 * Decides what to do with one citizen message: triage, search, draft, decide. Pure and thread-safe;
 * no I/O once built.
 */
public final class Assistant {

    private static final int CANDIDATES = 3;

    private final ProcedureSearcher searcher;
    private final Triage triage;

    public Assistant(ProcedureSearcher searcher, Triage triage) {
        this.searcher = searcher;
        this.triage = triage;
    }

    public KnowledgeBase knowledgeBase() {
        return searcher.knowledgeBase();
    }

    public Decision decide(String text, ConversationContext context) {
        TriageResult t = triage.triage(text);
        return switch (t.intent()) {
            case EMERGENCY -> new Decision(Intent.EMERGENCY, Action.ESCALATE, null, List.of(), 1.0,
                    new EscalationRequest(Priority.URGENT, t.reason()), Replies.emergency(t.services()));
            case CRIME_REPORT -> new Decision(Intent.CRIME_REPORT, Action.ESCALATE, null, List.of(), 1.0,
                    new EscalationRequest(Priority.HIGH, t.reason()), Replies.crimeReportAcknowledged());
            case SMALL_TALK -> new Decision(Intent.SMALL_TALK, Action.CHAT, null, List.of(), 1.0, null, Replies.smallTalk());
            case OUT_OF_SCOPE -> new Decision(Intent.OUT_OF_SCOPE, Action.DECLINE, null, List.of(), 1.0, null, Replies.decline());
            case PROCEDURE -> answerProcedure(text);
        };
    }

    private Decision answerProcedure(String text) {
        List<SearchHit> hits = searcher.search(text, CANDIDATES);
        if (hits.isEmpty()) {
            return new Decision(Intent.OUT_OF_SCOPE, Action.DECLINE, null, List.of(), 0.0, null, Replies.decline());
        }
        float top = hits.getFirst().score();
        List<Candidate> candidates = hits.stream()
                .map(h -> new Candidate(h.procedure().id(), h.procedure().title(), round(h.score() / top)))
                .toList();
        double margin = hits.size() > 1 ? 1.0 - hits.get(1).score() / top : 1.0;
        double confidence = round(Math.min(1.0, 0.5 + margin));
        if (margin >= 0.2) {
            var p = hits.getFirst().procedure();
            return new Decision(Intent.PROCEDURE, Action.ANSWER, p.ref(), candidates, confidence, null, Replies.answer(p));
        }
        return new Decision(Intent.PROCEDURE, Action.CLARIFY, null, candidates, confidence, null, Replies.clarify(candidates));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
