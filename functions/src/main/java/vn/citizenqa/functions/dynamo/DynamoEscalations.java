package vn.citizenqa.functions.dynamo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import vn.citizenqa.core.model.Candidate;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.model.Coordinates;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.model.Priority;
import vn.citizenqa.core.store.CaseAddition;
import vn.citizenqa.core.store.Escalation;
import vn.citizenqa.core.store.EscalationChange;
import vn.citizenqa.core.store.EscalationQueueOrder;
import vn.citizenqa.core.store.EscalationQueuePage;
import vn.citizenqa.core.store.EscalationRules;
import vn.citizenqa.core.store.EscalationStatus;
import vn.citizenqa.core.store.NewEscalation;
import vn.citizenqa.core.store.RuleBasedEscalations;
import vn.citizenqa.core.store.StoreUnavailableException;

/**
 * Escalations as single items with a version number. An officer's action reads the item, lets the shared
 * {@link EscalationRules} decide, and writes the result only if the version is still the one read (optimistic
 * locking in one conditional write): of two officers claiming at once, the second write fails, re-reads, and
 * finds the first officer holding it. Status and holder sit in the queue index key, so a change moves the item
 * from one queue to another in the same write.
 */
final class DynamoEscalations extends RuleBasedEscalations {

    private static final int MAX_ROUNDS = 8;

    private final TableCalls table;
    private final Supplier<Instant> now;

    DynamoEscalations(TableCalls table, EscalationRules rules, Supplier<Instant> now) {
        super(rules);
        this.table = table;
        this.now = now;
    }

    @Override
    public Created create(NewEscalation e) {
        Escalation fresh = rules.open(e, now.get());
        if (table.putIf(toItem(fresh, 1), "attribute_not_exists(#pk)", Map.of("#pk", StoreTable.PK), Map.of())) {
            return new Created(fresh, true);
        }
        return new Created(find(e.id()).orElseThrow(() ->
                new StoreUnavailableException("escalation " + e.id() + " exists but cannot be read", null)), false);
    }

    @Override
    public Optional<Escalation> find(String id) {
        return table.get(StoreTable.escalationPk(id), StoreTable.ESCALATION).map(DynamoEscalations::fromItem);
    }

    @Override
    public EscalationQueuePage queue(String unit, EscalationStatus status, String cursor, int limit) {
        String after = EscalationQueueOrder.checkQuery(status, cursor, limit);
        String condition = "#qpk = :qpk" + (after == null ? "" : " AND #qsk > :after");
        Map<String, AttributeValue> values = after == null
                ? Map.of(":qpk", Attrs.s(StoreTable.queuePk(unit, status)))
                : Map.of(":qpk", Attrs.s(StoreTable.queuePk(unit, status)), ":after", Attrs.s(after));
        Map<String, String> names = after == null ? Map.of("#qpk", StoreTable.QUEUE_PK)
                : Map.of("#qpk", StoreTable.QUEUE_PK, "#qsk", StoreTable.QUEUE_SK);
        List<Escalation> upToOneMore = table.query(QueryRequest.builder()
                .indexName(StoreTable.QUEUE_INDEX)
                .keyConditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .scanIndexForward(true)
                .limit(limit + 1), limit + 1).stream().map(DynamoEscalations::fromItem).toList();
        return EscalationQueueOrder.page(upToOneMore, limit);
    }

