package vn.citizenqa.core;

import vn.citizenqa.core.model.Category;
import vn.citizenqa.core.search.SearchResult;

/**
 * What the search says of a message, as the triage's decision weighs it: how sure it is of a procedure, and
 * whether the procedure it places first is the one for reporting a crime (a victim asking how to report is
 * reporting it).
 *
 * @param confidence      the confidence gate's confidence in the first procedure (0 when not searched)
 * @param placesReporting the first procedure is of the crime-reporting category
 * @param offersReporting one of the candidates is (the writer's own harm told, a procedure the search is not sure of
 *                        is only the way to report it when reporting is among them)
 */
record SearchFit(double confidence, boolean placesReporting, boolean offersReporting) {

    /** The message was not searched: it asks nothing, or a certain danger is said to be happening now. */
    static final SearchFit NOT_SEARCHED = new SearchFit(0, false, false);

    static SearchFit of(SearchResult result, double confidence) {
        boolean reporting = !result.hits().isEmpty()
                && result.hits().getFirst().procedure().category() == Category.CRIME_REPORTING;
        boolean offered = result.hits().stream().anyMatch(h -> h.procedure().category() == Category.CRIME_REPORTING);
        return new SearchFit(confidence, reporting, offered);
    }
}
