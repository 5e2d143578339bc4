package vn.citizenqa.core.triage;

import java.util.List;

import vn.citizenqa.core.analysis.CueMatcher.Match;

/** How cue matches lie over one another in a message: a mask over a cue, a longer cue over a shorter one. */
final class Spans {

    private Spans() {
    }

    /** Whether a mask shares a syllable with the match: "xe bị cháy hỏng" is papers burnt, not a car on fire. */
    static boolean overlapped(Match<String> m, List<Match<String>> masks) {
        for (Match<String> mask : masks) {
            if (mask.from() < m.to() && m.from() < mask.to()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a mask covers the match ({@code longer}: a mask of more syllables than the match). */
    static boolean masked(Match<String> m, List<Match<String>> masks, boolean longer) {
        for (Match<String> mask : masks) {
            boolean covers = mask.from() <= m.from() && m.to() <= mask.to();
            if (covers && (!longer || mask.to() - mask.from() > m.to() - m.from())) {
                return true;
            }
        }
        return false;
    }
}
