package vn.citizenqa.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.store.PageRegistration;
import vn.citizenqa.core.store.StoreSettings;
import vn.citizenqa.functions.channel.Signed;
import vn.citizenqa.functions.dynamo.DynamoDbStore;
import vn.citizenqa.functions.testsupport.DynamoDbTestServer;
import vn.citizenqa.standin.ChannelStandIn;

/**
 * What one citizen's message costs in DynamoDB, measured on the server (every call asks for its consumed capacity):
 * the figures README's cost estimate multiplies. The bounds keep a change that multiplies the writes from
 * passing unnoticed.
 */
class DynamoDbCostPerMessageTest {

    /** Sums the capacity units each call consumed, as DynamoDB reports them, and counts the calls by kind. */
    static final class Meter implements ExecutionInterceptor {
        final Map<String, Integer> calls = new TreeMap<>();
        double writeUnits;
        double readUnits;

        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            return switch (context.request()) {
                case PutItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
                case UpdateItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
                case DeleteItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
                case GetItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
                case QueryRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
                default -> context.request();
            };
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            String name = context.request().getClass().getSimpleName().replace("Request", "");
            calls.merge(name, 1, Integer::sum);
            ConsumedCapacity c = switch (context.response()) {
                case PutItemResponse r -> r.consumedCapacity();
                case UpdateItemResponse r -> r.consumedCapacity();
                case DeleteItemResponse r -> r.consumedCapacity();
                case GetItemResponse r -> r.consumedCapacity();
                case QueryResponse r -> r.consumedCapacity();
                default -> null;
            };
            if (c != null && c.capacityUnits() != null) {
                if (name.equals("GetItem") || name.equals("Query")) {
                    readUnits += c.capacityUnits();
                } else {
                    writeUnits += c.capacityUnits();
                }
            }
        }

        void reset() {
            calls.clear();
            writeUnits = 0;
            readUnits = 0;
        }
    }

    private final DynamoDbTestServer server = DynamoDbTestServer.get();
    private final String table = server.createTable();
    private final ChannelStandIn channels = ChannelStandIn.start(0, null);
    private final Meter meter = new Meter();
    private final DynamoDbClient client = DynamoDbClient.builder()
            .endpointOverride(server.endpoint())
            .region(Region.AP_SOUTHEAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(c -> c.addExecutionInterceptor(meter))
            .build();
    private final WebhookHandler webhook;

    DynamoDbCostPerMessageTest() throws Exception {
        var store = new DynamoDbStore(client, table, Clock.systemUTC(), StoreSettings.defaults());
        store.pages().register(new PageRegistration(Channel.MESSENGER, WebhookHandlerTest.PAGE, WebhookHandlerTest.UNIT,
                "Công an phường Bến Nghé", "test-page-token", null, null));
        webhook = new WebhookHandler(Wiring.webhook(WebhookSettings.from(Map.of(
                "MESSENGER_APP_SECRET", Signed.MESSENGER_APP_SECRET, "GRAPH_API_BASE", channels.graphApiBase())), store, Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        channels.close();
        client.close();
    }

    private void deliver(String messageId, String text) {
        meter.reset();
        String event = Signed.messengerText(WebhookHandlerTest.PAGE, "psid-cost", messageId, text);
        assertEquals(200, webhook.handleRequest(WebhookHandlerTest.messenger(event), null).getStatusCode());
        System.out.printf("[cost] %s: %.1f write units, %.1f read units, calls %s%n", text, meter.writeUnits, meter.readUnits, meter.calls);
    }

    @Test
    void anAnsweredQuestionAndAnEmergencyStayWithinTheirWriteAndReadUnits() {
        deliver("m_cost_1", WebhookHandlerTest.QUESTION);
        assertTrue(meter.writeUnits > 0, "the server reports consumed capacity");
        double answered = meter.writeUnits;
        double answeredReads = meter.readUnits;
        deliver("m_cost_2", "Cứu với, có cướp đang vào nhà tôi");
        double emergency = meter.writeUnits;
        assertTrue(answered <= 12, "an answered question: " + answered + " write units");
        assertTrue(answeredReads <= 8, "an answered question: " + answeredReads + " read units");
        assertTrue(emergency <= 20, "an emergency (escalation and its queue index): " + emergency + " write units");
    }
}
