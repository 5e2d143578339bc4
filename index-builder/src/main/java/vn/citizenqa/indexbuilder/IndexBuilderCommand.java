package vn.citizenqa.indexbuilder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The editors' and the build's command line.
 * <pre>
 *   validate --knowledge DIR          check every knowledge file, list every problem
 *   build --knowledge DIR --out DIR [--quiet]   validate, then write the index the functions ship
 *   evaluate --knowledge DIR --questions FILE [--baseline] [--calibrate] [--tune]
 *                                     run a labelled question set and print the figures of issue 3
 *   evaluate-safety --knowledge DIR --set FILE
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
                    int n = new KnowledgeLoader().load(knowledge).size();
                    int w = new WarningLoader().load(knowledge).size();
                    out.println("knowledge base valid: " + n + " procedures and " + w + " scam warnings in " + knowledge);
                }
                case "build" -> {
                    String outDir = option(args, "--out", null);
                    if (outDir == null) {
                        err.println("build needs --out DIR\n" + usage());
                        return 2;
                    }
                    IndexBuild.Result r = new IndexBuild().build(knowledge, Path.of(outDir));
                    if (!flag(args, "--quiet")) {
                        out.println("index built: " + r.entries() + " procedures, content " + r.contentHash().substring(0, 12)
                                + ", in " + r.out());
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
                            out.println(vn.citizenqa.indexbuilder.eval.Evaluation.describe(
                                    assistant.decide(args[i], vn.citizenqa.core.model.ConversationContext.NONE)));
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
                                    flag(args, "--calibrate")));
                }
                case "evaluate-safety" -> {
                    String set = option(args, "--set", null);
                    if (set == null) {
                        err.println("evaluate-safety needs --set FILE\n" + usage());
                        return 2;
                    }
                    out.print(EvaluateCommand.safety(knowledge, Path.of(set)));
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
                usage: index-builder validate --knowledge DIR
                       index-builder build --knowledge DIR --out DIR [--quiet]
                       index-builder evaluate --knowledge DIR --questions FILE [--baseline] [--calibrate] [--tune]
                       index-builder evaluate-safety --knowledge DIR --set FILE
                       index-builder explain --knowledge DIR "message" ...""";
    }
}
