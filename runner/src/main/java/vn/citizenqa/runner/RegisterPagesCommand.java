package vn.citizenqa.runner;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.citizenqa.core.store.PageRegistration;
import vn.citizenqa.functions.PagesFile;

/**
 * {@code register-pages FILE [--replace]}: puts the pages of a pages file (the {@code PAGES_FILE} format) into the
 * table {@code TABLE_NAME} — how an operator registers the pages and units of a deployment, whose functions read
 * the registry from the table. A page already registered keeps its stored tokens unless {@code --replace} (a Zalo
 * refresh token is single use; the stored one may be newer than the file's). Tokens are never printed.
 */
public final class RegisterPagesCommand {

    static final String USAGE = "register-pages FILE [--replace]   (TABLE_NAME, AWS_REGION; DYNAMODB_ENDPOINT for a local table)";

    public int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        Options options = Options.parse(args, err, USAGE, 1, Set.of("--replace"));
        if (options == null) {
            return 2;
        }
        if (options.flags().stream().anyMatch(f -> !f.equals("--replace"))) {
            err.println("usage: " + USAGE);
            return 2;
        }
        boolean replace = options.flags().contains("--replace");
        List<PageRegistration> pages;
        try {
            pages = PagesFile.read(Path.of(options.positional().getFirst()));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        return TableCommand.onTable(env, "register-pages pages.json", err, (store, where) -> {
            PagesFile.Registered r = PagesFile.register(pages, store, replace);
            r.added().forEach(p -> out.println("registered " + describe(p)));
            r.replaced().forEach(p -> out.println("replaced   " + describe(p)));
            r.kept().forEach(p -> out.println("kept       " + describe(p) + " (already registered; --replace overwrites its tokens)"));
            out.println(r.added().size() + " registered, " + r.replaced().size() + " replaced, " + r.kept().size()
                    + " kept, in " + where + "; units with pages: " + String.join(", ", store.pages().units()));
            return 0;
        });
    }

    private static String describe(PageRegistration page) {
        return page.channel().wireName() + " " + page.pageId() + " → unit " + page.unit() + " (" + page.displayName() + ")";
    }
}
