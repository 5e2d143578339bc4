package vn.citizenqa.functions.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityResponse;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.CreateQueueResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageResponse;
import software.amazon.awssdk.services.sqs.model.DeleteQueueRequest;
import software.amazon.awssdk.services.sqs.model.DeleteQueueResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlResponse;
import software.amazon.awssdk.services.sqs.model.PurgeQueueRequest;
import software.amazon.awssdk.services.sqs.model.PurgeQueueResponse;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.SetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * SQS's operations that citizen-qa calls, in SQS's JSON protocol ({@code X-Amz-Target: AmazonSQS.<Operation>},
 * {@code application/x-amz-json-1.0}) over {@link AwsJsonHttp}, behind the SDK's {@link SqsClient} interface and
 * model, as {@link DynamoDbOverHttp} is for DynamoDB. As the SDK's client with checksum validation does, the MD5 SQS
 * returns for each sent body is checked against the body sent (a mismatch is an {@link SdkClientException}: the
 * message may be damaged, so the send failed). Other operations of the interface are not implemented.
 */
public final class SqsOverHttp implements SqsClient {

    private final ModelOverHttp http;

    public SqsOverHttp(AwsJsonHttp http) {
        this.http = new ModelOverHttp(http, "Sqs", SqsOverHttp::exceptionOfCode);
    }

    /** On AWS ({@code endpoint} null: {@code https://sqs.<region>.amazonaws.com}) or a local server. */
    public static SqsOverHttp create(String region, URI endpoint, int maxAttempts, Duration connectTimeout, Duration readTimeout,
                                     Duration callTimeout) {
        return new SqsOverHttp(AwsJsonHttp.json10("sqs", "AmazonSQS", region, endpoint, maxAttempts, connectTimeout, readTimeout, callTimeout));
    }

    @Override
    public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
        SendMessageBatchResponse response = http.call("SendMessageBatch", request, SendMessageBatchResponse.builder());
        Map<String, String> sent = request.entries().stream().collect(Collectors.toMap(SendMessageBatchRequestEntry::id,
                SendMessageBatchRequestEntry::messageBody));
        for (SendMessageBatchResultEntry r : response.successful()) {
            requireMd5(sent.get(r.id()), r.md5OfMessageBody(), r.messageId());
        }
        return response;
    }

    @Override
    public SendMessageResponse sendMessage(SendMessageRequest request) {
        SendMessageResponse response = http.call("SendMessage", request, SendMessageResponse.builder());
        requireMd5(request.messageBody(), response.md5OfMessageBody(), response.messageId());
        return response;
    }

    @Override
    public ReceiveMessageResponse receiveMessage(ReceiveMessageRequest request) {
        return http.call("ReceiveMessage", request, ReceiveMessageResponse.builder());
    }

    @Override
    public DeleteMessageResponse deleteMessage(DeleteMessageRequest request) {
        return http.call("DeleteMessage", request, DeleteMessageResponse.builder());
    }

    @Override
    public DeleteMessageBatchResponse deleteMessageBatch(DeleteMessageBatchRequest request) {
        return http.call("DeleteMessageBatch", request, DeleteMessageBatchResponse.builder());
    }

    @Override
    public ChangeMessageVisibilityResponse changeMessageVisibility(ChangeMessageVisibilityRequest request) {
        return http.call("ChangeMessageVisibility", request, ChangeMessageVisibilityResponse.builder());
    }

    @Override
    public GetQueueAttributesResponse getQueueAttributes(GetQueueAttributesRequest request) {
        return http.call("GetQueueAttributes", request, GetQueueAttributesResponse.builder());
    }

    @Override
    public SetQueueAttributesResponse setQueueAttributes(SetQueueAttributesRequest request) {
        return http.call("SetQueueAttributes", request, SetQueueAttributesResponse.builder());
    }

    @Override
    public CreateQueueResponse createQueue(CreateQueueRequest request) {
        return http.call("CreateQueue", request, CreateQueueResponse.builder());
    }

    @Override
    public GetQueueUrlResponse getQueueUrl(GetQueueUrlRequest request) {
        return http.call("GetQueueUrl", request, GetQueueUrlResponse.builder());
    }

    @Override
    public PurgeQueueResponse purgeQueue(PurgeQueueRequest request) {
        return http.call("PurgeQueue", request, PurgeQueueResponse.builder());
    }

    @Override
    public DeleteQueueResponse deleteQueue(DeleteQueueRequest request) {
        return http.call("DeleteQueue", request, DeleteQueueResponse.builder());
    }

    private static void requireMd5(String body, String md5FromSqs, String messageId) {
        if (!SqsSendOverHttp.md5Matches(body, md5FromSqs)) {
            throw SdkClientException.create("MD5 returned by SQS does not match the calculation on the original request (message "
                    + messageId + ")");
        }
    }

    static AwsServiceException.Builder exceptionOfCode(String code) {
        return switch (code) {
            case "QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue" -> QueueDoesNotExistException.builder();
            default -> SqsException.builder();
        };
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
        // Nothing held.
    }
}
