package vn.citizenqa.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import vn.citizenqa.functions.dynamo.StoreTable;
import vn.citizenqa.functions.testsupport.DynamoDbTestServer;

class SetupTableCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env) {
        return new SetupTableCommand().run(List.of(), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void createsTheDefinedTableOnceAndFindsItTheSecondTime() {
        DynamoDbTestServer server = DynamoDbTestServer.get();
        String name = "setup-" + UUID.randomUUID();
        Map<String, String> env = Map.of("TABLE_NAME", name, "DYNAMODB_ENDPOINT", server.endpoint().toString());

        assertEquals(0, run(env), err.toString(StandardCharsets.UTF_8));
        assertEquals(0, run(env), err.toString(StandardCharsets.UTF_8));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("created table '" + name + "'"), printed);
        assertTrue(printed.contains("already exists: table '" + name + "'"), printed);
        TableDescription table = server.client().describeTable(DescribeTableRequest.builder().tableName(name).build())
                .table();
        assertEquals(StoreTable.createTableRequest(name).keySchema(), table.keySchema());
        assertEquals(StoreTable.QUEUE_INDEX, table.globalSecondaryIndexes().getFirst().indexName());
    }

    @Test
    void withoutATableNameItSaysWhatToSet() {
        assertEquals(2, run(Map.of()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("set TABLE_NAME"));
    }

    @Test
    void anUnreachableEndpointFailsWithTheEndpointNamed() throws IOException {
        String endpoint;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            endpoint = "http://127.0.0.1:" + s.getLocalPort();
        }

        assertEquals(1, run(Map.of("TABLE_NAME", "t", "DYNAMODB_ENDPOINT", endpoint)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("setup-table failed at " + endpoint),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMalformedEndpointIsNamed() {
        assertEquals(2, run(Map.of("TABLE_NAME", "t", "DYNAMODB_ENDPOINT", "localhost:8000")));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("DYNAMODB_ENDPOINT"));
    }
}
