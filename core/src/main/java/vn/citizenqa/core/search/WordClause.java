package vn.citizenqa.core.search;

import java.util.List;

import vn.citizenqa.core.analysis.TokenGraph.Segment;

/**
 * One meaningful typed word (or lexicon key) of the message: its alternatives, each a list of folded syllables, and
 * the typo corrections when the word is unknown.
 *
 * @param unwritten typed with diacritics the knowledge base never writes (nor bare): no procedure has it, whatever
 *                  its letters ("tuyển" is not the "tuyến" of "trực tuyến")
 * @param asked     in what the message asks, not in the story around it (see {@code MessageStructure})
 */
record WordClause(Segment segment, List<List<String>> alternatives, boolean unknown, boolean unwritten, double idf,
        boolean asked) {
}
