package vn.citizenqa.core.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import vn.citizenqa.core.knowledge.KnowledgeFiles;

/**
 * Phrases of a message that call for one more line in the reply, read from a {@code cue, cue => line} file:
 * old and informal names of things that changed ({@code lexicon/old-terms.txt}: "sổ hộ khẩu" no longer exists
 * since 1/1/2023), or questions that come with a procedure question and that the knowledge base does not answer
 * ({@code lexicon/side-questions.txt}: "bị phạt bao nhiêu", "khiếu nại"). Thread-safe; build once.
 */
public final class TermNotes {

    public static final String OLD_TERMS = "lexicon/old-terms.txt";
    public static final String SIDE_QUESTIONS = "lexicon/side-questions.txt";
    public static final TermNotes NONE = new TermNotes(List.of());

    private final CueMatcher<String> matcher;

    private TermNotes(List<CueMatcher.Cue<String>> cues) {
        this.matcher = new CueMatcher<>(cues);
    }

    public static TermNotes load(KnowledgeFiles files, String path) {
        List<CueMatcher.Cue<String>> cues = new ArrayList<>();
        for (KnowledgeFiles.Line line : files.lines(path)) {
            int arrow = line.text().indexOf("=>");
            String note = arrow < 0 ? "" : line.text().substring(arrow + 2).strip();
            if (note.isEmpty()) {
                throw line.problem("expected 'cue, cue => the line to add'");
            }
            for (String phrase : line.text().substring(0, arrow).split(",")) {
                CueMatcher.Cue<String> cue = phrase.isBlank() ? null : CueMatcher.cue(phrase.strip(), note);
                if (cue == null) {
                    throw line.problem("an empty cue before '=>'");
                }
                cues.add(cue);
            }
        }
        return new TermNotes(cues);
    }

    /** The lines the message calls for, each once, in the order of the message. */
    public List<String> notes(TokenGraph graph) {
        Set<String> out = new LinkedHashSet<>();
        for (CueMatcher.Match<String> m : matcher.find(graph)) {
            out.add(m.cue().value());
        }
        return List.copyOf(out);
    }
}
