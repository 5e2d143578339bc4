package vn.citizenqa.functions.dynamo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import vn.citizenqa.core.privacy.PersonalDataMasker;
import vn.citizenqa.core.store.EscalationQueueOrder;
import vn.citizenqa.core.store.RuleBasedSuggestions;
import vn.citizenqa.core.store.Suggestion;
import vn.citizenqa.core.store.SuggestionRules;
import vn.citizenqa.core.store.SuggestionStatus;

/**
 * Suggestions as single items, decided by the shared {@link SuggestionRules}; the queue index lists them by status,
 * oldest first, so the pending ones are one Query and exporting one (written only while still PENDING) moves it out
 * of that list.
 */
final class DynamoSuggestions extends RuleBasedSuggestions {

    private final TableCalls table;

    DynamoSuggestions(TableCalls table, PersonalDataMasker masker, Supplier<Instant> now) {
        super(new SuggestionRules(masker), now);
        this.table = table;
    }

    @Override
    public Optional<Suggestion> find(String id) {
        return table.get(StoreTable.suggestionPk(id), StoreTable.SUGGESTION).map(DynamoSuggestions::fromItem);
    }

    @Override
    protected boolean createIfAbsent(Suggestion fresh) {
        return table.putIf(toItem(fresh), "attribute_not_exists(#pk)", Map.of("#pk", StoreTable.PK), Map.of());
    }

    @Override
    protected boolean replace(Suggestion read, Suggestion next) {
        // The status moves the item between the queue index's lists; writing it only while unchanged is the lock.
        return table.putIf(toItem(next), "#status = :read", Map.of("#status", "status"),
                Map.of(":read", Attrs.s(read.status().name())));
    }

    @Override
    protected List<Suggestion> pendingOldestFirst(int limit) {
        return table.query(QueryRequest.builder()
                .indexName(StoreTable.QUEUE_INDEX)
                .keyConditionExpression("#qpk = :qpk")
                .expressionAttributeNames(Map.of("#qpk", StoreTable.QUEUE_PK))
                .expressionAttributeValues(Map.of(":qpk",
                        Attrs.s(StoreTable.suggestionQueuePk(SuggestionStatus.PENDING))))
                .scanIndexForward(true)
                .limit(limit), limit).stream().map(DynamoSuggestions::fromItem).toList();
    }

    private static Map<String, AttributeValue> toItem(Suggestion s) {
        return Attrs.item()
                .s(StoreTable.PK, StoreTable.suggestionPk(s.id())).s(StoreTable.SK, StoreTable.SUGGESTION)
                .s(StoreTable.QUEUE_PK, StoreTable.suggestionQueuePk(s.status()))
                .s(StoreTable.QUEUE_SK, EscalationQueueOrder.sortableTime(s.createdAt()) + "#" + s.id())
                .s("id", s.id()).s("escalationId", s.escalationId()).s("unit", s.unit())
                .s("procedureId", s.procedureId()).s("question", s.question()).s("answer", s.answer())
                .s("officer", s.officer()).time("createdAt", s.createdAt()).s("status", s.status())
                .time("exportedAt", s.exportedAt())
                .build();
    }

    private static Suggestion fromItem(Map<String, AttributeValue> item) {
        Attrs.Reader r = new Attrs.Reader(item);
        return new Suggestion(r.s("id"), r.s("escalationId"), r.s("unit"), r.s("procedureId"), r.s("question"),
                r.s("answer"), r.s("officer"), r.time("createdAt"), r.e("status", SuggestionStatus.class),
                r.time("exportedAt"));
    }
}
