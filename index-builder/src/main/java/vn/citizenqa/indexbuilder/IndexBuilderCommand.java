package vn.citizenqa.indexbuilder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The editors' and the build's command line.
 * <pre>
 *   validate --knowledge DIR [--today YYYY-MM-DD]
 *                                     check every knowledge file, list every problem; then the facts ending
 *                                     within 60 days and the entries not reviewed for a year
 *   build --knowledge DIR --out DIR [--quiet]   validate, then write the index the functions ship
 *   evaluate --knowledge DIR --questions FILE [--baseline] [--calibrate] [--cross-validate] [--tune]
 *                                     run a labelled question set and print the figures of issue 3
 *   evaluate-safety --knowledge DIR --set FILE [--typed-bare]
 *   evaluate-safety --knowledge DIR --leave-one-set-out [--set FILE,FILE…]
 *                                     run a labelled safety set and print the figures of issue 15
 *   explain --knowledge DIR TEXT…     how the assistant reads a message (tokens, signals, features)
 * </pre>
 */
public final class IndexBuilderCommand {

    private IndexBuilderCommand() {
    }

    /**
     * Lucene says at every start that the incubating vector module is not enabled; building a few-MB index gains
     * nothing from it. Held here so the setting is not garbage-collected.
     */
    private static final java.util.logging.Logger LUCENE_VECTORIZATION =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization.VectorizationProvider");

    public static void main(String[] args) {
        LUCENE_VECTORIZATION.setLevel(java.util.logging.Level.SEVERE);
        // Vietnamese reports whatever the terminal's default encoding.
        PrintStream out = new PrintStream(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
        int status = run(args, out, err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(usage());
            return 2;
        }
        String command = args[0];
        Path knowledge = Path.of(option(args, "--knowledge", "knowledge"));
        try {
            switch (command) {
                case "validate" -> {
                    var entries = new KnowledgeLoader().load(knowledge);
                    long fines = entries.stream().filter(vn.citizenqa.core.model.Procedure::isFine).count();
                    int w = new WarningLoader().load(knowledge).size();
                    out.println("knowledge base valid: " + (entries.size() - fines) + " procedures, " + fines
                            + " fines and " + w + " scam warnings in " + knowledge);
                    LocalDate today = today(args);
                    out.print(vn.citizenqa.core.knowledge.KnowledgeReview.of(entries, today).describe(today));
                }
                case "build" -> {
                    String outDir = option(args, "--out", null);
                    if (outDir == null) {
                        err.println("build needs --out DIR\n" + usage());
                        return 2;
                    }
                    IndexBuild.Result r = new IndexBuild().build(knowledge, Path.of(outDir));
                    if (!flag(args, "--quiet")) {
                        out.println("index built: " + r.entries() + " entries, content " + r.contentHash().substring(0, 12)
                                + ", in " + r.out());
                    }
                    LocalDate today = today(args);
                    var review = vn.citizenqa.core.knowledge.KnowledgeReview.of(new KnowledgeLoader().load(knowledge), today);
                    if (!review.ending().isEmpty() || !review.stale().isEmpty()) {
                        err.print("warning: " + review.describe(today));
                    }
                }
                case "explain" -> {
                    var assistant = vn.citizenqa.indexbuilder.eval.LocalAssistant.build(knowledge).assistant();
                    for (int i = 1; i < args.length; i++) {
                        if (args[i].equals("--knowledge")) {
                            i++;
                        } else {
                            out.println(args[i]);
                            out.println(assistant.explain(args[i]));
                            var decision = assistant.decide(args[i], vn.citizenqa.core.model.ConversationContext.NONE);
                            out.println(vn.citizenqa.indexbuilder.eval.Evaluation.describe(decision));
                            if (decision.escalation() != null) {
                                // The cue or the model's score that made the call, as officers read it.
                                out.println("made the call: " + decision.escalation().reason());
                            }
                        }
                    }
                }
                case "evaluate" -> {
                    String questions = option(args, "--questions", null);
                    if (questions == null) {
                        err.println("evaluate needs --questions FILE\n" + usage());
                        return 2;
                    }
                    out.print(flag(args, "--tune") ? EvaluateCommand.tune(knowledge, Path.of(questions))
                            : EvaluateCommand.run(knowledge, Path.of(questions), flag(args, "--baseline"),
                                    flag(args, "--calibrate"), flag(args, "--cross-validate")));
                }
                case "evaluate-safety" -> {
                    String set = option(args, "--set", null);
                    if (flag(args, "--leave-one-set-out")) {
                        // Each development split with the models trained without it; the sets named (commas), never
                        // trained on, with the models of all the development splits.
                        List<Path> others = set == null ? List.of()
                                : java.util.Arrays.stream(set.split(",")).map(Path::of).toList();
                        out.print(vn.citizenqa.indexbuilder.eval.SafetyLeaveOneOut.run(knowledge, others));
                        return 0;
                    }
                    if (set == null) {
                        err.println("evaluate-safety needs --set FILE\n" + usage());
                        return 2;
                    }
                    out.print(EvaluateCommand.safety(knowledge, Path.of(set), flag(args, "--typed-bare")));
                }
                default -> {
                    err.println("unknown command '" + command + "'\n" + usage());
                    return 2;
                }
            }
            return 0;
        } catch (InvalidKnowledgeException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("cannot read or write: " + e);
            return 1;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    /** The day the review lists are computed for: {@code --today YYYY-MM-DD}, else today in Vietnam. */
    static LocalDate today(String[] args) {
        String day = option(args, "--today", null);
        if (day == null) {
            return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        }
        try {
            return LocalDate.parse(day);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("--today: not a date (YYYY-MM-DD): '" + day + "'");
        }
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    static boolean flag(String[] args, String name) {
        return java.util.Arrays.asList(args).contains(name);
    }

    static String usage() {
        return """
                usage: index-builder validate --knowledge DIR [--today YYYY-MM-DD]
                       index-builder build --knowledge DIR --out DIR [--quiet]
                       index-builder evaluate --knowledge DIR --questions FILE [--baseline] [--calibrate] [--cross-validate] [--tune]
                       index-builder evaluate-safety --knowledge DIR --set FILE [--typed-bare]
                       index-builder evaluate-safety --knowledge DIR --leave-one-set-out [--set FILE,FILE...]
                       index-builder explain --knowledge DIR "message" ...""";
    }
}
