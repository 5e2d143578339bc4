package vn.citizenqa.functions.dynamo;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.queue.QueueUnavailableException;
import vn.citizenqa.core.store.MessageKey;
import vn.citizenqa.core.store.Store;
import vn.citizenqa.core.store.StoreSettings;
import vn.citizenqa.core.store.StoreUnavailableException;
import vn.citizenqa.functions.queue.SqsMessageQueue;

/**
 * A connection lost in the middle of a call, as the URL-connection HTTP client reports it (an
 * {@link UncheckedIOException}, outside the SDK's exceptions: aws-sdk-java-v2 #6578), is "the store cannot be
 * reached" (the webhook's 503, the worker's retry) and "the queue did not take it", never an unexpected error.
 */
class ConnectionLostMidCallTest {

    /** Every request fails as the URL-connection client fails when the socket closes under it. */
    private static final class LosingConnection implements SdkHttpClient {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    calls.incrementAndGet();
                    throw new UncheckedIOException(new IOException("Connection reset"));
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
        }
    }

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    @Test
    void aStoreCallWhoseConnectionIsLostIsTheStoreUnavailable() {
        LosingConnection http = new LosingConnection();
        DynamoDbClient client = DynamoDbClient.builder().httpClient(http).region(Region.AP_SOUTHEAST_1)
                .credentialsProvider(CREDENTIALS).endpointOverride(URI.create("http://127.0.0.1:9")).build();
        Store store = new DynamoDbStore(client, "citizen-qa", Clock.systemUTC(), StoreSettings.defaults());

        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> store.messages().claim(new MessageKey(Channel.MESSENGER, "m_lost")));
        assertTrue(e.getMessage().contains("DynamoDB"), e.getMessage());
        assertTrue(http.calls.get() >= 1);
    }

    @Test
    void aQueueSendWhoseConnectionIsLostIsTheQueueUnavailable() {
        SqsClient client = SqsClient.builder().httpClient(new LosingConnection()).region(Region.AP_SOUTHEAST_1)
                .credentialsProvider(CREDENTIALS).endpointOverride(URI.create("http://127.0.0.1:9")).build();
        SqsMessageQueue queue = new SqsMessageQueue(client, "http://127.0.0.1:9/000000000000/messages.fifo", true);
        InboundMessage.FromCitizen m = new InboundMessage.Text(new ConversationKey(Channel.MESSENGER, "page-1", "psid-1"),
                "m_lost", java.time.Instant.parse("2026-12-02T03:00:00Z"), "cho em hỏi làm căn cước");

        assertThrows(QueueUnavailableException.class, () -> queue.enqueue(List.of(m)));
    }
}
