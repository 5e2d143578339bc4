package vn.citizenqa.core.officer;

import java.util.EnumMap;
import java.util.List;

import vn.citizenqa.core.store.Counter;
import vn.citizenqa.core.store.DailyFigures;

/** One unit's figures for each day of a range. */
public record UnitStats(String unit, List<DailyFigures> days) {

    public UnitStats {
        days = List.copyOf(days);
    }

    /** The whole range as one figure (its day is null); the median is over every first reply of the range. */
    public DailyFigures total() {
        return sum(unit, days);
    }

    /** Days' figures as one (its day is null): the sums, and every first reply's time. */
    static DailyFigures sum(String unit, List<DailyFigures> days) {
        EnumMap<Counter, Long> sums = new EnumMap<>(Counter.class);
        for (DailyFigures d : days) {
            for (Counter c : Counter.values()) {
                sums.merge(c, d.count(c), Long::sum);
            }
        }
        return new DailyFigures(unit, null, sums,
                days.stream().flatMap(d -> d.firstResponseTimes().stream()).toList());
    }
}
