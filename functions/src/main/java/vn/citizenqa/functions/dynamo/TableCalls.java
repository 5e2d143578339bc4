package vn.citizenqa.functions.dynamo;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import vn.citizenqa.core.store.StoreUnavailableException;
import vn.citizenqa.functions.aws.DynamoDbBatchGetOverHttp;
import vn.citizenqa.functions.aws.DynamoDbOverHttp;

/**
 * The table's calls, each turning "cannot reach or use the table" into {@link StoreUnavailableException} (the
 * webhook's 503) and a failed condition into an ordinary result. The client's retry strategy has already retried
 * throttling and transient failures with backoff when an exception gets here.
 */
final class TableCalls {

    /** The key of the item {@link #primingRead()} asks for; nothing writes it. */
    static final String PRIMING_KEY = "PRIMING";

    private final DynamoDbClient client;
    private final String table;

    /** The batch reads written without the SDK's model when the client is {@link DynamoDbOverHttp}; else null. */
    private final DynamoDbBatchGetOverHttp batchGet;

    TableCalls(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
        this.batchGet = client instanceof DynamoDbOverHttp overHttp
                ? new DynamoDbBatchGetOverHttp(overHttp.json(), StoreTable.PK, StoreTable.SK) : null;
    }

    String table() {
        return table;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(StoreTable.PK, Attrs.s(pk), StoreTable.SK, Attrs.s(sk));
    }

