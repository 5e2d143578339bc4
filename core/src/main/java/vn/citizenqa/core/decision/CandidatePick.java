package vn.citizenqa.core.decision;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import vn.citizenqa.core.analysis.TokenGraph;

/**
 * A reply to a choice the assistant offered: the candidate's number ("2", "số hai", "cái thứ 2", "the second") or its
 * id (a button's payload). The one picker: the conversation's choice handling reaches it through the assistant.
 */
public final class CandidatePick {

    /** Words a short choice may carry beside its number ("em chọn số 2 ạ"), folded. */
    private static final Set<String> CHOICE_WORDS = Set.of(
            "so", "cai", "thu", "chon", "muc", "phuong", "an", "lua", "option", "number", "no", "em", "minh", "toi",
            "a", "ad", "nhe", "nha", "voi", "la", "the", "dap", "cau", "ok", "oke", "vang", "da");
    /** Longer than this, a message with a number in it is saying something else. */
    private static final int MAX_WORDS = 5;

    private CandidatePick() {
    }

    /** The id picked from {@code offered} (in the order shown), or empty when the message is no such reply. */
    public static Optional<String> chosen(String text, TokenGraph graph, List<String> offered) {
        if (offered.isEmpty()) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        if (offered.contains(trimmed)) {
            return Optional.of(trimmed);
        }
        Integer n = chosenNumber(graph);
        return n != null && n >= 1 && n <= offered.size() ? Optional.of(offered.get(n - 1)) : Optional.empty();
    }

    /** The one number a short message chooses, or null. */
    static Integer chosenNumber(TokenGraph graph) {
        Integer chosen = null;
        int words = 0;
        for (TokenGraph.Segment s : graph.segments()) {
            for (TokenGraph.Edge e : s.typedPath()) {
                words++;
                String w = e.folded();
                Integer n = switch (w) {
                    case "mot", "nhat", "one", "first" -> 1;
                    case "hai", "two", "second" -> 2;
                    case "ba", "three", "third" -> 3;
                    default -> w.matches("[0-9]{1,2}") ? Integer.valueOf(w) : null;
                };
                if (n != null) {
                    if (chosen != null && !chosen.equals(n)) {
                        return null;
                    }
                    chosen = n;
                } else if (!CHOICE_WORDS.contains(w)) {
                    return null;
                }
            }
        }
        return words <= MAX_WORDS ? chosen : null;
    }
}
