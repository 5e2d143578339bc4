package vn.citizenqa.functions.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.store.StoreUnavailableException;
import vn.citizenqa.functions.testsupport.DynamoDbTestServer;

class DynamoDbBatchGetOverHttpTest {

    private final DynamoDbBatchGetOverHttp reader = new DynamoDbBatchGetOverHttp(null, "PK", "SK");

    @Test
    void theRequestAsksForTheKeysStronglyConsistentWithTheAttributesProjectedByPlaceholder() {
        String body = new String(DynamoDbBatchGetOverHttp.body("t", List.of(new DynamoDbBatchGetOverHttp.Key("MSG#zalo#m\"1", "CLAIM")),
                List.of("PK", "state"), "PK", "SK"), StandardCharsets.UTF_8);
        assertEquals("{\"RequestItems\":{\"t\":{\"Keys\":[{\"PK\":{\"S\":\"MSG#zalo#m\\\"1\"},\"SK\":{\"S\":\"CLAIM\"}}],"
                + "\"ConsistentRead\":true,\"ProjectionExpression\":\"#a0, #a1\",\"ExpressionAttributeNames\":{\"#a0\":\"PK\",\"#a1\":\"state\"}}}}",
                body);
    }

    @Test
    void theAnswersItemsOfTheTableAndItsUnprocessedKeysAreRead() {
        String answer = """
                {"Responses":{"other":[{"PK":{"S":"x"}}],
                  "t":[{"PK":{"S":"MSG#zalo#1"},"state":{"S":"SENT"},"expiresAt":{"N":"1767225600"},"done":{"BOOL":true},
                        "draft":{"M":{"reply":{"S":"hi"}}},"tags":{"SS":["a"]},"gone":{"NULL":true}}]},
                 "UnprocessedKeys":{"t":{"Keys":[{"PK":{"S":"MSG#zalo#2"},"SK":{"S":"CLAIM"}}],"ConsistentRead":true},
                                    "other":{"Keys":[{"PK":{"S":"y"},"SK":{"S":"CLAIM"}}]}},
                 "ConsumedCapacity":[]}
                """;
        DynamoDbBatchGetOverHttp.Batch batch = reader.batch(answer.getBytes(StandardCharsets.UTF_8), "t");
        assertEquals(List.of(Map.of("PK", "MSG#zalo#1", "state", "SENT", "expiresAt", "1767225600", "done", "true")), batch.items());
        assertEquals(List.of(new DynamoDbBatchGetOverHttp.Key("MSG#zalo#2", "CLAIM")), batch.unprocessed());
    }

    @Test
    void anAnswerWithNothingFoundIsEmpty() {
        DynamoDbBatchGetOverHttp.Batch batch = reader.batch("{\"Responses\":{\"t\":[]},\"UnprocessedKeys\":{}}".getBytes(StandardCharsets.UTF_8), "t");
        assertEquals(List.of(), batch.items());
        assertEquals(List.of(), batch.unprocessed());
    }

    @Test
    void anAnswerThatIsNotAJsonObjectMakesTheStoreUnavailable() {
        for (String answer : List.of("", "[]", "{\"Responses\":{\"t\":[{\"PK\":", "<html>")) {
            assertThrows(StoreUnavailableException.class, () -> reader.batch(answer.getBytes(StandardCharsets.UTF_8), "t"), answer);
        }
    }

    @Test
    void aTableThatDoesNotExistMakesTheStoreUnavailable() {
        DynamoDbOverHttp client = (DynamoDbOverHttp) DynamoDbTestServer.get().client();
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> new DynamoDbBatchGetOverHttp(client.json(), "PK", "SK")
                .read("no-such-table", List.of(new DynamoDbBatchGetOverHttp.Key("a", "b")), List.of("PK")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void moreThanAHundredKeysAreRefusedBeforeAnyCall() {
        List<DynamoDbBatchGetOverHttp.Key> keys = java.util.stream.IntStream.range(0, 101)
                .mapToObj(i -> new DynamoDbBatchGetOverHttp.Key("k" + i, "CLAIM")).toList();
        assertThrows(IllegalArgumentException.class, () -> reader.read("t", keys, List.of("PK")));
    }
}
