package vn.citizenqa.core.search;

import java.util.List;

import vn.citizenqa.core.analysis.TokenGraph.Segment;

/**
 * One meaningful typed word (or lexicon key) of the message: its alternatives, each a list of folded syllables, and
 * the typo corrections when the word is unknown.
 */
record WordClause(Segment segment, List<List<String>> alternatives, boolean unknown, double idf) {
}
