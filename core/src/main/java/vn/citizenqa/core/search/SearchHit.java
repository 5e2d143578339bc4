package vn.citizenqa.core.search;

import vn.citizenqa.core.model.Procedure;

/** A procedure found for a query, with its raw Lucene score. */
public record SearchHit(Procedure procedure, float score) {
}
