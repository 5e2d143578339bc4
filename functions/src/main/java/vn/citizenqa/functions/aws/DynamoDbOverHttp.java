package vn.citizenqa.functions.aws;

import java.net.URI;
import java.time.Duration;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionSizeLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveResponse;

/**
 * DynamoDB's operations that citizen-qa calls, spoken directly in DynamoDB's JSON protocol ({@code X-Amz-Target:
 * DynamoDB_20120810.<Operation>}, {@code application/x-amz-json-1.0}) over {@link AwsJsonHttp}, behind the SDK's own
 * {@link DynamoDbClient} interface and model classes, so the store's code is the same on either. Building it loads
 * none of the SDK's client runtime (endpoint rules, every service's metadata, interceptors, the HTTP client and its TLS
 * set-up at construction): a good part of a cold start. Errors are the SDK's exceptions of the same codes, so callers
 * tell a failed condition, a missing table or throttling apart as before; a call that got no answer is an
 * {@link SdkClientException}. Any other operation of the interface is not implemented (UnsupportedOperationException).
 */
public final class DynamoDbOverHttp implements DynamoDbClient {

    private final ModelOverHttp http;
    private final AwsJsonHttp json;

    public DynamoDbOverHttp(AwsJsonHttp http) {
        this.http = new ModelOverHttp(http, "DynamoDb", DynamoDbOverHttp::exceptionOfCode);
        this.json = http;
    }

    /** The same connection to DynamoDB for calls written without the SDK's model ({@link DynamoDbBatchGetOverHttp}). */
    public AwsJsonHttp json() {
        return json;
    }

    /** On AWS ({@code endpoint} null: {@code https://dynamodb.<region>.amazonaws.com}) or a local server. */
    public static DynamoDbOverHttp create(String region, URI endpoint, int maxAttempts, Duration connectTimeout, Duration readTimeout,
                                          Duration callTimeout) {
        return new DynamoDbOverHttp(AwsJsonHttp.json10("dynamodb", "DynamoDB_20120810", region, endpoint, maxAttempts, connectTimeout,
                readTimeout, callTimeout));
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        return http.call("GetItem", request, GetItemResponse.builder());
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
        return http.call("BatchGetItem", request, BatchGetItemResponse.builder());
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        return http.call("PutItem", request, PutItemResponse.builder());
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        return http.call("UpdateItem", request, UpdateItemResponse.builder());
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request) {
        return http.call("DeleteItem", request, DeleteItemResponse.builder());
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        return http.call("BatchWriteItem", request, BatchWriteItemResponse.builder());
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        return http.call("Query", request, QueryResponse.builder());
    }

    @Override
    public ScanResponse scan(ScanRequest request) {
        return http.call("Scan", request, ScanResponse.builder());
    }

    @Override
    public CreateTableResponse createTable(CreateTableRequest request) {
        return http.call("CreateTable", request, CreateTableResponse.builder());
    }

    @Override
    public DescribeTableResponse describeTable(DescribeTableRequest request) {
        return http.call("DescribeTable", request, DescribeTableResponse.builder());
    }

    @Override
    public DeleteTableResponse deleteTable(DeleteTableRequest request) {
        return http.call("DeleteTable", request, DeleteTableResponse.builder());
    }

    @Override
    public ListTablesResponse listTables(ListTablesRequest request) {
        return http.call("ListTables", request, ListTablesResponse.builder());
    }

    @Override
    public UpdateTimeToLiveResponse updateTimeToLive(UpdateTimeToLiveRequest request) {
        return http.call("UpdateTimeToLive", request, UpdateTimeToLiveResponse.builder());
    }

    @Override
    public DescribeTimeToLiveResponse describeTimeToLive(DescribeTimeToLiveRequest request) {
        return http.call("DescribeTimeToLive", request, DescribeTimeToLiveResponse.builder());
    }

    static AwsServiceException.Builder exceptionOfCode(String code) {
        return switch (code) {
            case "ConditionalCheckFailedException" -> ConditionalCheckFailedException.builder();
            case "ResourceNotFoundException" -> ResourceNotFoundException.builder();
            case "ResourceInUseException" -> ResourceInUseException.builder();
            case "ProvisionedThroughputExceededException" -> ProvisionedThroughputExceededException.builder();
            case "RequestLimitExceeded" -> RequestLimitExceededException.builder();
            case "TransactionConflictException" -> TransactionConflictException.builder();
            case "LimitExceededException" -> LimitExceededException.builder();
            case "ItemCollectionSizeLimitExceededException" -> ItemCollectionSizeLimitExceededException.builder();
            default -> DynamoDbException.builder();
        };
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
        // Nothing held: the JDK keeps (and closes) idle connections itself.
    }
}
