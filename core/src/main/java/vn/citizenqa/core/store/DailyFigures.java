package vn.citizenqa.core.store;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One unit's figures for one day.
 *
 * @param firstResponseTimes for each escalation first answered that day, the time from its creation to that answer
 */
public record DailyFigures(String unit, LocalDate day, Map<Counter, Long> counts, List<Duration> firstResponseTimes) {

    public DailyFigures {
        EnumMap<Counter, Long> all = new EnumMap<>(Counter.class);
        for (Counter c : Counter.values()) {
            all.put(c, counts.getOrDefault(c, 0L));
        }
        counts = Map.copyOf(all);
        firstResponseTimes = firstResponseTimes.stream().sorted().toList();
    }

    public long count(Counter counter) {
        return counts.get(counter);
    }

    /** The median time to the first officer reply that day, if any escalation was first answered that day. */
    public Optional<Duration> medianFirstResponse() {
        int n = firstResponseTimes.size();
        if (n == 0) {
            return Optional.empty();
        }
        if (n % 2 == 1) {
            return Optional.of(firstResponseTimes.get(n / 2));
        }
        return Optional.of(firstResponseTimes.get(n / 2 - 1).plus(firstResponseTimes.get(n / 2)).dividedBy(2));
    }
}
