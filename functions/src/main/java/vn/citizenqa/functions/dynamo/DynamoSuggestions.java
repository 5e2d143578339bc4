package vn.citizenqa.functions.dynamo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import vn.citizenqa.core.privacy.PersonalDataMasker;
import vn.citizenqa.core.store.EscalationQueueOrder;
import vn.citizenqa.core.store.NewSuggestion;
import vn.citizenqa.core.store.Suggestion;
import vn.citizenqa.core.store.SuggestionStatus;
import vn.citizenqa.core.store.Suggestions;

/**
 * Suggestions as single items; the queue index lists them by status, oldest first, so the pending ones are one
 * Query and exporting one (a conditional update on its status) moves it out of that list.
 */
final class DynamoSuggestions implements Suggestions {

    private final TableCalls table;
    private final PersonalDataMasker masker;
    private final Supplier<Instant> now;

    DynamoSuggestions(TableCalls table, PersonalDataMasker masker, Supplier<Instant> now) {
        this.table = table;
        this.masker = masker;
        this.now = now;
    }

    @Override
    public Suggestion add(NewSuggestion s) {
        Suggestion fresh = new Suggestion(s.id(), s.escalationId(), s.unit(), s.procedureId(), masker.mask(s.question()),
                masker.mask(s.answer()), s.officer(), now.get(), SuggestionStatus.PENDING, null);
        if (table.putIf(toItem(fresh), "attribute_not_exists(#pk)", Map.of("#pk", StoreTable.PK), Map.of())) {
            return fresh;
        }
        return find(s.id()).orElseThrow();
    }

    @Override
    public Optional<Suggestion> find(String id) {
        return table.get(StoreTable.suggestionPk(id), StoreTable.SUGGESTION).map(DynamoSuggestions::fromItem);
    }

    @Override
    public List<Suggestion> pending(int limit) {
        if (limit < 1 || limit > MAX_READ) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_READ + ": " + limit);
        }
        return table.query(QueryRequest.builder()
                .indexName(StoreTable.QUEUE_INDEX)
                .keyConditionExpression("#qpk = :qpk")
                .expressionAttributeNames(Map.of("#qpk", StoreTable.QUEUE_PK))
                .expressionAttributeValues(Map.of(":qpk",
                        Attrs.s(StoreTable.suggestionQueuePk(SuggestionStatus.PENDING))))
                .scanIndexForward(true)
                .limit(limit), limit).stream().map(DynamoSuggestions::fromItem).toList();
    }

    @Override
    public boolean markExported(String id) {
        Instant t = now.get();
        return table.updateIf(UpdateItemRequest.builder()
                .key(TableCalls.key(StoreTable.suggestionPk(id), StoreTable.SUGGESTION))
                .updateExpression("SET #status = :exported, #exportedAt = :t, #qpk = :qpk")
                .conditionExpression("#status = :pending")
                .expressionAttributeNames(Map.of("#status", "status", "#exportedAt", "exportedAt",
                        "#qpk", StoreTable.QUEUE_PK))
                .expressionAttributeValues(Map.of(":exported", Attrs.s(SuggestionStatus.EXPORTED.name()),
                        ":pending", Attrs.s(SuggestionStatus.PENDING.name()), ":t", Attrs.s(t.toString()),
                        ":qpk", Attrs.s(StoreTable.suggestionQueuePk(SuggestionStatus.EXPORTED)))))
                .isPresent();
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
