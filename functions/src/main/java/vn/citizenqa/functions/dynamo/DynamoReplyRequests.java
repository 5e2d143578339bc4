package vn.citizenqa.functions.dynamo;

import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import vn.citizenqa.core.store.RandomIds;
import vn.citizenqa.core.store.ReplyRequest;
import vn.citizenqa.core.store.ReplyRequests;
import vn.citizenqa.core.store.SentReply;

/**
 * One item per escalation and idempotency key ({@code REPLY#<escalation>#<key>}): taken by a conditional put (the key
 * absent, abandoned or expired), completed or abandoned by a conditional update that only the taker's token passes.
 */
final class DynamoReplyRequests implements ReplyRequests {

    static final String REPLY_REQUEST = "REPLY";
    private static final String IN_FLIGHT = "IN_FLIGHT";
    private static final String COMPLETED = "COMPLETED";
    private static final String ABANDONED = "ABANDONED";

    private final TableCalls table;
    private final Supplier<Instant> now;

    DynamoReplyRequests(TableCalls table, Supplier<Instant> now) {
        this.table = table;
        this.now = now;
    }

    private static String pk(String escalationId, String key) {
        return "REPLY#" + escalationId + "#" + key;
    }

    @Override
    public ReplyRequest begin(String escalationId, String key) {
        Instant t = now.get();
        String token = RandomIds.newId();
        var item = Attrs.item().s(StoreTable.PK, pk(escalationId, key)).s(StoreTable.SK, REPLY_REQUEST)
                .s("state", IN_FLIGHT).s("token", token).time("takenAt", t)
                .n(StoreTable.TTL_ATTRIBUTE, t.plus(RETENTION).getEpochSecond()).build();
        if (table.putIf(item, "attribute_not_exists(#pk) OR #state = :abandoned OR #ttl <= :now",
                Map.of("#pk", StoreTable.PK, "#state", "state", "#ttl", StoreTable.TTL_ATTRIBUTE),
                Map.of(":abandoned", Attrs.s(ABANDONED), ":now", Attrs.n(t.getEpochSecond())))) {
            return new ReplyRequest.Taken(token);
        }
        var stored = table.get(pk(escalationId, key), REPLY_REQUEST);
        if (stored.isEmpty()) {
            // Expired and removed between the two calls: try once more.
            return begin(escalationId, key);
        }
        Attrs.Reader r = new Attrs.Reader(stored.get());
        if (COMPLETED.equals(r.s("state"))) {
            return new ReplyRequest.Completed(new SentReply(r.s("platformMessageId"), r.time("sentAt"), r.s("mode")));
        }
        if (ABANDONED.equals(r.s("state"))) {
            return begin(escalationId, key);
        }
        return new ReplyRequest.InFlight(r.time("takenAt"));
    }

    @Override
    public void complete(String escalationId, String key, String token, SentReply sent) {
        table.updateIf(UpdateItemRequest.builder()
                .key(TableCalls.key(pk(escalationId, key), REPLY_REQUEST))
                .updateExpression("SET #state = :completed, #pid = :pid, #sentAt = :sentAt, #mode = :mode")
                .conditionExpression("#token = :token AND #state = :inFlight")
                .expressionAttributeNames(Map.of("#state", "state", "#pid", "platformMessageId", "#sentAt", "sentAt",
                        "#mode", "mode", "#token", "token"))
                .expressionAttributeValues(Map.of(":completed", Attrs.s(COMPLETED), ":pid", Attrs.s(sent.platformMessageId()),
                        ":sentAt", Attrs.s(sent.sentAt().toString()), ":mode", Attrs.s(sent.mode()), ":token", Attrs.s(token),
                        ":inFlight", Attrs.s(IN_FLIGHT))));
    }

    @Override
    public void abandon(String escalationId, String key, String token) {
        table.updateIf(UpdateItemRequest.builder()
                .key(TableCalls.key(pk(escalationId, key), REPLY_REQUEST))
                .updateExpression("SET #state = :abandoned")
                .conditionExpression("#token = :token AND #state = :inFlight")
                .expressionAttributeNames(Map.of("#state", "state", "#token", "token"))
                .expressionAttributeValues(Map.of(":abandoned", Attrs.s(ABANDONED), ":token", Attrs.s(token),
                        ":inFlight", Attrs.s(IN_FLIGHT))));
    }
}
