package vn.citizenqa.functions.dynamo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.store.Author;
import vn.citizenqa.core.store.CaseRef;
import vn.citizenqa.core.store.ConversationMessage;
import vn.citizenqa.core.store.ConversationState;
import vn.citizenqa.core.store.Conversations;
import vn.citizenqa.core.store.EscalationQueueOrder;
import vn.citizenqa.core.store.StoreSettings;

/**
 * Conversation state and messages under one partition per conversation; messages sort by time, so the recent
 * ones are one backwards Query. Reads skip items past their expiry that DynamoDB's TTL has not deleted yet.
 */
final class DynamoConversations implements Conversations {

    private final TableCalls table;
    private final StoreSettings settings;
    private final Supplier<Instant> now;

    DynamoConversations(TableCalls table, StoreSettings settings, Supplier<Instant> now) {
        this.table = table;
        this.settings = settings;
        this.now = now;
    }

    @Override
    public Optional<ConversationState> state(ConversationKey key) {
        Instant t = now.get();
        return table.get(StoreTable.conversationPk(key), StoreTable.STATE)
                .filter(item -> live(item, t))
                .map(item -> {
                    Attrs.Reader r = new Attrs.Reader(item);
                    Attrs.Reader c = r.map("lastCase");
                    return new ConversationState(key, r.s("unit"), r.s("lastProcedureId"),
                            r.strings("lastCandidateIds"), r.time("lastUserMessageAt"),
                            c == null ? null : new CaseRef(c.s("escalationId"), c.e("intent", Intent.class), c.time("at")));
                });
    }

    @Override
    public void saveState(ConversationState s) {
        table.put(Attrs.item()
                .s(StoreTable.PK, StoreTable.conversationPk(s.key())).s(StoreTable.SK, StoreTable.STATE)
                .s("unit", s.unit()).s("lastProcedureId", s.lastProcedureId())
                .put("lastCandidateIds", Attrs.strings(s.lastCandidateIds()))
                .time("lastUserMessageAt", s.lastUserMessageAt())
                .put("lastCase", s.lastCase() == null ? null : AttributeValue.fromM(Attrs.item()
                        .s("escalationId", s.lastCase().escalationId()).s("intent", s.lastCase().intent())
                        .time("at", s.lastCase().at()).build()))
                .n(StoreTable.TTL_ATTRIBUTE, settings.conversationExpiry(now.get()).getEpochSecond())
                .build());
    }

    @Override
    public ConversationMessage append(ConversationMessage message) {
        ConversationMessage stored = message.expiringAt(settings.conversationExpiry(message.at()));
        table.put(Attrs.item()
                .s(StoreTable.PK, StoreTable.conversationPk(message.conversation()))
                .s(StoreTable.SK, messageSk(message.at(), message.id()))
                .s("id", message.id()).time("at", message.at()).s("author", message.author())
                .s("direction", message.direction()).s("authorId", message.authorId()).s("text", message.text())
                .s("takenAs", message.takenAs() == null ? null : message.takenAs().intent())
                .put("choice", message.takenAs() == null ? null : AttributeValue.fromBool(message.takenAs().choice()))
                .n(StoreTable.TTL_ATTRIBUTE, stored.expiresAt().getEpochSecond())
                .build());
        return stored;
    }

    @Override
    public List<ConversationMessage> recent(ConversationKey key, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        Instant t = now.get();
        List<Map<String, AttributeValue>> newestFirst = table.query(QueryRequest.builder()
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .filterExpression("#exp > :now")
                .expressionAttributeNames(Map.of("#pk", StoreTable.PK, "#sk", StoreTable.SK,
                        "#exp", StoreTable.TTL_ATTRIBUTE))
                .expressionAttributeValues(Map.of(":pk", Attrs.s(StoreTable.conversationPk(key)),
                        ":prefix", Attrs.s(StoreTable.MESSAGE_PREFIX), ":now", Attrs.n(t.getEpochSecond())))
                .scanIndexForward(false)
                .limit(limit), limit);
        return newestFirst.stream().map(item -> message(key, item)).toList().reversed();
    }

    @Override
    public Optional<ConversationMessage> find(ConversationKey key, Instant at, String id) {
        Instant t = now.get();
        return table.get(StoreTable.conversationPk(key), messageSk(at, id))
                .filter(item -> live(item, t))
                .map(item -> message(key, item));
    }

    private static String messageSk(Instant at, String id) {
        return StoreTable.MESSAGE_PREFIX + EscalationQueueOrder.sortableTime(at) + "#" + id;
    }

    private static boolean live(Map<String, AttributeValue> item, Instant t) {
        return new Attrs.Reader(item).n(StoreTable.TTL_ATTRIBUTE) > t.getEpochSecond();
    }

    private static ConversationMessage message(ConversationKey key, Map<String, AttributeValue> item) {
        Attrs.Reader r = new Attrs.Reader(item);
        Intent takenAs = r.e("takenAs", Intent.class);
        return new ConversationMessage(key, r.s("id"), r.time("at"), r.e("author", Author.class), r.s("authorId"),
                r.s("text"), takenAs == null ? null : new ConversationMessage.TakenAs(takenAs, r.bool("choice")),
                Instant.ofEpochSecond(r.n(StoreTable.TTL_ATTRIBUTE)));
    }
}
