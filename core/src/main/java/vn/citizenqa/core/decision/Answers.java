package vn.citizenqa.core.decision;

import java.time.LocalDate;

import vn.citizenqa.core.answer.FineAnswers;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.model.ProcedureField;
import vn.citizenqa.core.model.Reply;
import vn.citizenqa.core.search.SearchHit;
import vn.citizenqa.core.search.SearchResult;

/**
 * The answer to one entry as it stands on a day: a procedure (the field the message asks about in full), or a
 * violation's fines for the vehicles the message names; with a companion (a fine and a procedure asked in one
 * message), both.
 */
public final class Answers {

    /** A fine and a procedure are both answered when the second scores at least this share of the first. */
    private static final double COMPANION_SHARE = 0.6;

    private Answers() {
    }

    /**
     * @param companion the other entry the message asks about, or null
     * @param asked     the field asked, or null
     */
    public static Reply of(Procedure entry, Procedure companion, String message, boolean chosen, ProcedureField asked,
                           Reply.Rest rest, LocalDate day) {
        Procedure p = entry.on(day);
        Procedure c = companion == null ? null : companion.on(day);
        if (p.isFine()) {
            return new Reply.FineAnswer(p, FineAnswers.vehiclesNamed(message), c);
        }
        if (c != null) {
            return new Reply.FineAnswer(c, FineAnswers.vehiclesNamed(message), p);
        }
        return new Reply.ProcedureAnswer(p, chosen, asked, rest);
    }

    /**
     * When the first hit is a fine and a procedure also fits well, or the other way round ("bị giữ xe vì vượt đèn
     * đỏ, phạt bao nhiêu và lấy xe thế nào"), the second entry; else null.
     */
    public static Procedure companion(SearchResult result) {
        if (result.hits().size() < 2) {
            return null;
        }
        SearchHit first = result.hits().getFirst();
        for (SearchHit h : result.hits().subList(1, result.hits().size())) {
            if (h.procedure().isFine() != first.procedure().isFine()) {
                return h.score() >= COMPANION_SHARE * first.score() ? h.procedure() : null;
            }
        }
        return null;
    }
}
