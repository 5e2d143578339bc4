package vn.citizenqa.functions.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import vn.citizenqa.core.store.StoreUnavailableException;

/**
 * Creates the table as {@link StoreTable} describes it, for local use and tests (on AWS, template.yaml creates
 * it). Idempotent: an existing table is checked against the description instead.
 */
public final class TableSetup {

    private TableSetup() {
    }

    public enum Outcome { CREATED, ALREADY_EXISTED }

    /**
     * @param ttlEnabled false where the endpoint has no UpdateTimeToLive (dynalite); items then just stay, and
     *                   the store's reads still ignore expired ones
     */
    public record Result(Outcome outcome, boolean ttlEnabled) {
    }

    /**
     * @throws IllegalStateException      when a table of that name exists with other keys or index
     * @throws StoreUnavailableException  when the endpoint cannot be reached
     */
    public static Result ensure(DynamoDbClient client, String tableName) {
        try {
            Outcome outcome;
            try {
                client.createTable(StoreTable.createTableRequest(tableName));
                outcome = Outcome.CREATED;
            } catch (ResourceInUseException e) {
                outcome = Outcome.ALREADY_EXISTED;
            }
            TableDescription table = waitUntilActive(client, tableName);
            checkMatches(table);
            return new Result(outcome, enableTtl(client, tableName));
        } catch (SdkClientException e) {
            throw new StoreUnavailableException("cannot reach DynamoDB to set up table '" + tableName + "': "
                    + e.getMessage(), e);
        }
    }

    private static TableDescription waitUntilActive(DynamoDbClient client, String tableName) {
        for (int i = 0; i < 600; i++) {
            try {
                TableDescription t = client.describeTable(DescribeTableRequest.builder().tableName(tableName).build())
                        .table();
                boolean indexesActive = !t.hasGlobalSecondaryIndexes() || t.globalSecondaryIndexes().stream()
                        .allMatch(g -> g.indexStatus() == null || "ACTIVE".equals(g.indexStatusAsString()));
                if (t.tableStatus() == TableStatus.ACTIVE && indexesActive) {
                    return t;
                }
            } catch (ResourceNotFoundException e) {
                // Just created: not visible yet.
            }
            try {
                Thread.sleep(i < 50 ? 20 : 500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for table " + tableName, e);
            }
        }
        throw new IllegalStateException("table " + tableName + " did not become ACTIVE");
    }

    private static void checkMatches(TableDescription actual) {
        CreateTableRequest wanted = StoreTable.createTableRequest(actual.tableName());
        List<String> problems = new ArrayList<>();
        if (!Set.copyOf(actual.keySchema()).equals(Set.copyOf(wanted.keySchema()))) {
            problems.add("key schema " + actual.keySchema() + " instead of " + wanted.keySchema());
        }
        Set<String> actualIndexes = actual.hasGlobalSecondaryIndexes() ? actual.globalSecondaryIndexes().stream()
                .map(TableSetup::describe).collect(Collectors.toSet()) : Set.of();
        Set<String> wantedIndexes = wanted.globalSecondaryIndexes().stream()
                .map(g -> g.indexName() + g.keySchema() + g.projection().projectionTypeAsString())
                .collect(Collectors.toSet());
        if (!actualIndexes.containsAll(wantedIndexes)) {
            problems.add("indexes " + actualIndexes + " do not include " + wantedIndexes);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("table '" + actual.tableName() + "' exists but is not citizen-qa's: "
                    + String.join("; ", problems));
        }
    }

    private static String describe(GlobalSecondaryIndexDescription g) {
        return g.indexName() + g.keySchema() + g.projection().projectionTypeAsString();
    }

    private static boolean enableTtl(DynamoDbClient client, String tableName) {
        try {
            client.updateTimeToLive(UpdateTimeToLiveRequest.builder().tableName(tableName)
                    .timeToLiveSpecification(TimeToLiveSpecification.builder()
                            .attributeName(StoreTable.TTL_ATTRIBUTE).enabled(true).build())
                    .build());
            return true;
        } catch (AwsServiceException e) {
            // "TimeToLive is already enabled" counts as enabled; dynalite knows no such operation.
            String message = String.valueOf(e.awsErrorDetails() == null ? e.getMessage()
                    : e.awsErrorDetails().errorMessage());
            return message.toLowerCase(Locale.ROOT).contains("already enabled");
        }
    }
}
