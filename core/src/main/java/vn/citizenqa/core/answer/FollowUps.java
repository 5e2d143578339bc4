package vn.citizenqa.core.answer;

import java.util.ArrayList;
import java.util.List;

import vn.citizenqa.core.analysis.CueMatcher;
import vn.citizenqa.core.analysis.CueMatcher.Match;
import vn.citizenqa.core.analysis.Lexicon;
import vn.citizenqa.core.analysis.TokenGraph;
import vn.citizenqa.core.knowledge.KnowledgeFiles;
import vn.citizenqa.core.model.ProcedureField;

/**
 * Tells which field of a procedure a message asks about ("lệ phí bao nhiêu?" → fee, "làm online được
 * không?" → online), and how much of the message is about something else.
 */
public final class FollowUps {

    public static final String FILE = "triage/follow-ups.txt";

    /** The field asked, and how many meaningful words of the message are not about the field. */
    public record Asked(ProcedureField field, int otherWords) {
    }

    private final CueMatcher<ProcedureField> cues;
    private final Lexicon lexicon;

    private FollowUps(CueMatcher<ProcedureField> cues, Lexicon lexicon) {
        this.cues = cues;
        this.lexicon = lexicon;
    }

    public static FollowUps load(KnowledgeFiles files, Lexicon lexicon) {
        List<CueMatcher.Cue<ProcedureField>> cues = new ArrayList<>();
        for (KnowledgeFiles.Line line : files.lines(FILE)) {
            int arrow = line.text().indexOf("=>");
            if (arrow < 0) {
                throw line.problem("expected 'cue, cue => field'");
            }
            ProcedureField field;
            try {
                field = ProcedureField.of(line.text().substring(arrow + 2));
            } catch (IllegalArgumentException e) {
                throw line.problem("unknown field (known: fee, online, documents, time, place)");
            }
            for (String phrase : line.text().substring(0, arrow).split(",")) {
                CueMatcher.Cue<ProcedureField> cue = CueMatcher.cue(phrase.strip(), field);
                if (cue != null) {
                    cues.add(cue);
                }
            }
        }
        return new FollowUps(new CueMatcher<>(cues), lexicon);
    }

    /** The field the message asks about, or null when it names none. */
    public Asked asked(TokenGraph graph) {
        List<Match<ProcedureField>> found = cues.find(graph);
        if (found.isEmpty()) {
            return null;
        }
        Match<ProcedureField> best = found.getFirst();
        for (Match<ProcedureField> m : found) {
            if (m.to() - m.from() > best.to() - best.from()) {
                best = m;
            }
        }
        return new Asked(best.cue().value(), CueMatcher.wordsOutside(graph, found, lexicon));
    }
}
