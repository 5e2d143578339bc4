package vn.citizenqa.core.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import vn.citizenqa.core.model.Keys;

/** Each unit's daily counters in memory, days taken in the counting zone. */
final class InProcessCounters implements DailyCounters {

    private record UnitDay(String unit, LocalDate day) {
    }

    private final ZoneId countingZone;
    private final ConcurrentHashMap<UnitDay, Map<Counter, Long>> counts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UnitDay, Map<String, Duration>> firstResponses = new ConcurrentHashMap<>();

    InProcessCounters(ZoneId countingZone) {
        this.countingZone = countingZone;
    }

    @Override
    public void count(String unit, Instant at, Counter... counters) {
        Keys.requireId(unit, "unit");
        counts.compute(new UnitDay(unit, day(at)), (k, cur) -> {
            Map<Counter, Long> next = cur == null ? new EnumMap<>(Counter.class) : new EnumMap<>(cur);
            for (Counter c : counters) {
                next.merge(c, 1L, Long::sum);
            }
            return next;
        });
    }

    @Override
    public void recordFirstResponse(String unit, String escalationId, Instant answeredAt, Duration responseTime) {
        Keys.requireId(unit, "unit");
        Keys.requireId(escalationId, "escalationId");
        Objects.requireNonNull(responseTime, "responseTime");
        firstResponses.computeIfAbsent(new UnitDay(unit, day(answeredAt)), k -> new ConcurrentHashMap<>())
                .putIfAbsent(escalationId, responseTime.truncatedTo(ChronoUnit.MILLIS));
    }

    @Override
    public List<DailyFigures> figures(String unit, LocalDate from, LocalDate to) {
        List<LocalDate> days = DailyRange.days(from, to);
        return days.stream().map(d -> {
            UnitDay key = new UnitDay(unit, d);
            return new DailyFigures(unit, d, counts.getOrDefault(key, Map.of()),
                    List.copyOf(firstResponses.getOrDefault(key, Map.of()).values()));
        }).toList();
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, countingZone);
    }
}
