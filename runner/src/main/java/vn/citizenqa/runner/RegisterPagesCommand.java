package vn.citizenqa.runner;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.citizenqa.core.store.PageRegistration;
import vn.citizenqa.core.store.StoreUnavailableException;
import vn.citizenqa.functions.PagesFile;
import vn.citizenqa.functions.dynamo.DynamoDbSettings;
import vn.citizenqa.functions.dynamo.DynamoDbStore;

/**
 * {@code register-pages FILE [--replace]}: puts the pages of a pages file (the {@code PAGES_FILE} format) into the
 * table {@code TABLE_NAME} — how an operator registers the pages and units of a deployment, whose functions read
 * the registry from the table. A page already registered keeps its stored tokens unless {@code --replace} (a Zalo
 * refresh token is single use; the stored one may be newer than the file's). Tokens are never printed.
 */
public final class RegisterPagesCommand {

    private static final String USAGE = "register-pages FILE [--replace]   (TABLE_NAME, AWS_REGION; DYNAMODB_ENDPOINT for a local table)";

    public int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        Options options = Options.parse(args, err, USAGE, 1);
        if (options == null) {
            return 2;
        }
        if (options.flags().stream().anyMatch(f -> !f.equals("--replace"))) {
            err.println("usage: " + USAGE);
            return 2;
        }
        boolean replace = options.flags().contains("--replace");
        Optional<DynamoDbSettings> configured;
        List<PageRegistration> pages;
        try {
            configured = DynamoDbSettings.fromEnvironment(env);
            pages = PagesFile.read(Path.of(options.positional().getFirst()));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (configured.isEmpty()) {
            err.println("set TABLE_NAME to the deployment's table (the stack output TableName) and AWS_REGION, e.g.\n"
                    + "  TABLE_NAME=citizen-qa-Table-1ABC AWS_REGION=ap-southeast-1 java -jar citizen-qa.jar register-pages pages.json");
            return 2;
        }
        DynamoDbSettings settings = configured.get();
        String where = "table '" + settings.tableName() + "' at " + settings.location();
        try (var client = DynamoDbStore.client(settings)) {
            var store = new DynamoDbStore(client, settings.tableName(), Clock.systemUTC(), settings.store());
            PagesFile.Registered r = PagesFile.register(pages, store.pages(), replace);
            r.added().forEach(p -> out.println("registered " + describe(p)));
            r.replaced().forEach(p -> out.println("replaced   " + describe(p)));
            r.kept().forEach(p -> out.println("kept       " + describe(p) + " (already registered; --replace overwrites its tokens)"));
            out.println(r.added().size() + " registered, " + r.replaced().size() + " replaced, " + r.kept().size()
                    + " kept, in " + where + "; units with pages: " + String.join(", ", store.pages().units()));
            return 0;
        } catch (StoreUnavailableException e) {
            err.println("register-pages failed at " + where + ": " + e.getMessage());
            return 1;
        }
    }

    private static String describe(PageRegistration page) {
        return page.channel().wireName() + " " + page.pageId() + " → unit " + page.unit() + " (" + page.displayName() + ")";
    }
}
