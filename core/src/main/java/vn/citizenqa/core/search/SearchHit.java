package vn.citizenqa.core.search;

import vn.citizenqa.core.model.Procedure;

/**
 * A procedure found for a message.
 *
 * @param score    the raw Lucene score
 * @param coverage share of the message's meaningful words this procedure has somewhere (typed or by a
 *                 lexicon reading), in [0,1]
 * @param weightedCoverage the same share weighted by how rare each word is across procedures
 * @param named    the largest share of the procedure's title or of one of its aliases that the message says
 */
public record SearchHit(Procedure procedure, float score, double coverage, double weightedCoverage, double named) {

    public SearchHit(Procedure procedure, float score, double coverage, double weightedCoverage) {
        this(procedure, score, coverage, weightedCoverage, 0);
    }
}
