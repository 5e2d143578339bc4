package vn.citizenqa.runner;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.citizenqa.core.store.StoreUnavailableException;
import vn.citizenqa.functions.dynamo.DynamoDbSettings;
import vn.citizenqa.functions.dynamo.DynamoDbStore;
import vn.citizenqa.functions.dynamo.StoreTable;
import vn.citizenqa.functions.dynamo.TableSetup;

/**
 * {@code setup-table}: creates the table on the configured endpoint ({@code TABLE_NAME}, {@code DYNAMODB_ENDPOINT},
 * {@code AWS_REGION}), for local servers; on AWS, template.yaml creates it. Running it again changes nothing.
 */
public final class SetupTableCommand {

    static final String USAGE = "setup-table   (reads TABLE_NAME, DYNAMODB_ENDPOINT, AWS_REGION)";

    public int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            err.println((args.getFirst().startsWith("-") ? "unknown option " + args.getFirst() + "; " : "")
                    + "setup-table takes no arguments; it reads TABLE_NAME, DYNAMODB_ENDPOINT and AWS_REGION\nusage: " + USAGE);
            return 2;
        }
        Optional<DynamoDbSettings> configured;
        try {
            configured = DynamoDbSettings.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (configured.isEmpty()) {
            err.println("set TABLE_NAME to the table to create, and DYNAMODB_ENDPOINT for a local server, e.g.\n"
                    + "  TABLE_NAME=citizen-qa DYNAMODB_ENDPOINT=http://127.0.0.1:8000 java -jar citizen-qa.jar setup-table");
            return 2;
        }
        DynamoDbSettings settings = configured.get();
        String where = settings.location();
        try (DynamoDbClient client = DynamoDbStore.client(settings)) {
            TableSetup.Result result = TableSetup.ensure(client, settings.tableName());
            out.println((result.outcome() == TableSetup.Outcome.CREATED ? "created" : "already exists:") + " table '"
                    + settings.tableName() + "' at " + where + " (keys PK/SK, index " + StoreTable.QUEUE_INDEX + ")");
            out.println(result.ttlEnabled()
                    ? "expiry: TTL on '" + StoreTable.TTL_ATTRIBUTE + "' enabled"
                    : "expiry: this endpoint cannot enable TTL (dynalite cannot); expired items stay but are never read");
            return 0;
        } catch (StoreUnavailableException | IllegalStateException e) {
            err.println("setup-table failed at " + where + ": " + e.getMessage());
            return 1;
        }
    }
}
