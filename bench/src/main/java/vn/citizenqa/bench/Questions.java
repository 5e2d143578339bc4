package vn.citizenqa.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The texts of a labelled question set ({@code label<TAB>text} lines under a header), in file order. */
final class Questions {

    private Questions() {
    }

    static List<String> load(Path tsv) {
        try {
            List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
            return lines.stream().skip(1).filter(l -> l.contains("\t")).map(l -> l.substring(l.indexOf('\t') + 1).strip())
                    .filter(t -> !t.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the questions " + tsv, e);
        }
    }
}
