package vn.citizenqa.functions.dynamo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import vn.citizenqa.core.model.Keys;
import vn.citizenqa.core.store.Counter;
import vn.citizenqa.core.store.DailyCounters;
import vn.citizenqa.core.store.DailyFigures;
import vn.citizenqa.core.store.DailyRange;
import vn.citizenqa.core.store.StoreSettings;

/**
 * One item per unit and day whose counters grow by atomic ADD, and one small item per first officer response
 * (keyed by escalation, so recording it twice is harmless); a range of days is one Query.
 */
final class DynamoDailyCounters implements DailyCounters {

    private static final String RESPONSE_MILLIS = "responseMillis";

    private final TableCalls table;
    private final StoreSettings settings;

    DynamoDailyCounters(TableCalls table, StoreSettings settings) {
        this.table = table;
        this.settings = settings;
    }

    @Override
    public void count(String unit, Instant at, Counter... counters) {
        Keys.requireId(unit, "unit");
        Set<Counter> distinct = new LinkedHashSet<>(List.of(counters));
        if (distinct.isEmpty()) {
            return;
        }
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> adds = new ArrayList<>();
        for (Counter c : distinct) {
            names.put("#" + c.name(), c.name());
            values.put(":" + c.name(), Attrs.n(List.of(counters).stream().filter(c::equals).count()));
            adds.add("#" + c.name() + " :" + c.name());
        }
        LocalDate day = day(at);
        table.update(UpdateItemRequest.builder()
                .key(TableCalls.key(StoreTable.statsPk(unit), StoreTable.daySk(day)))
                .updateExpression("ADD " + String.join(", ", adds))
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
    }

    @Override
    public void recordFirstResponse(String unit, String escalationId, Instant answeredAt, Duration responseTime) {
        Keys.requireId(unit, "unit");
        Keys.requireId(escalationId, "escalationId");
        Objects.requireNonNull(responseTime, "responseTime");
        LocalDate day = day(answeredAt);
        table.putIf(Attrs.item()
                        .s(StoreTable.PK, StoreTable.statsPk(unit))
                        .s(StoreTable.SK, StoreTable.firstResponseSk(day, escalationId))
                        .s("escalationId", escalationId)
                        .n(RESPONSE_MILLIS, responseTime.toMillis())
                        .build(),
                "attribute_not_exists(#pk)", Map.of("#pk", StoreTable.PK), Map.of());
    }

    @Override
    public List<DailyFigures> figures(String unit, LocalDate from, LocalDate to) {
        List<LocalDate> days = DailyRange.days(from, to);
        List<Map<String, AttributeValue>> items = table.query(QueryRequest.builder()
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#pk", StoreTable.PK, "#sk", StoreTable.SK))
                .expressionAttributeValues(Map.of(":pk", Attrs.s(StoreTable.statsPk(unit)),
                        ":from", Attrs.s(StoreTable.daySk(from)),
                        // '~' sorts after '#', so the last day's first-response items are included.
                        ":to", Attrs.s(StoreTable.daySk(to) + "~"))), Integer.MAX_VALUE);
        Map<LocalDate, Map<Counter, Long>> counts = new HashMap<>();
        Map<LocalDate, List<Duration>> responses = new HashMap<>();
        for (Map<String, AttributeValue> item : items) {
            Attrs.Reader r = new Attrs.Reader(item);
            String sk = r.s(StoreTable.SK);
            LocalDate day = LocalDate.parse(sk.substring(StoreTable.DAY_PREFIX.length(),
                    StoreTable.DAY_PREFIX.length() + 10));
            if (item.containsKey(RESPONSE_MILLIS)) {
                responses.computeIfAbsent(day, d -> new ArrayList<>()).add(Duration.ofMillis(r.n(RESPONSE_MILLIS)));
            } else {
                Map<Counter, Long> dayCounts = new EnumMap<>(Counter.class);
                for (Counter c : Counter.values()) {
                    dayCounts.put(c, r.n(c.name()));
                }
                counts.put(day, dayCounts);
            }
        }
        return days.stream().map(d -> new DailyFigures(unit, d, counts.getOrDefault(d, Map.of()),
                responses.getOrDefault(d, List.of()))).toList();
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, settings.countingZone());
    }
}
