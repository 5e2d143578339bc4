package vn.citizenqa.functions.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import vn.citizenqa.core.model.Candidate;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.model.Priority;
import vn.citizenqa.core.store.Author;
import vn.citizenqa.core.store.ConversationMessage;
import vn.citizenqa.core.store.ConversationState;
import vn.citizenqa.core.store.Counter;
import vn.citizenqa.core.store.MessageKey;
import vn.citizenqa.core.store.MutableClock;
import vn.citizenqa.core.store.NewEscalation;
import vn.citizenqa.core.store.PageRegistration;
import vn.citizenqa.core.store.StoreSettings;
import vn.citizenqa.functions.testsupport.DynamoDbTestServer;

/** What the DynamoDB store actually writes: keys by access pattern, TTL where data expires, no raw text elsewhere. */
class DynamoDbItemsTest {

    private static final Instant NOW = Instant.parse("2025-03-10T02:00:00.250Z");
    private static final ConversationKey CONVERSATION = new ConversationKey(Channel.ZALO, "oa-1", "u-1");

    private final DynamoDbTestServer server = DynamoDbTestServer.get();
    private String table;
    private DynamoDbStore store;

    @BeforeEach
    void freshTable() {
        table = server.createTable();
        store = new DynamoDbStore(server.client(), table, new MutableClock(NOW), StoreSettings.defaults());
    }

    private Map<String, AttributeValue> item(String pk, String sk) {
        return server.client().getItem(GetItemRequest.builder().tableName(table)
                .key(Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk))).build()).item();
    }

    private long ttl(Map<String, AttributeValue> item) {
        return Long.parseLong(item.get(StoreTable.TTL_ATTRIBUTE).n());
    }

    @Test
    void claimsConversationStateAndMessagesCarryTheTtlAttributeInEpochSeconds() {
        store.messages().claim(new MessageKey(Channel.MESSENGER, "m_1"));
        store.conversations().saveState(new ConversationState(CONVERSATION, "unit-1", null, List.of(), NOW));
        store.conversations().append(ConversationMessage.of(CONVERSATION, "mid.1", NOW, Author.CITIZEN, null,
                "CCCD 001203004567"));

        assertEquals(NOW.plus(Duration.ofDays(30)).getEpochSecond(), ttl(item("MSG#messenger#m_1", "CLAIM")));
        assertEquals(NOW.plus(Duration.ofDays(180)).getEpochSecond(), ttl(item("CONV#zalo#oa-1#u-1", "STATE")));
        Map<String, AttributeValue> message = item("CONV#zalo#oa-1#u-1", "M#2025-03-10T02:00:00.250Z#mid.1");
        assertEquals(NOW.plus(Duration.ofDays(180)).getEpochSecond(), ttl(message));
        assertEquals("CCCD 001203004567", message.get("text").s(), "raw text lives on the expiring message only");
    }

    @Test
    void aMinutesMessageCountIsOneSmallItemThatExpiresTenMinutesAfterTheMinute() {
        store.rates().count(CONVERSATION, NOW, 20);
        store.rates().count(CONVERSATION, NOW.plusSeconds(30), 20);

        Map<String, AttributeValue> item = item("RATE#zalo#oa-1#u-1", "MIN#2025-03-10T02:00");
        assertEquals("2", item.get("messages").n());
        assertEquals(Instant.parse("2025-03-10T02:11:00Z").getEpochSecond(), ttl(item));
    }

    @Test
    void anEscalationSitsInItsUnitQueueIndexWithMaskedTextAndNoExpiry() {
        String id = NewEscalation.idFor(new MessageKey(Channel.ZALO, "m_9"));
        store.escalations().create(new NewEscalation(id, "unit-1", CONVERSATION, "m_9", NOW, Priority.URGENT,
                "cháy", Intent.EMERGENCY, "Cháy nhà số 5, gọi 0912345678", "Gọi 114 ngay.",
                List.of(new Candidate("pccc", "PCCC", 0.5))));

        Map<String, AttributeValue> item = item("ESC#" + id, "ESC");

        assertEquals("UNIT#unit-1#OPEN", item.get(StoreTable.QUEUE_PK).s());
        assertEquals("1#2025-03-10T02:00:00.250Z#" + id, item.get(StoreTable.QUEUE_SK).s());
        assertFalse(item.containsKey(StoreTable.TTL_ATTRIBUTE), "escalations are the record: they do not expire");
        assertEquals("Cháy nhà số 5, gọi [phone]", item.get("citizenText").s());
    }

    @Test
    void nothingOutsideTheConversationMessagesHoldsThePersonalData() {
        String phone = "0987654321";
        MessageKey key = new MessageKey(Channel.MESSENGER, "m_2");
        store.conversations().append(ConversationMessage.of(CONVERSATION, "m_2", NOW, Author.CITIZEN, null,
                "trộm xe, gọi " + phone));
        String id = NewEscalation.idFor(key);
        store.escalations().create(new NewEscalation(id, "unit-1", CONVERSATION, "m_2", NOW, Priority.HIGH,
                "tố giác " + phone, Intent.CRIME_REPORT, "trộm xe, gọi " + phone, "Đã nhận tin báo.", List.of()));
        store.escalations().answer(id, "officer-a", "Sẽ gọi lại " + phone);
        store.escalations().close(id, "officer-a", false, "đã gọi " + phone);
        store.counters().count("unit-1", NOW, Counter.QUESTIONS, Counter.CRIME_REPORTS);

        List<Map<String, AttributeValue>> items = server.client().scan(ScanRequest.builder().tableName(table).build())
                .items();
        for (Map<String, AttributeValue> item : items) {
            boolean conversationMessage = item.get("SK").s().startsWith("M#");
            assertEquals(conversationMessage, item.toString().contains(phone), "item " + item.get("PK").s() + " "
                    + item.get("SK").s());
        }
    }

    @Test
    void pageRegistrationsAndCountersAreKeyedByPageAndByUnitDay() {
        store.pages().register(new PageRegistration(Channel.MESSENGER, "page-7", "unit-1", "CA Phường 1", "tok",
                null, null));
        store.counters().count("unit-1", NOW, Counter.QUESTIONS, Counter.QUESTIONS, Counter.ANSWERED);

        assertEquals("unit-1", item("PAGE#messenger#page-7", "PAGE").get("unit").s());
        Map<String, AttributeValue> day = item("STATS#unit-1", "DAY#2025-03-10");
        assertEquals("2", day.get("QUESTIONS").n());
        assertEquals("1", day.get("ANSWERED").n());
        assertFalse(day.containsKey(StoreTable.TTL_ATTRIBUTE));
    }
}
