package vn.citizenqa.functions.dynamo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import vn.citizenqa.core.channel.OutboundReply;
import vn.citizenqa.core.channel.ReplyOption;
import vn.citizenqa.core.model.Action;
import vn.citizenqa.core.model.EscalationKind;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.store.ClaimRules;
import vn.citizenqa.core.store.MessageClaim;
import vn.citizenqa.core.store.MessageKey;
import vn.citizenqa.core.store.MessageState;
import vn.citizenqa.core.store.ReplyDraft;
import vn.citizenqa.core.store.RuleBasedMessageClaims;
import vn.citizenqa.core.store.StoreSettings;
import vn.citizenqa.functions.aws.DynamoDbBatchGetOverHttp;

/**
 * Message claims as single items: the shared {@link ClaimRules} decide each step, this class maps the claim to an item
 * and writes it on condition: a new claim where none lives, a change only while the stored version is the one read.
 * The lease ({@code leaseUntil}, epoch milliseconds) is a number so that it reads back exactly.
 */
final class DynamoMessageClaims extends RuleBasedMessageClaims {

    private final TableCalls table;

    DynamoMessageClaims(TableCalls table, StoreSettings settings, Supplier<Instant> now) {
        super(new ClaimRules(settings), now);
        this.table = table;
    }

    @Override
    protected Optional<MessageClaim> read(MessageKey key) {
        return table.get(StoreTable.claimPk(key), StoreTable.CLAIM).map(item -> fromItem(key, item));
    }

    @Override
    protected boolean createIfNoneLives(MessageClaim fresh, Instant at) {
        // An expired claim may linger until DynamoDB's TTL deletes it: it counts as none.
        return table.putIf(toItem(fresh), "attribute_not_exists(#pk) OR #exp <= :now",
                Map.of("#pk", StoreTable.PK, "#exp", StoreTable.TTL_ATTRIBUTE),
                Map.of(":now", Attrs.n(at.getEpochSecond())));
    }

    @Override
    protected boolean replace(MessageClaim read, MessageClaim next) {
        if (read.version() == 0) {
            // A claim written before claims had versions reads as version 0 and has no attribute to compare.
            return table.putIf(toItem(next), "attribute_exists(#pk) AND attribute_not_exists(#v)",
                    Map.of("#pk", StoreTable.PK, "#v", "version"), Map.of());
        }
        return table.putIf(toItem(next), "#v = :v", Map.of("#v", "version"), Map.of(":v", Attrs.n(read.version())));
    }

    /** One BatchGetItem per 100 keys, rather than a read each. */
    @Override
    public Map<MessageKey, MessageClaim> findAll(Collection<MessageKey> keys) {
        Instant t = now();
        Map<String, MessageKey> byPk = new HashMap<>();
        List<Map<String, AttributeValue>> wanted = new ArrayList<>();
        for (MessageKey k : new LinkedHashSet<>(keys)) {
            byPk.put(StoreTable.claimPk(k), k);
            wanted.add(TableCalls.key(StoreTable.claimPk(k), StoreTable.CLAIM));
        }
        Map<MessageKey, MessageClaim> found = new HashMap<>();
        for (Map<String, AttributeValue> item : table.getAll(wanted)) {
            MessageKey k = byPk.get(item.get(StoreTable.PK).s());
            MessageClaim c = fromItem(k, item);
            if (rules.live(c, t)) {
                found.put(k, c);
            }
        }
        return found;
    }

    /**
     * Only each claim's key, state and expiry are read (the draft, the bulk of a claim, is not), and over the HTTP
     * client without the SDK's model classes: this is the webhook's one store call.
     */
    @Override
    public Set<MessageKey> answered(Collection<MessageKey> keys) {
        Instant t = now();
        Map<String, MessageKey> byPk = new HashMap<>();
        List<DynamoDbBatchGetOverHttp.Key> wanted = new ArrayList<>();
        for (MessageKey k : new LinkedHashSet<>(keys)) {
            byPk.put(StoreTable.claimPk(k), k);
            wanted.add(new DynamoDbBatchGetOverHttp.Key(StoreTable.claimPk(k), StoreTable.CLAIM));
        }
        Set<MessageKey> answered = new HashSet<>();
        for (Map<String, String> item : table.getAllScalars(wanted, List.of(StoreTable.PK, "state", StoreTable.TTL_ATTRIBUTE))) {
            MessageKey k = byPk.get(item.get(StoreTable.PK));
            String expires = item.get(StoreTable.TTL_ATTRIBUTE);
            // Live as ClaimRules.live reads it: the claim's expiry (epoch seconds) after now.
            if (k != null && MessageState.SENT.name().equals(item.get("state")) && expires != null
                    && Instant.ofEpochSecond(Long.parseLong(expires)).isAfter(t)) {
                answered.add(k);
            }
        }
        return answered;
    }

    private static Map<String, AttributeValue> toItem(MessageClaim c) {
        return Attrs.item()
                .s(StoreTable.PK, StoreTable.claimPk(c.key())).s(StoreTable.SK, StoreTable.CLAIM)
                .s("channel", c.key().channel().wireName()).s("messageId", c.key().messageId())
                .s("state", c.state()).s("owner", c.owner())
                .n("leaseUntil", c.leaseUntil().toEpochMilli()).n("version", c.version())
                .time("claimedAt", c.claimedAt()).time("updatedAt", c.updatedAt())
                .put("draft", c.draft() == null ? null : AttributeValue.fromM(draftItem(c.draft())))
                .s("platformMessageId", c.platformMessageId())
                .n(StoreTable.TTL_ATTRIBUTE, c.expiresAt().getEpochSecond())
                .build();
    }

    private static MessageClaim fromItem(MessageKey key, Map<String, AttributeValue> item) {
        Attrs.Reader r = new Attrs.Reader(item);
        Attrs.Reader d = r.map("draft");
        ReplyDraft draft = d == null ? null : draft(d);
        return new MessageClaim(key, r.e("state", MessageState.class), r.s("owner"),
                Instant.ofEpochMilli(r.n("leaseUntil")), r.time("claimedAt"), r.time("updatedAt"), draft,
                r.s("platformMessageId"), Instant.ofEpochSecond(r.n(StoreTable.TTL_ATTRIBUTE)), r.n("version"));
    }

    /** A withheld draft has no reply; a draft to send has its text and options as drafted. */
    private static Map<String, AttributeValue> draftItem(ReplyDraft draft) {
        return switch (draft) {
            case ReplyDraft.Withheld w -> Attrs.item().s("intent", w.intent()).put("withheld", AttributeValue.fromBool(true))
                    .s("escalationKind", w.escalation() == null ? null : w.escalation().code())
                    .s("escalationDetail", w.escalation() == null ? null : w.escalation().detail())
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
        String kind = d.s("escalationKind");
        if (d.bool("withheld")) {
            return new ReplyDraft.Withheld(intent, kind == null ? null : EscalationKind.restore(kind, d.s("escalationDetail")));
        }
        return new ReplyDraft.Send(intent, d.e("action", Action.class),
                new OutboundReply(d.s("reply"), d.list("options", o -> new ReplyOption(o.s("title"), o.s("payload")))),
                d.s("procedureId"), d.strings("candidateIds"),
                kind == null ? null : EscalationKind.restore(kind, d.s("escalationDetail")), d.bool("choice"));
    }
}
