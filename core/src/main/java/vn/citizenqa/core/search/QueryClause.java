package vn.citizenqa.core.search;

import java.util.List;

/**
 * One clause of a message's query: in one field, the best of its alternatives (a term, or a phrase of several
 * syllables), boosted. The query is the sum of its clauses ({@link ProcedureScorer}; {@link ProcedureQuery#lucene}
 * makes the same query for Lucene).
 *
 * @param field        the field ({@link SearchField#ordinal})
 * @param weight       the field's weight in the tuning
 * @param story        a word of the story around the question, weighted {@link ProcedureSearcher#STORY_WEIGHT}
 * @param alternatives each a list of syllables: one is a term, several a phrase
 * @param entries      by alternative, the term's entry in {@link FieldTerms} (null for a phrase)
 */
record QueryClause(int field, float weight, boolean story, List<List<String>> alternatives, int[][] entries) {

    /** The clause's boost as Lucene applies it (the story's boost inside the field's). */
    float boost() {
        return story ? weight * ProcedureSearcher.STORY_WEIGHT : weight;
    }

    int source() {
        return field / 4;
    }
}
