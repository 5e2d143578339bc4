package vn.citizenqa.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The texts of a labelled question set (a header, then lines whose first field is the label and last the text:
 * {@code label<TAB>text}, or the safety set's {@code label<TAB>family<TAB>source<TAB>text}; {@code #} starts a
 * comment line), in file order.
 */
final class Questions {

    private Questions() {
    }

    static List<String> load(Path tsv) {
        return load(tsv, null);
    }

    /** @param label only the lines of this label, or null for all */
    static List<String> load(Path tsv, String label) {
        try {
            List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
            return lines.stream().filter(l -> !l.startsWith("#")).skip(1).filter(l -> l.contains("\t"))
                    .filter(l -> label == null || l.substring(0, l.indexOf('\t')).equals(label))
                    .map(l -> l.substring(l.lastIndexOf('\t') + 1).strip())
                    .filter(t -> !t.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the questions " + tsv, e);
        }
    }
}
