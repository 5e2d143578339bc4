package vn.citizenqa.core.units;

import java.time.LocalDate;

/**
 * What a merge did: run again, it finds the merge recorded and moves only what is left.
 *
 * @param alreadyMerged    whether the merge was recorded before this run
 * @param pagesMoved       pages that belonged to {@code from} and now belong to {@code into}
 * @param escalationsMoved open and claimed escalations moved to {@code into}'s queue
 */
public record MergeReport(String from, String into, LocalDate mergedOn, boolean alreadyMerged, int pagesMoved,
                          int escalationsMoved) {
}
