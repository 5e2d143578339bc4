package vn.citizenqa.core.officer;

import java.time.LocalDate;
import java.util.List;

/** Per unit and day, the figures a unit reports upward. */
public record StatsView(LocalDate from, LocalDate to, List<UnitStats> units) {

    public StatsView {
        units = List.copyOf(units);
    }
}
