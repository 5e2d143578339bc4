package vn.citizenqa.core.search;

import vn.citizenqa.core.analysis.TokenGraph;
import vn.citizenqa.core.knowledge.KnowledgeBase;

/**
 * A way of finding procedures for a message. {@link ProcedureSearcher} is the product's; the evaluation
 * also runs a plain one to measure what the Vietnamese analysis gains.
 */
public interface ProcedureSearch {

    /** The message analysed once: the triage and the follow-up cues read the same graph. */
    TokenGraph analyze(String text);

    /** The best {@code limit} procedures for the analysed message, best first. */
    SearchResult search(TokenGraph graph, int limit);

    KnowledgeBase knowledgeBase();
}
