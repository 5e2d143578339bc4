package vn.citizenqa.functions.dynamo;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import vn.citizenqa.core.channel.OutboundReply;
import vn.citizenqa.core.channel.ReplyOption;
import vn.citizenqa.core.model.Action;
import vn.citizenqa.core.model.EscalationKind;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.store.ClaimResult;
import vn.citizenqa.core.store.ClaimUpdate;
import vn.citizenqa.core.store.MessageClaim;
import vn.citizenqa.core.store.MessageClaims;
import vn.citizenqa.core.store.MessageKey;
import vn.citizenqa.core.store.MessageState;
import vn.citizenqa.core.store.RandomIds;
import vn.citizenqa.core.store.ReplyDraft;
import vn.citizenqa.core.store.StoreSettings;
import vn.citizenqa.core.store.StoreUnavailableException;

/**
 * Message claims as single items, each transition one conditional write on state, owner and expiry. The lease
 * ({@code leaseUntil}, epoch milliseconds) is a number so that conditions can compare it.
 */
final class DynamoMessageClaims implements MessageClaims {

    /** Enough for any real race: each round means another delivery changed the claim in between. */
    private static final int MAX_ROUNDS = 8;

    private final TableCalls table;
    private final StoreSettings settings;
    private final Supplier<Instant> now;

    DynamoMessageClaims(TableCalls table, StoreSettings settings, Supplier<Instant> now) {
        this.table = table;
        this.settings = settings;
        this.now = now;
    }

