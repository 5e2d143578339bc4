package vn.citizenqa.core.officer;

import java.time.LocalDate;
import java.util.List;

/** Per unit and day, the figures a unit reports upward. */
public record StatsView(LocalDate from, LocalDate to, List<UnitStats> units) {

    public StatsView {
        units = List.copyOf(units);
    }

    /**
     * Every unit's range as one figure: the sums, and the median over all the units' first replies (not a median of
     * the units' medians).
     */
    public vn.citizenqa.core.store.DailyFigures total() {
        return UnitStats.sum(null, units.stream().flatMap(u -> u.days().stream()).toList());
    }
}
