package vn.citizenqa.functions.dynamo;

import java.time.Instant;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.store.MessageRates;

/**
 * One small item per citizen and minute, grown by one conditional ADD that refuses once the count is at the cap:
 * every container counts on the same item, and a flood leaves it at the cap. It expires (TTL) ten minutes after
 * its minute.
 */
final class DynamoMessageRates implements MessageRates {

    private static final String COUNT = "messages";

    private final TableCalls table;

    DynamoMessageRates(TableCalls table) {
        this.table = table;
    }

    @Override
    public long count(ConversationKey citizen, Instant at, long cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be at least 1: " + cap);
        }
        Instant minute = MessageRates.minuteOf(at);
        return table.updateIf(UpdateItemRequest.builder()
                        .key(TableCalls.key(StoreTable.ratePk(citizen), StoreTable.minuteSk(minute)))
                        .updateExpression("ADD #n :one SET #exp = :exp")
                        .conditionExpression("attribute_not_exists(#n) OR #n < :cap")
                        .expressionAttributeNames(Map.of("#n", COUNT, "#exp", StoreTable.TTL_ATTRIBUTE))
                        .expressionAttributeValues(Map.of(":one", Attrs.n(1), ":cap", Attrs.n(cap),
                                ":exp", Attrs.n(minute.plusSeconds(60).plus(KEPT_AFTER).getEpochSecond()))))
                .map(item -> new Attrs.Reader(item).n(COUNT))
                .orElse(cap + 1);
    }
}
