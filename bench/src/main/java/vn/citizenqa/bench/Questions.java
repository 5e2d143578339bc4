package vn.citizenqa.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The texts of a labelled question set ({@code label<TAB>text} lines under a header, or {@code label<TAB>text<TAB>source}
 * for the real-style sets), in file order.
 */
final class Questions {

    private Questions() {
    }

    static List<String> load(Path tsv) {
        try {
            List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
            boolean sourced = !lines.isEmpty() && lines.getFirst().strip().endsWith("\tsource");
            return lines.stream().skip(1).filter(l -> l.contains("\t")).map(l -> l.substring(l.indexOf('\t') + 1))
                    .map(t -> sourced && t.lastIndexOf('\t') >= 0 ? t.substring(0, t.lastIndexOf('\t')) : t).map(String::strip)
                    .filter(t -> !t.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the questions " + tsv, e);
        }
    }
}
