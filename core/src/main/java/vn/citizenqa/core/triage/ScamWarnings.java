package vn.citizenqa.core.triage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import vn.citizenqa.core.knowledge.KnowledgeFiles;
import vn.citizenqa.core.model.ScamWarning;

/**
 * The scam warnings as the build writes them for the package ({@link #FILE}): one {@code name value} line per
 * field, a block per warning from {@code warning ID} to {@code end}. The build validates knowledge/warnings/*.yaml
 * first; this reader only guards against a damaged file.
 */
public final class ScamWarnings {

    public static final String FILE = "warnings/warnings.txt";

    private ScamWarnings() {
    }

    /** The text form of the warnings, read back by {@link #read}. */
    public static String write(List<ScamWarning> warnings) {
        StringBuilder b = new StringBuilder("# Scam warnings compiled by index-builder from knowledge/warnings/*.yaml\n");
        for (ScamWarning w : warnings) {
            b.append("warning ").append(w.id()).append('\n');
            b.append("title ").append(w.title()).append('\n');
            w.cues().forEach(c -> b.append("cue ").append(c).append('\n'));
            w.signs().forEach(c -> b.append("sign ").append(c).append('\n'));
            w.whatToDo().forEach(c -> b.append("do ").append(c).append('\n'));
            w.legalBasis().forEach(c -> b.append("law ").append(c).append('\n'));
            b.append("source ").append(w.source()).append('\n');
            b.append("reviewed ").append(w.reviewed()).append('\n');
            b.append("end\n");
        }
        return b.toString();
    }

    public static List<ScamWarning> read(KnowledgeFiles files) {
        List<ScamWarning> out = new ArrayList<>();
        try (InputStream in = files.open(FILE);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Builder current = null;
            int number = 0;
            for (String line; (line = r.readLine()) != null; ) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int space = line.indexOf(' ');
                String name = space < 0 ? line : line.substring(0, space);
                String value = space < 0 ? "" : line.substring(space + 1).strip();
                if (name.equals("warning")) {
                    current = new Builder(value);
                    continue;
                }
                if (current == null) {
                    throw problem(number, "'" + name + "' outside a warning block");
                }
                switch (name) {
                    case "title" -> current.title = value;
                    case "cue" -> current.cues.add(value);
                    case "sign" -> current.signs.add(value);
                    case "do" -> current.whatToDo.add(value);
                    case "law" -> current.legalBasis.add(value);
                    case "source" -> current.source = value;
                    case "reviewed" -> {
                        try {
                            current.reviewed = LocalDate.parse(value);
                        } catch (DateTimeParseException e) {
                            throw problem(number, "not a date: '" + value + "'");
                        }
                    }
                    case "end" -> {
                        if (current.title == null || current.source == null || current.reviewed == null
                                || current.cues.isEmpty()) {
                            throw problem(number, "warning '" + current.id + "' lacks a title, cue, source or date");
                        }
                        out.add(new ScamWarning(current.id, current.title, current.cues, current.signs,
                                current.whatToDo, current.legalBasis, current.source, current.reviewed));
                        current = null;
                    }
                    default -> throw problem(number, "unknown field '" + name + "'");
                }
            }
            if (current != null) {
                throw problem(number, "warning '" + current.id + "' has no 'end'");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE + ": " + e.getMessage(), e);
        }
        return List.copyOf(out);
    }

    private static KnowledgeFiles.InvalidVocabularyException problem(int line, String message) {
        return new KnowledgeFiles.InvalidVocabularyException(FILE + ":" + line + ": " + message);
    }

    private static final class Builder {
        final String id;
        String title;
        String source;
        LocalDate reviewed;
        final List<String> cues = new ArrayList<>();
        final List<String> signs = new ArrayList<>();
        final List<String> whatToDo = new ArrayList<>();
        final List<String> legalBasis = new ArrayList<>();

        Builder(String id) {
            this.id = id;
        }
    }
}
