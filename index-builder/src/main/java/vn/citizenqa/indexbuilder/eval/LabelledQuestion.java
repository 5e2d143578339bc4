package vn.citizenqa.indexbuilder.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import vn.citizenqa.core.model.Intent;

/**
 * One message of a labelled question set ({@code knowledge/eval/*.tsv}: {@code label<TAB>text}, the label a
 * procedure id or an intent: EMERGENCY, CRIME_REPORT, SMALL_TALK, OUT_OF_SCOPE). A set whose header names a
 * third column {@code source} ({@code knowledge/eval/real-style/}) gives each message's origin: the address of
 * a real message collected from a public page, or {@code written} for one written in the same style.
 *
 * @param source where the message comes from, or null when the set does not say
 */
public record LabelledQuestion(String label, String text, int line, String source) {

    static final Set<String> INTENTS = Set.of("EMERGENCY", "CRIME_REPORT", "SMALL_TALK", "OUT_OF_SCOPE");
    /** The source of a message written for the set rather than collected. */
    public static final String WRITTEN = "written";

    public LabelledQuestion(String label, String text, int line) {
        this(label, text, line, null);
    }

    /** The expected intent: PROCEDURE when the label is a procedure id. */
    public Intent intent() {
        return INTENTS.contains(label) ? Intent.valueOf(label) : Intent.PROCEDURE;
    }

    public boolean isProcedure() {
        return intent() == Intent.PROCEDURE;
    }

    /** Reads a set, checking every procedure label against the known ids (and every source when it has them). */
    public static List<LabelledQuestion> read(Path file, Set<String> procedureIds) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<LabelledQuestion> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean sourced = !lines.isEmpty() && lines.getFirst().strip().equals("label\ttext\tsource");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || (i == 0 && line.startsWith("label\t"))) {
                continue;
            }
            String where = file + ":" + (i + 1) + ": ";
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                problems.add(where + "expected 'label<TAB>text" + (sourced ? "<TAB>source'" : "'"));
                continue;
            }
            String label = line.substring(0, tab).strip();
            if (!INTENTS.contains(label) && !procedureIds.contains(label)) {
                problems.add(where + "unknown label '" + label + "'");
                continue;
            }
            String text = line.substring(tab + 1);
            String source = null;
            if (sourced) {
                int last = text.lastIndexOf('\t');
                source = last < 0 ? "" : text.substring(last + 1).strip();
                text = last < 0 ? text : text.substring(0, last);
                if (!source.equals(WRITTEN) && !source.matches("https?://\\S+")) {
                    problems.add(where + "source must be 'written' or the address (http…) of the real message, not '"
                            + source + "'");
                    continue;
                }
            }
            out.add(new LabelledQuestion(label, text, i + 1, source));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return out;
    }
}