    @Override
    protected EscalationChange change(String id, OfficerAction action) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Optional<Map<String, AttributeValue>> item = table.get(StoreTable.escalationPk(id), StoreTable.ESCALATION);
            if (item.isEmpty()) {
                return new EscalationChange.NotFound(id);
            }
            Escalation cur = fromItem(item.get());
            long version = new Attrs.Reader(item.get()).n("version");
            EscalationChange outcome = action.decide(cur, now.get());
            if (!(outcome instanceof EscalationChange.Applied(Escalation next, EscalationStatus ignored))
                    || next.equals(cur)) {
                return outcome;
            }
            if (table.putIf(toItem(next, version + 1), "#v = :v", Map.of("#v", "version"),
                    Map.of(":v", Attrs.n(version)))) {
                return outcome;
            }
        }
        throw new StoreUnavailableException("escalation " + id + " kept changing under concurrent officers", null);
    }

    private static Map<String, AttributeValue> toItem(Escalation e, long version) {
        return Attrs.item()
                .s(StoreTable.PK, StoreTable.escalationPk(e.id())).s(StoreTable.SK, StoreTable.ESCALATION)
                .s(StoreTable.QUEUE_PK, StoreTable.queuePk(e.unit(), e.status()))
                .s(StoreTable.QUEUE_SK, EscalationQueueOrder.sortKey(e))
                .n("version", version)
                .s("id", e.id()).s("unit", e.unit())
                .s("channel", e.conversation().channel().wireName()).s("pageId", e.conversation().pageId())
                .s("userId", e.conversation().userId())
                .s("citizenMessageId", e.citizenMessageId()).time("citizenMessageAt", e.citizenMessageAt())
                .s("priority", e.priority()).s("reason", e.reason()).s("intent", e.intent())
                .s("citizenText", e.citizenText()).s("draftReply", e.draftReply())
                .put("candidates", Attrs.list(e.candidates(), c -> Map.of(
                        "id", Attrs.s(c.id()), "title", Attrs.s(c.title()), "score", Attrs.n(c.score()))))
                .s("status", e.status()).time("createdAt", e.createdAt()).s("holder", e.holder())
                .put("answer", e.answer() == null ? null : AttributeValue.fromM(Attrs.item()
                        .s("officer", e.answer().officer()).s("text", e.answer().text())
                        .time("at", e.answer().at()).build()))
                .put("closure", e.closure() == null ? null : AttributeValue.fromM(Attrs.item()
                        .s("officer", e.closure().officer()).s("reason", e.closure().reason())
                        .time("at", e.closure().at()).build()))
                .put("history", Attrs.list(e.history(), c -> Attrs.item()
                        .s("status", c.status()).s("by", c.by()).time("at", c.at()).s("note", c.note()).build()))
                .put("additions", e.additions().isEmpty() ? null : Attrs.list(e.additions(), DynamoEscalations::addition))
                .build();
    }

    private static Map<String, AttributeValue> addition(CaseAddition a) {
        Attrs.Builder b = Attrs.item().s("messageId", a.messageId()).time("at", a.at());
        return switch (a) {
            case CaseAddition.SharedLocation l -> b.s("kind", "location").put("latitude", Attrs.n(l.point().latitude()))
                    .put("longitude", Attrs.n(l.point().longitude())).s("placeName", l.placeName()).build();
            case CaseAddition.SharedContact c -> b.s("kind", "contact").s("name", c.name()).s("phone", c.phone())
                    .s("address", c.address()).build();
        };
    }

    private static CaseAddition addition(Attrs.Reader r) {
        return "location".equals(r.s("kind"))
                ? new CaseAddition.SharedLocation(r.s("messageId"), r.time("at"),
                        new Coordinates(r.d("latitude"), r.d("longitude")), r.s("placeName"))
                : new CaseAddition.SharedContact(r.s("messageId"), r.time("at"), r.s("name"), r.s("phone"), r.s("address"));
    }

    private static Escalation fromItem(Map<String, AttributeValue> item) {
        Attrs.Reader r = new Attrs.Reader(item);
        Attrs.Reader answer = r.map("answer");
        Attrs.Reader closure = r.map("closure");
        return new Escalation(r.s("id"), r.s("unit"),
                new ConversationKey(Channel.fromWireName(r.s("channel")).orElseThrow(), r.s("pageId"), r.s("userId")),
                r.s("citizenMessageId"), r.time("citizenMessageAt"), r.e("priority", Priority.class), r.s("reason"),
                r.e("intent", Intent.class), r.s("citizenText"), r.s("draftReply"),
                r.list("candidates", c -> new Candidate(c.s("id"), c.s("title"), c.d("score"))),
                r.e("status", EscalationStatus.class), r.time("createdAt"), r.s("holder"),
                answer == null ? null : new Escalation.OfficerAnswer(answer.s("officer"), answer.s("text"),
                        answer.time("at")),
                closure == null ? null : new Escalation.Closure(closure.s("officer"), closure.s("reason"),
                        closure.time("at")),
                r.list("history", c -> new Escalation.StatusChange(c.e("status", EscalationStatus.class), c.s("by"),
                        c.time("at"), c.s("note"))),
                r.list("additions", DynamoEscalations::addition));
    }
}
