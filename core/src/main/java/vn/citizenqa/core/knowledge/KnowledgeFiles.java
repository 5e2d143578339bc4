package vn.citizenqa.core.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the data files of knowledge/ (lexicon, triage vocabularies) are read from: the knowledge folder
 * itself for the builder and the tests, the package for the functions.
 */
@FunctionalInterface
public interface KnowledgeFiles {

    /** Opens a file by its path relative to knowledge/, e.g. {@code lexicon/abbreviations.txt}. */
    InputStream open(String path) throws IOException;

    static KnowledgeFiles directory(Path knowledgeDir) {
        return path -> {
            try {
                return Files.newInputStream(knowledgeDir.resolve(path));
            } catch (NoSuchFileException e) {
                throw new NoSuchFileException(knowledgeDir.resolve(path).toString(), null, "missing knowledge file");
            }
        };
    }

    /** The meaningful lines of a vocabulary file: stripped, without blank lines and {@code #} comments. */
    default List<Line> lines(String path) {
        try (InputStream in = open(path);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Line> out = new ArrayList<>();
            int number = 0;
            for (String line; (line = r.readLine()) != null; ) {
                number++;
                int hash = line.indexOf('#');
                String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (!text.isEmpty()) {
                    out.add(new Line(path, number, text));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read knowledge file " + path + ": " + e.getMessage(), e);
        }
    }

    /** One line of a vocabulary file, with where it came from for error messages. */
    record Line(String file, int number, String text) {

        public InvalidVocabularyException problem(String message) {
            return new InvalidVocabularyException(file + ":" + number + ": " + message + " ('" + text + "')");
        }
    }

    /** A vocabulary file that cannot be used, with file and line in the message. */
    final class InvalidVocabularyException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public InvalidVocabularyException(String message) {
            super(message);
        }
    }
}
