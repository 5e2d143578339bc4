package vn.citizenqa.runner;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vn.citizenqa.core.store.Store;
import vn.citizenqa.core.store.StoreUnavailableException;
import vn.citizenqa.functions.dynamo.DynamoDbSettings;
import vn.citizenqa.functions.dynamo.DynamoDbStore;

/**
 * What the operator's commands on a deployment's table share: their {@code --name value} arguments, and the table
 * {@code TABLE_NAME} names (with {@code DYNAMODB_ENDPOINT} for a local one, as {@code serve} uses it).
 */
final class TableCommand {

    private TableCommand() {
    }

    /** The named values, flags and positional arguments of a command line. */
    record Arguments(Map<String, String> values, List<String> flags, List<String> positional) {

        String value(String name) {
            return values.get(name);
        }
    }

    /**
     * Reads {@code --name value} pairs for the names in {@code valued}, other {@code --flags} from {@code flags}, and
     * positional arguments; prints what is wrong and returns empty otherwise.
     */
    static Optional<Arguments> parse(List<String> args, Set<String> valued, Set<String> flags, PrintStream err,
                                     String usage) {
        Map<String, String> values = new HashMap<>();
        List<String> given = new ArrayList<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (valued.contains(a)) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    err.println(a + " needs a value\nusage: " + usage);
                    return Optional.empty();
                }
                values.put(a, args.get(++i));
            } else if (flags.contains(a)) {
                given.add(a);
            } else if (a.startsWith("--")) {
                err.println("unknown option " + a + "\nusage: " + usage);
                return Optional.empty();
            } else {
                positional.add(a);
            }
        }
        return Optional.of(new Arguments(values, given, positional));
    }

    /** Work on the table's store. */
    @FunctionalInterface
    interface Work {
        int run(Store store, String where);
    }

    /** Runs {@code work} on the table {@code TABLE_NAME}; 2 when it is not set, 1 when the table cannot be reached. */
    static int onTable(Map<String, String> env, String command, PrintStream err, Work work) {
        Optional<DynamoDbSettings> configured;
        try {
            configured = DynamoDbSettings.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (configured.isEmpty()) {
            err.println("set TABLE_NAME to the deployment's table (the stack output TableName) and AWS_REGION, or "
                    + "DYNAMODB_ENDPOINT for a local one, e.g.\n  TABLE_NAME=citizen-qa-Table-1ABC "
                    + "AWS_REGION=ap-southeast-1 java -jar citizen-qa.jar " + command);
            return 2;
        }
        DynamoDbSettings settings = configured.get();
        String where = "table '" + settings.tableName() + "' at " + settings.location();
        try (var client = DynamoDbStore.client(settings)) {
            return work.run(new DynamoDbStore(client, settings.tableName(), Clock.systemUTC(), settings.store()), where);
        } catch (StoreUnavailableException e) {
            err.println(command + " failed at " + where + ": " + e.getMessage());
            return 1;
        }
    }
}
