package vn.citizenqa.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The texts of a labelled question set (a header, then lines whose first field is the label: {@code label<TAB>text},
 * the safety set's {@code label<TAB>family<TAB>source<TAB>text}, or the real-style sets' {@code label<TAB>text<TAB>source};
 * {@code #} starts a comment line), in file order: the text is the column the header names {@code text}, else the last.
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
            List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.startsWith("#")).toList();
            List<String> header = lines.isEmpty() ? List.of() : List.of(lines.getFirst().strip().split("\t"));
            int textColumn = header.indexOf("text");
            return lines.stream().skip(1).filter(l -> l.contains("\t"))
                    .filter(l -> label == null || l.substring(0, l.indexOf('\t')).equals(label))
                    .map(l -> {
                        String[] fields = l.split("\t", -1);
                        return (textColumn >= 0 && textColumn < fields.length ? fields[textColumn] : fields[fields.length - 1]).strip();
                    })
                    .filter(t -> !t.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the questions " + tsv, e);
        }
    }
}
