package vn.citizenqa.functions.watch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import vn.citizenqa.core.model.Priority;
import vn.citizenqa.core.store.Escalation;
import vn.citizenqa.core.store.EscalationStatus;
import vn.citizenqa.core.store.Store;

/**
 * How long the oldest OPEN URGENT escalation has waited, over every unit: the figure an operator is paged on when
 * emergencies sit unclaimed. Each unit's queue is ordered most urgent then oldest first, so one item per unit
 * tells: if a unit's first OPEN escalation is not URGENT, it has none.
 */
public final class UrgentBacklog {

    /** What one look found; {@code oldest} is null when no unit has an OPEN URGENT escalation. */
    public record Finding(int unitsLooked, List<String> unitsWithOpenUrgent, Escalation oldest, Duration oldestAge) {

        public Finding {
            unitsWithOpenUrgent = List.copyOf(unitsWithOpenUrgent);
        }

        public long oldestAgeSeconds() {
            return oldestAge == null ? 0 : Math.max(0, oldestAge.toSeconds());
        }
    }

    private final Store store;
    private final Clock clock;

    public UrgentBacklog(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Finding look() {
        Instant now = clock.instant();
        List<String> units = store.pages().units();
        Escalation oldest = null;
        List<String> withUrgent = new java.util.ArrayList<>();
        for (String unit : units) {
            List<Escalation> first = store.escalations().queue(unit, EscalationStatus.OPEN, null, 1).escalations();
            if (first.isEmpty() || first.getFirst().priority() != Priority.URGENT) {
                continue;
            }
            withUrgent.add(unit);
            Escalation e = first.getFirst();
            if (oldest == null || e.createdAt().isBefore(oldest.createdAt())) {
                oldest = e;
            }
        }
        return new Finding(units.size(), withUrgent, oldest, oldest == null ? null : Duration.between(oldest.createdAt(), now));
    }
}