    @Override
    public ClaimResult claim(MessageKey key) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Instant t = now.get();
            MessageClaim fresh = new MessageClaim(key, MessageState.RECEIVED, newOwner(),
                    t.plus(settings.claimLease()), t, t, null, null, settings.claimExpiry(t));
            // New unless a live claim exists (an expired one may linger until DynamoDB's TTL deletes it).
            if (table.putIf(toItem(fresh), "attribute_not_exists(#pk) OR #exp <= :now",
                    Map.of("#pk", StoreTable.PK, "#exp", StoreTable.TTL_ATTRIBUTE),
                    Map.of(":now", Attrs.n(t.getEpochSecond())))) {
                return new ClaimResult.New(fresh);
            }
            Optional<MessageClaim> seen = find(key);
            if (seen.isEmpty()) {
                continue;
            }
            MessageClaim cur = seen.get();
            if (cur.state() == MessageState.SENT) {
                return new ClaimResult.AlreadySent(cur);
            }
            if (cur.leaseUntil().isAfter(t)) {
                return new ClaimResult.InProgress(cur);
            }
            Optional<MessageClaim> taken = table.updateIf(UpdateItemRequest.builder()
                    .key(TableCalls.key(StoreTable.claimPk(key), StoreTable.CLAIM))
                    .updateExpression("SET #owner = :new, #lease = :lease, #updated = :t")
                    .conditionExpression("#owner = :old AND #state <> :sent AND #lease <= :nowMs AND #exp > :now")
                    .expressionAttributeNames(Map.of("#owner", "owner", "#lease", "leaseUntil", "#updated", "updatedAt",
                            "#state", "state", "#exp", StoreTable.TTL_ATTRIBUTE))
                    .expressionAttributeValues(Map.of(":new", Attrs.s(newOwner()),
                            ":lease", Attrs.n(t.plus(settings.claimLease()).toEpochMilli()), ":t", Attrs.s(t.toString()),
                            ":old", Attrs.s(cur.owner()), ":sent", Attrs.s(MessageState.SENT.name()),
                            ":nowMs", Attrs.n(t.toEpochMilli()), ":now", Attrs.n(t.getEpochSecond()))))
                    .map(item -> fromItem(key, item));
            if (taken.isPresent()) {
                return new ClaimResult.Resumed(taken.get());
            }
        }
        throw new StoreUnavailableException("message " + key + " kept changing while being claimed", null);
    }

    @Override
    public ClaimUpdate markDecided(MessageKey key, String owner, ReplyDraft draft) {
        Instant t = now.get();
        return transition(key, owner, MessageState.RECEIVED, t,
                "SET #state = :next, #draft = :draft, #lease = :lease, #updated = :t",
                Map.of("#draft", "draft", "#lease", "leaseUntil"),
                Map.of(":next", Attrs.s(MessageState.DECIDED.name()), ":draft", AttributeValue.fromM(draftItem(draft)),
                        ":lease", Attrs.n(t.plus(settings.claimLease()).toEpochMilli())));
    }

    @Override
    public ClaimUpdate markSent(MessageKey key, String owner, String platformMessageId) {
        return transition(key, owner, MessageState.DECIDED, now.get(),
                "SET #state = :next, #reply = :reply, #updated = :t", Map.of("#reply", "platformMessageId"),
                Map.of(":next", Attrs.s(MessageState.SENT.name()), ":reply", Attrs.s(platformMessageId)));
    }

    @Override
    public ClaimUpdate release(MessageKey key, String owner) {
        Instant t = now.get();
        return transition(key, owner, null, t, "SET #lease = :lease, #updated = :t", Map.of("#lease", "leaseUntil"),
                Map.of(":lease", Attrs.n(t.toEpochMilli())));
    }

    /** One conditional update: live, held by {@code owner}, not SENT, and in {@code expected} when given. */
    private ClaimUpdate transition(MessageKey key, String owner, MessageState expected, Instant t, String update,
                                   Map<String, String> names, Map<String, AttributeValue> values) {
        var allNames = new HashMap<>(names);
        allNames.putAll(Map.of("#state", "state", "#owner", "owner", "#updated", "updatedAt",
                "#exp", StoreTable.TTL_ATTRIBUTE));
        var allValues = new HashMap<>(values);
        allValues.putAll(Map.of(":owner", Attrs.s(owner), ":sent", Attrs.s(MessageState.SENT.name()),
                ":t", Attrs.s(t.toString()), ":now", Attrs.n(t.getEpochSecond())));
        String condition = "#owner = :owner AND #state <> :sent AND #exp > :now";
        if (expected != null) {
            condition += " AND #state = :expected";
            allValues.put(":expected", Attrs.s(expected.name()));
        }
        Optional<Map<String, AttributeValue>> updated = table.updateIf(UpdateItemRequest.builder()
                .key(TableCalls.key(StoreTable.claimPk(key), StoreTable.CLAIM))
                .updateExpression(update).conditionExpression(condition)
                .expressionAttributeNames(allNames).expressionAttributeValues(allValues));
        return updated.<ClaimUpdate>map(item -> new ClaimUpdate.Applied(fromItem(key, item)))
                .orElseGet(() -> new ClaimUpdate.Refused(find(key).orElse(null)));
    }

    @Override
    public Optional<MessageClaim> find(MessageKey key) {
        Instant t = now.get();
        return table.get(StoreTable.claimPk(key), StoreTable.CLAIM).map(item -> fromItem(key, item))
                .filter(c -> c.expiresAt().isAfter(t));
    }

    private static String newOwner() {
        return RandomIds.newId();
    }

    private static Map<String, AttributeValue> toItem(MessageClaim c) {
        return Attrs.item()
                .s(StoreTable.PK, StoreTable.claimPk(c.key())).s(StoreTable.SK, StoreTable.CLAIM)
                .s("channel", c.key().channel().wireName()).s("messageId", c.key().messageId())
                .s("state", c.state()).s("owner", c.owner())
                .n("leaseUntil", c.leaseUntil().toEpochMilli())
                .time("claimedAt", c.claimedAt()).time("updatedAt", c.updatedAt())
                .n(StoreTable.TTL_ATTRIBUTE, c.expiresAt().getEpochSecond())
                .build();
    }

    private static MessageClaim fromItem(MessageKey key, Map<String, AttributeValue> item) {
        Attrs.Reader r = new Attrs.Reader(item);
        Attrs.Reader d = r.map("draft");
        ReplyDraft draft = d == null ? null : draft(d);
        return new MessageClaim(key, r.e("state", MessageState.class), r.s("owner"),
                Instant.ofEpochMilli(r.n("leaseUntil")), r.time("claimedAt"), r.time("updatedAt"), draft,
                r.s("platformMessageId"), Instant.ofEpochSecond(r.n(StoreTable.TTL_ATTRIBUTE)));
    }

    /** A withheld draft has no reply; a draft to send has its text and options as drafted. */
    private static Map<String, AttributeValue> draftItem(ReplyDraft draft) {
        return switch (draft) {
            case ReplyDraft.Withheld w -> Attrs.item().s("intent", w.intent()).put("withheld", AttributeValue.fromBool(true))
                    .build();
            case ReplyDraft.Send d -> Attrs.item().s("intent", d.intent()).s("action", d.action()).s("reply", d.text())
                    .put("options", Attrs.list(d.reply().options(), o -> Attrs.item()
                            .s("title", o.title()).s("payload", o.payload()).build()))
                    .s("procedureId", d.procedureId()).put("candidateIds", Attrs.strings(d.candidateIds()))
                    .s("escalationKind", d.escalation() == null ? null : d.escalation().code())
                    .s("escalationDetail", d.escalation() == null ? null : d.escalation().detail())
                    .put("choice", AttributeValue.fromBool(d.choice()))
                    .build();
        };
    }

    private static ReplyDraft draft(Attrs.Reader d) {
        Intent intent = d.e("intent", Intent.class);
        if (d.bool("withheld")) {
            return new ReplyDraft.Withheld(intent);
        }
        String kind = d.s("escalationKind");
        return new ReplyDraft.Send(intent, d.e("action", Action.class),
                new OutboundReply(d.s("reply"), d.list("options", o -> new ReplyOption(o.s("title"), o.s("payload")))),
                d.s("procedureId"), d.strings("candidateIds"),
                kind == null ? null : EscalationKind.restore(kind, d.s("escalationDetail")), d.bool("choice"));
    }
}
