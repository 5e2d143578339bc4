package vn.citizenqa.functions.dynamo;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import vn.citizenqa.core.model.Keys;
import vn.citizenqa.core.model.PaymentStatus;
import vn.citizenqa.core.model.PlateNumber;
import vn.citizenqa.core.model.VehicleType;
import vn.citizenqa.core.model.Violation;
import vn.citizenqa.core.violations.RecordedViolation;
import vn.citizenqa.core.violations.ViolationRecords;

/**
 * One item per violation under its plate's partition, so a look-up is one Query; a paid one carries the table's TTL
 * attribute and reads as absent once it has passed (DynamoDB deletes it some time after).
 */
final class DynamoViolationRecords implements ViolationRecords {

    private final TableCalls table;
    private final Supplier<Instant> now;

    DynamoViolationRecords(TableCalls table, Supplier<Instant> now) {
        this.table = table;
        this.now = now;
    }

    @Override
    public List<RecordedViolation> ofPlate(PlateNumber plate) {
        Instant at = now.get();
        return table.query(QueryRequest.builder()
                        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                        .expressionAttributeNames(Map.of("#pk", StoreTable.PK, "#sk", StoreTable.SK))
                        .expressionAttributeValues(Map.of(":pk", Attrs.s(StoreTable.platePk(plate)),
                                ":prefix", Attrs.s(StoreTable.VIOLATION_PREFIX)))
                        .consistentRead(true), Integer.MAX_VALUE)
                .stream().map(DynamoViolationRecords::fromItem).filter(v -> v.liveAt(at))
                .sorted(Comparator.comparing((RecordedViolation v) -> v.violation().time().toInstant())
                        .thenComparing(v -> v.violation().id()))
                .toList();
    }

    @Override
    public void save(RecordedViolation r) {
        Violation v = r.violation();
        Attrs.Builder item = Attrs.item()
                .s(StoreTable.PK, StoreTable.platePk(v.plate())).s(StoreTable.SK, StoreTable.VIOLATION_PREFIX + v.id())
                .s("unit", r.unit()).s("plate", v.plate().normalised()).s("vehicle", v.vehicle())
                .s("time", v.time().toString()).s("place", v.place()).s("violation", v.violation())
                .s("handledBy", v.handledBy()).s("status", v.status()).time("importedAt", r.importedAt());
        if (r.expiresAt() != null) {
            item.n(StoreTable.TTL_ATTRIBUTE, r.expiresAt().getEpochSecond());
        }
        table.put(item.build());
    }

    @Override
    public void recordImport(String unit, Instant at) {
        Keys.requireId(unit, "unit");
        table.put(Attrs.item().s(StoreTable.PK, StoreTable.VIOLATION_IMPORTS).s(StoreTable.SK, StoreTable.unitSk(unit))
                .s("unit", unit).time("at", at).build());
    }

    @Override
    public Optional<Instant> updatedAt() {
        return table.query(QueryRequest.builder()
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", StoreTable.PK))
                        .expressionAttributeValues(Map.of(":pk", Attrs.s(StoreTable.VIOLATION_IMPORTS))), Integer.MAX_VALUE)
                .stream().map(item -> new Attrs.Reader(item).time("at")).max(Comparator.naturalOrder());
    }

    private static RecordedViolation fromItem(Map<String, AttributeValue> item) {
        Attrs.Reader r = new Attrs.Reader(item);
        Violation v = new Violation(new PlateNumber(r.s("plate")), r.e("vehicle", VehicleType.class),
                OffsetDateTime.parse(r.s("time")), r.s("place"), r.s("violation"), r.s("handledBy"),
                r.e("status", PaymentStatus.class));
        return new RecordedViolation(r.s("unit"), v, r.time("importedAt"),
                item.containsKey(StoreTable.TTL_ATTRIBUTE) ? Instant.ofEpochSecond(r.n(StoreTable.TTL_ATTRIBUTE)) : null);
    }
}