    /** A strongly consistent read: conditional writes decide on what was just written. */
    Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        return call("read", () -> {
            var response = client.getItem(GetItemRequest.builder().tableName(table).key(key(pk, sk))
                    .consistentRead(true).build());
            return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
        });
    }

    /** The items of these keys that exist, read strongly consistent, up to 100 keys a call; keys missing are absent. */
    List<Map<String, AttributeValue>> getAll(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> found = new java.util.ArrayList<>();
        for (int from = 0; from < keys.size(); from += 100) {
            List<Map<String, AttributeValue>> left = keys.subList(from, Math.min(keys.size(), from + 100));
            for (int round = 0; !left.isEmpty(); round++) {
                if (round == 5) {
                    throw new StoreUnavailableException("DynamoDB kept " + left.size() + " keys of a batch read unprocessed", null);
                }
                List<Map<String, AttributeValue>> asked = left;
                var response = call("batch read", () -> client.batchGetItem(b -> b.requestItems(Map.of(table,
                        software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder().keys(asked)
                                .consistentRead(true).build()))));
                found.addAll(response.responses().getOrDefault(table, List.of()));
                var unprocessed = response.unprocessedKeys().get(table);
                left = unprocessed == null || !unprocessed.hasKeys() ? List.of() : unprocessed.keys();
            }
        }
        return found;
    }

    /**
     * The named scalar attributes (as text: strings, numbers, booleans) of the items of these keys that exist, read
     * strongly consistent, up to 100 keys a call; keys missing are absent. Over {@link DynamoDbOverHttp} no class of the
     * SDK's model is loaded (the webhook's first request); with the SDK's client, the same read through its model.
     */
    List<Map<String, String>> getAllScalars(List<DynamoDbBatchGetOverHttp.Key> keys, List<String> attributes) {
        if (batchGet == null) {
            List<Map<String, String>> found = new java.util.ArrayList<>();
            for (Map<String, AttributeValue> item : getAll(keys.stream().map(k -> key(k.pk(), k.sk())).toList())) {
                Map<String, String> scalars = new java.util.HashMap<>();
                for (String a : attributes) {
                    AttributeValue v = item.get(a);
                    String text = v == null ? null : v.s() != null ? v.s() : v.n() != null ? v.n() : v.bool() != null ? v.bool().toString() : null;
                    if (text != null) {
                        scalars.put(a, text);
                    }
                }
                found.add(scalars);
            }
            return found;
        }
        List<Map<String, String>> found = new java.util.ArrayList<>();
        for (int from = 0; from < keys.size(); from += 100) {
            List<DynamoDbBatchGetOverHttp.Key> left = keys.subList(from, Math.min(keys.size(), from + 100));
            for (int round = 0; !left.isEmpty(); round++) {
                if (round == 5) {
                    throw new StoreUnavailableException("DynamoDB kept " + left.size() + " keys of a batch read unprocessed", null);
                }
                DynamoDbBatchGetOverHttp.Batch batch = batchGet.read(table, left, attributes);
                found.addAll(batch.items());
                left = batch.unprocessed();
            }
        }
        return found;
    }

    /**
     * Reads an item that is never written, asking the server to close the connection after answering: one harmless
     * call for SnapStart priming that leaves no connection behind in the snapshot.
     */
    void primingRead() {
        call("priming read", () -> client.getItem(GetItemRequest.builder().tableName(table).key(key(PRIMING_KEY, PRIMING_KEY))
                .overrideConfiguration(o -> o.putHeader("Connection", "close")).build()));
    }

    void put(Map<String, AttributeValue> item) {
        call("write", () -> client.putItem(PutItemRequest.builder().tableName(table).item(item).build()));
    }

    void delete(String pk, String sk) {
        call("delete", () -> client.deleteItem(DeleteItemRequest.builder().tableName(table).key(key(pk, sk)).build()));
    }

    /** Writes the item if the condition holds; false when it does not. */
    boolean putIf(Map<String, AttributeValue> item, String condition, Map<String, String> names,
                  Map<String, AttributeValue> values) {
        return call("conditional write", () -> {
            try {
                client.putItem(PutItemRequest.builder().tableName(table).item(item).conditionExpression(condition)
                        .expressionAttributeNames(names.isEmpty() ? null : names)
                        .expressionAttributeValues(values.isEmpty() ? null : values).build());
                return true;
            } catch (ConditionalCheckFailedException e) {
                return false;
            }
        });
    }

    /** Applies the update if its condition holds and returns the item as now stored; empty when it does not. */
    Optional<Map<String, AttributeValue>> updateIf(UpdateItemRequest.Builder update) {
        return call("conditional update", () -> {
            try {
                return Optional.of(client.updateItem(update.tableName(table).returnValues(ReturnValue.ALL_NEW).build())
                        .attributes());
            } catch (ConditionalCheckFailedException e) {
                return Optional.empty();
            }
        });
    }

    void update(UpdateItemRequest.Builder update) {
        call("update", () -> client.updateItem(update.tableName(table).build()));
    }

    /** All items of a query, following pages until {@code max} items are read or none are left. */
    List<Map<String, AttributeValue>> query(QueryRequest.Builder query, int max) {
        return call("query", () -> {
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            Map<String, AttributeValue> start = null;
            do {
                QueryResponse page = client.query(query.tableName(table).exclusiveStartKey(start).build());
                for (Map<String, AttributeValue> item : page.items()) {
                    if (items.size() < max) {
                        items.add(item);
                    }
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null && items.size() < max);
            return items;
        });
    }

    private <T> T call(String what, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (ResourceNotFoundException e) {
            throw new StoreUnavailableException("DynamoDB table '" + table + "' does not exist (create it with "
                    + "`citizen-qa.jar setup-table` or deploy template.yaml)", e);
        } catch (AwsServiceException e) {
            if (e.statusCode() >= 500 || e.isThrottlingException()) {
                throw new StoreUnavailableException("DynamoDB " + what + " failed after retries on table '" + table
                        + "': " + e.awsErrorDetails().errorMessage(), e);
            }
            throw e;
        } catch (SdkClientException e) {
            throw new StoreUnavailableException("DynamoDB unreachable (" + what + " on table '" + table + "'): "
                    + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            // The URL-connection HTTP client reports a connection lost mid-call this way, outside the SDK's exceptions.
            throw new StoreUnavailableException("DynamoDB connection lost (" + what + " on table '" + table + "'): "
                    + e.getMessage(), e);
        }
    }
}
