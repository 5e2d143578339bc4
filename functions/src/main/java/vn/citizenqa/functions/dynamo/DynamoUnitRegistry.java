package vn.citizenqa.functions.dynamo;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import vn.citizenqa.core.store.Unit;
import vn.citizenqa.core.store.UnitRegistry;

/** Unit records in one partition, so that every unit is one Query (there are hundreds, not millions). */
final class DynamoUnitRegistry implements UnitRegistry {

    private final TableCalls table;

    DynamoUnitRegistry(TableCalls table) {
        this.table = table;
    }

    @Override
    public Optional<Unit> find(String id) {
        return table.get(StoreTable.UNIT_RECORDS, StoreTable.unitSk(id)).map(DynamoUnitRegistry::fromItem);
    }

    @Override
    public List<Unit> all() {
        return table.query(QueryRequest.builder()
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", StoreTable.PK))
                        .expressionAttributeValues(Map.of(":pk", Attrs.s(StoreTable.UNIT_RECORDS))), Integer.MAX_VALUE)
                .stream().map(DynamoUnitRegistry::fromItem).sorted(Comparator.comparing(Unit::id)).toList();
    }

    @Override
    public void save(Unit u) {
        Attrs.Builder item = Attrs.item()
                .s(StoreTable.PK, StoreTable.UNIT_RECORDS).s(StoreTable.SK, StoreTable.unitSk(u.id()))
                .s("id", u.id()).s("displayName", u.displayName()).s("parent", u.parent())
                .put("traffic", AttributeValue.fromBool(u.traffic()));
        if (u.status() instanceof Unit.Status.MergedInto(String into, LocalDate on)) {
            item.s("mergedInto", into).s("mergedOn", on.toString());
        }
        table.put(item.build());
    }

    private static Unit fromItem(Map<String, AttributeValue> item) {
        Attrs.Reader r = new Attrs.Reader(item);
        AttributeValue traffic = item.get("traffic");
        Unit.Status status = r.s("mergedInto") == null ? new Unit.Status.Active()
                : new Unit.Status.MergedInto(r.s("mergedInto"), LocalDate.parse(r.s("mergedOn")));
        return new Unit(r.s("id"), r.s("displayName"), r.s("parent"), traffic != null && Boolean.TRUE.equals(traffic.bool()),
                status);
    }
}
