package vn.citizenqa.functions.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.store.StoreSettings;
import vn.citizenqa.core.store.StoreUnavailableException;
import vn.citizenqa.functions.testsupport.DynamoDbTestServer;
import vn.citizenqa.functions.testsupport.TcpRelay;

/** SnapStart priming's store call: harmless, and it leaves no connection open to end up in the snapshot. */
class DynamoDbPrimingReadTest {

    private final DynamoDbTestServer server = DynamoDbTestServer.get();

    @Test
    void thePrimingReadAnswersAndClosesItsConnectionWhereAnOrdinaryReadKeepsOneAlive() throws Exception {
        String table = server.createTable();
        try (TcpRelay ordinary = TcpRelay.to(server.endpoint()); TcpRelay priming = TcpRelay.to(server.endpoint())) {
            storeThrough(ordinary, table).pages().find(Channel.ZALO, "no-such-page");
            assertEquals(1, ordinary.openConnections(), "an ordinary read keeps its connection for the next call");

            DynamoDbStore store = storeThrough(priming, table);
            store.primingRead();
            assertTrue(closedSoon(priming), "the priming read's connection is closed by the server after it answers");
            assertTrue(store.pages().find(Channel.ZALO, TableCalls.PRIMING_KEY).isEmpty(), "nothing was written");
        }
    }

    private static DynamoDbStore storeThrough(TcpRelay relay, String table) {
        DynamoDbSettings settings = DynamoDbSettings.fromEnvironment(Map.of("TABLE_NAME", table, "DYNAMODB_ENDPOINT",
                relay.endpoint().toString())).orElseThrow();
        return new DynamoDbStore(DynamoDbStore.client(settings), table, Clock.systemUTC(), StoreSettings.defaults());
    }

    @Test
    void aPrimingReadOnAMissingTableSaysTheStoreIsUnavailable() {
        DynamoDbSettings settings = server.settings("no-such-table-" + System.nanoTime());
        DynamoDbStore store = new DynamoDbStore(DynamoDbStore.client(settings), settings.tableName(), Clock.systemUTC(),
                StoreSettings.defaults());
        assertThrows(StoreUnavailableException.class, store::primingRead);
    }

    /** The relay sees the server close the socket a moment after the response; wait for it, up to 5 s. */
    private static boolean closedSoon(TcpRelay relay) throws InterruptedException {
        for (int i = 0; i < 100 && relay.openConnections() > 0; i++) {
            Thread.sleep(50);
        }
        return relay.openConnections() == 0;
    }
}
