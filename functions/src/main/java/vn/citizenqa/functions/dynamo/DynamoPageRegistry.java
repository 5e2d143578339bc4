package vn.citizenqa.functions.dynamo;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.store.PageRegistration;
import vn.citizenqa.core.store.PageRegistry;
import vn.citizenqa.core.store.TokenUpdate;

/** Page registrations; refreshed tokens are written only over the refresh token that was used. */
final class DynamoPageRegistry implements PageRegistry {

    private final TableCalls table;

    DynamoPageRegistry(TableCalls table) {
        this.table = table;
    }

    @Override
    public Optional<PageRegistration> find(Channel channel, String pageId) {
        return table.get(StoreTable.pagePk(channel, pageId), StoreTable.PAGE).map(item -> {
            Attrs.Reader r = new Attrs.Reader(item);
            return new PageRegistration(channel, pageId, r.s("unit"), r.s("displayName"), r.s("accessToken"),
                    r.s("refreshToken"), r.time("tokenExpiresAt"));
        });
    }

    /**
     * The units with a page: one membership item per page, written with the page (and the old one removed when a
     * page moves to another unit).
     */
    @Override
    public List<String> units() {
        return table.query(QueryRequest.builder()
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", StoreTable.PK))
                        .expressionAttributeValues(Map.of(":pk", Attrs.s(StoreTable.UNITS))), Integer.MAX_VALUE)
                .stream().map(item -> new Attrs.Reader(item).s("unit")).distinct().sorted().toList();
    }

    @Override
    public List<PageRegistration> ofUnit(String unit) {
        String prefix = StoreTable.unitPagesPrefix(unit);
        return table.query(QueryRequest.builder()
                        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                        .expressionAttributeNames(Map.of("#pk", StoreTable.PK, "#sk", StoreTable.SK))
                        .expressionAttributeValues(Map.of(":pk", Attrs.s(StoreTable.UNITS), ":prefix", Attrs.s(prefix))),
                        Integer.MAX_VALUE)
                .stream().map(item -> new Attrs.Reader(item).s(StoreTable.SK).substring(prefix.length()))
                .map(page -> page.split("#", 2))
                .flatMap(parts -> Channel.fromWireName(parts[0]).flatMap(c -> find(c, parts[1])).stream())
                .filter(p -> p.unit().equals(unit))
                .sorted(java.util.Comparator.comparing((PageRegistration p) -> p.channel().wireName())
                        .thenComparing(PageRegistration::pageId))
                .toList();
    }

    @Override
    public void register(PageRegistration p) {
        Optional<PageRegistration> before = find(p.channel(), p.pageId());
        table.put(Attrs.item()
                .s(StoreTable.PK, StoreTable.UNITS)
                .s(StoreTable.SK, StoreTable.unitMemberSk(p.unit(), p.channel(), p.pageId()))
                .s("unit", p.unit())
                .build());
        before.filter(old -> !old.unit().equals(p.unit())).ifPresent(old -> table.delete(StoreTable.UNITS,
                StoreTable.unitMemberSk(old.unit(), old.channel(), old.pageId())));
        table.put(Attrs.item()
                .s(StoreTable.PK, StoreTable.pagePk(p.channel(), p.pageId())).s(StoreTable.SK, StoreTable.PAGE)
                .s("channel", p.channel().wireName()).s("pageId", p.pageId())
                .s("unit", p.unit()).s("displayName", p.displayName())
                .s("accessToken", p.accessToken()).s("refreshToken", p.refreshToken())
                .time("tokenExpiresAt", p.tokenExpiresAt())
                .build());
    }

    @Override
    public TokenUpdate replaceTokens(Channel channel, String pageId, String usedRefreshToken, String accessToken,
                                     String refreshToken, Instant accessTokenExpiresAt) {
        Objects.requireNonNull(accessToken, "accessToken");
        Map<String, String> names = new HashMap<>(Map.of("#pk", StoreTable.PK, "#access", "accessToken",
                "#refresh", "refreshToken", "#expiry", "tokenExpiresAt"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":access", Attrs.s(accessToken)));
        StringBuilder set = new StringBuilder("SET #access = :access");
        StringBuilder remove = new StringBuilder();
        if (refreshToken != null) {
            set.append(", #refresh = :refresh");
            values.put(":refresh", Attrs.s(refreshToken));
        } else {
            remove.append("#refresh");
        }
        if (accessTokenExpiresAt != null) {
            set.append(", #expiry = :expiry");
            values.put(":expiry", Attrs.s(accessTokenExpiresAt.toString()));
        } else {
            remove.append(remove.isEmpty() ? "" : ", ").append("#expiry");
        }
        String condition;
        if (usedRefreshToken != null) {
            condition = "attribute_exists(#pk) AND #refresh = :used";
            values.put(":used", Attrs.s(usedRefreshToken));
        } else {
            condition = "attribute_exists(#pk) AND attribute_not_exists(#refresh)";
        }
        String update = set + (remove.isEmpty() ? "" : " REMOVE " + remove);
        Optional<Map<String, AttributeValue>> updated = table.updateIf(UpdateItemRequest.builder()
                .key(TableCalls.key(StoreTable.pagePk(channel, pageId), StoreTable.PAGE))
                .updateExpression(update).conditionExpression(condition)
                .expressionAttributeNames(names).expressionAttributeValues(values));
        if (updated.isPresent()) {
            return new TokenUpdate.Replaced(find(channel, pageId).orElseThrow());
        }
        return find(channel, pageId).<TokenUpdate>map(TokenUpdate.Stale::new).orElseGet(TokenUpdate.UnknownPage::new);
    }
}
