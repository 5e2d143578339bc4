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
 * procedure id or an intent: EMERGENCY, CRIME_REPORT, SMALL_TALK, OUT_OF_SCOPE).
 */
public record LabelledQuestion(String label, String text, int line) {

    static final Set<String> INTENTS = Set.of("EMERGENCY", "CRIME_REPORT", "SMALL_TALK", "OUT_OF_SCOPE");

    /** The expected intent: PROCEDURE when the label is a procedure id. */
    public Intent intent() {
        return INTENTS.contains(label) ? Intent.valueOf(label) : Intent.PROCEDURE;
    }

    public boolean isProcedure() {
        return intent() == Intent.PROCEDURE;
    }

    /** Reads a set, checking every procedure label against the known ids. */
    public static List<LabelledQuestion> read(Path file, Set<String> procedureIds) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<LabelledQuestion> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || (i == 0 && line.startsWith("label\t"))) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                problems.add(file + ":" + (i + 1) + ": expected 'label<TAB>text'");
                continue;
            }
            String label = line.substring(0, tab).strip();
            if (!INTENTS.contains(label) && !procedureIds.contains(label)) {
                problems.add(file + ":" + (i + 1) + ": unknown label '" + label + "'");
                continue;
            }
            out.add(new LabelledQuestion(label, line.substring(tab + 1), i + 1));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return out;
    }
}
