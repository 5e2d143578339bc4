package vn.citizenqa.core.search;

import vn.citizenqa.core.model.Procedure;

/**
 * A procedure found for a message.
 *
 * @param score    the raw Lucene score
 * @param coverage share of the message's meaningful words this procedure has somewhere (typed or by a
 *                 lexicon reading), in [0,1]
 * @param weightedCoverage the same share weighted by how rare each word is across procedures
 */
public record SearchHit(Procedure procedure, float score, double coverage, double weightedCoverage) {
}
