package vn.citizenqa.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.store.PageRegistration;
import vn.citizenqa.core.store.Store;
import vn.citizenqa.core.store.StoreSettings;
import vn.citizenqa.functions.channel.Signed;
import vn.citizenqa.functions.dynamo.DynamoDbStore;
import vn.citizenqa.functions.testsupport.DynamoDbTestServer;
import vn.citizenqa.standin.ChannelStandIn;

/** The webhook's once-only guarantees on a real DynamoDB-compatible server (conditional writes, not a map). */
class WebhookOnDynamoDbTest {

    private final ChannelStandIn channels = ChannelStandIn.start(0, null);
    private final DynamoDbTestServer server = DynamoDbTestServer.get();
    private final String table = server.createTable();

    WebhookOnDynamoDbTest() throws Exception {
        newStore().pages().register(new PageRegistration(Channel.MESSENGER, WebhookHandlerTest.PAGE, WebhookHandlerTest.UNIT,
                "Công an phường Bến Nghé", "test-page-token", null, null));
    }

    @AfterEach
    void stop() {
        channels.close();
    }

    /** A new store over the same table: what a new container (or a restarted serve) sees. */
    private Store newStore() {
        return new DynamoDbStore(server.client(), table, Clock.systemUTC(), StoreSettings.defaults());
    }

    private WebhookHandler newContainer() {
        WebhookSettings settings = WebhookSettings.from(Map.of(
                "MESSENGER_APP_SECRET", Signed.MESSENGER_APP_SECRET,
                "GRAPH_API_BASE", channels.graphApiBase(),
                "CHANNEL_TIMEOUT_MS", "2000"));
        return new WebhookHandler(Wiring.webhook(settings, newStore(), Clock.systemUTC()));
    }

    @Test
    void twentyConcurrentDeliveriesAcrossContainersGiveOneReply() throws Exception {
        String event = Signed.messengerText(WebhookHandlerTest.PAGE, "psid-7", "m_dynamo_1", WebhookHandlerTest.QUESTION);
        List<WebhookHandler> containers = List.of(newContainer(), newContainer(), newContainer(), newContainer());
        List<Integer> statuses = AllAtOnce.run(20,
                i -> () -> containers.get(i % containers.size()).handleRequest(WebhookHandlerTest.messenger(event), null).getStatusCode());
        // A duplicate that finds the message still being answered may ask for a redelivery (503) rather than
        // acknowledge a message it cannot see sent; what matters is one reply, and nothing more on redelivery.
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 503), statuses::toString);
        assertTrue(statuses.contains(200), statuses::toString);
        assertEquals(1, channels.deliveries().size());
        assertEquals(200, newContainer().handleRequest(WebhookHandlerTest.messenger(event), null).getStatusCode());
        assertEquals(1, channels.deliveries().size(), "a redelivery after the burst sends nothing more");
    }

    @Test
    void aFailedSendIsAnsweredOnceByTheRedeliveryAndNotAgainAfterARestart() {
        String event = Signed.messengerText(WebhookHandlerTest.PAGE, "psid-7", "m_dynamo_2", WebhookHandlerTest.QUESTION);
        channels.failNext(2, 503);
        assertEquals(502, newContainer().handleRequest(WebhookHandlerTest.messenger(event), null).getStatusCode());
        assertEquals(200, newContainer().handleRequest(WebhookHandlerTest.messenger(event), null).getStatusCode());
        assertEquals(200, newContainer().handleRequest(WebhookHandlerTest.messenger(event), null).getStatusCode());
        assertEquals(1, channels.deliveries().size());
    }
}
