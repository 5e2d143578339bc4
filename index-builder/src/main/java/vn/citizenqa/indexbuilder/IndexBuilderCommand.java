package vn.citizenqa.indexbuilder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The editors' and the build's command line.
 * <pre>
 *   validate --knowledge DIR          check every knowledge file, list every problem
 *   build --knowledge DIR --out DIR   validate, then write the index the functions ship
 * </pre>
 */
public final class IndexBuilderCommand {

    private IndexBuilderCommand() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
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
                    out.println("knowledge base valid: " + n + " procedures in " + knowledge);
                }
                case "build" -> {
                    String outDir = option(args, "--out", null);
                    if (outDir == null) {
                        err.println("build needs --out DIR\n" + usage());
                        return 2;
                    }
                    IndexBuild.Result r = new IndexBuild().build(knowledge, Path.of(outDir));
                    out.println("index built: " + r.entries() + " procedures, content " + r.contentHash().substring(0, 12)
                            + ", in " + r.out());
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

    static String usage() {
        return """
                usage: index-builder validate --knowledge DIR
                       index-builder build --knowledge DIR --out DIR""";
    }
}
