package vn.citizenqa.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.citizenqa.core.officer.ProcedureTitles;
import vn.citizenqa.core.store.Suggestion;
import vn.citizenqa.core.store.Suggestions;

/**
 * {@code suggestions export [--out DIR] [--mark-exported]}: writes officers' pending suggestions as proposed edits of
 * the knowledge base, one file per procedure ({@code DIR/<procedureId>.yaml}) naming the file to change
 * ({@code knowledge/procedures/<procedureId>.yaml}), the sample questions to add, and where each came from.
 * An editor reviews them; nothing in {@code knowledge/} is changed. With {@code --mark-exported} the suggestions
 * written are marked EXPORTED and do not come again.
 */
public final class SuggestionsCommand {

    static final String USAGE = "suggestions export [--out DIR] [--mark-exported]";
    static final String DEFAULT_OUT = "suggestions-export";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Suggestions suggestions;
    private final ProcedureTitles titles;
    private final Clock clock;

    public SuggestionsCommand(Suggestions suggestions, ProcedureTitles titles, Clock clock) {
        this.suggestions = suggestions;
        this.titles = titles;
        this.clock = clock;
    }

    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        if (args.isEmpty() || !args.getFirst().equals("export")) {
            err.println(Options.notAnAction(args) + "usage: " + USAGE);
            return 2;
        }
        Path dir = Path.of(DEFAULT_OUT);
        boolean mark = false;
        for (int i = 1; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--mark-exported" -> mark = true;
                case "--out" -> {
                    if (i + 1 >= args.size()) {
                        err.println("--out needs a directory\nusage: " + USAGE);
                        return 2;
                    }
                    dir = Path.of(args.get(++i));
                }
                default -> {
                    err.println((args.get(i).startsWith("-") ? "unknown option " + args.get(i) : "unexpected argument '" + args.get(i) + "'")
                            + "\nusage: " + USAGE);
                    return 2;
                }
            }
        }
        List<Suggestion> pending = suggestions.pending(Suggestions.MAX_READ);
        if (pending.isEmpty()) {
            out.println("no pending suggestions");
            return 0;
        }
        Files.createDirectories(dir);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Map<String, List<Suggestion>> byProcedure = pending.stream()
                .collect(Collectors.groupingBy(Suggestion::procedureId, TreeMap::new, Collectors.toList()));
        for (var entry : byProcedure.entrySet()) {
            Path file = dir.resolve(entry.getKey() + ".yaml");
            Files.writeString(file, proposal(entry.getKey(), entry.getValue(), now), StandardCharsets.UTF_8);
            out.println(file + ": " + entry.getValue().size() + " suggested sample question(s)");
        }
        if (mark) {
            long marked = pending.stream().filter(s -> suggestions.markExported(s.id())).count();
            out.println(marked + " suggestion(s) marked exported");
        } else {
            out.println("still pending: add --mark-exported once the files are saved for review");
        }
        if (pending.size() == Suggestions.MAX_READ) {
            out.println("more are pending: run again after --mark-exported");
        }
        return 0;
    }

    /** One procedure's proposal: YAML an editor can read, with the questions ready to paste. */
    String proposal(String procedureId, List<Suggestion> items, Instant exportedAt) {
        String title = titles.title(procedureId).orElse(null);
        StringBuilder y = new StringBuilder();
        y.append("# Proposed additions to knowledge/procedures/").append(procedureId).append(".yaml");
        if (title == null) {
            y.append("\n# WARNING: no procedure '").append(procedureId).append("' in this build's knowledge base");
        }
        y.append("\n# from officers' answers, exported ").append(exportedAt).append(".\n")
                .append("# Review each question: copy those that fit into the file's sample_questions (personal data\n")
                .append("# is masked as [phone], [id-number], [email], [account-number]: reword such questions), then delete this file.\n");
        y.append("procedure: ").append(quoted(procedureId)).append('\n');
        y.append("title: ").append(title == null ? "null" : quoted(title)).append('\n');
        y.append("file: ").append(quoted("knowledge/procedures/" + procedureId + ".yaml")).append('\n');
        y.append("sample_questions:\n");
        for (Suggestion s : items) {
            y.append("  - ").append(quoted(s.question())).append('\n');
        }
        y.append("suggestions:\n");
        for (Suggestion s : items) {
            y.append("  - id: ").append(quoted(s.id())).append('\n')
                    .append("    escalation: ").append(quoted(s.escalationId())).append('\n')
                    .append("    unit: ").append(quoted(s.unit())).append('\n')
                    .append("    officer: ").append(quoted(s.officer())).append('\n')
                    .append("    at: ").append(quoted(s.createdAt().toString())).append('\n')
                    .append("    question: ").append(quoted(s.question())).append('\n')
                    .append("    answer: ").append(s.answer() == null ? "null" : quoted(s.answer())).append('\n');
        }
        return y.toString();
    }

    /** A JSON string is a valid YAML double-quoted scalar: every character is escaped the same way. */
    private static String quoted(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serialises", e);
        }
    }
}
