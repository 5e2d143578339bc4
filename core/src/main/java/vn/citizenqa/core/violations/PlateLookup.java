package vn.citizenqa.core.violations;

import java.time.Instant;
import java.util.List;

/** What the violation records say about one plate: the decision a reply is then worded from. */
public sealed interface PlateLookup {

    PlateNumber plate();

    /** When the data was last imported, or null when no list was ever imported. */
    Instant dataAsOf();

    /** Records exist: those still to be resolved (oldest first) and how many are already paid. */
    record Found(PlateNumber plate, List<Violation> unresolved, int paid, Instant dataAsOf) implements PlateLookup {
        public Found {
            unresolved = List.copyOf(unresolved);
        }
    }

    /** Nothing recorded for the plate in this data. */
    record NoRecord(PlateNumber plate, Instant dataAsOf) implements PlateLookup {
    }

    /** Looks the plate up in one read of its records and one of the data's date. */
    static PlateLookup of(PlateNumber plate, vn.citizenqa.core.store.ViolationRecords records) {
        List<Violation> all = records.ofPlate(plate).stream().map(vn.citizenqa.core.store.RecordedViolation::violation)
                .toList();
        Instant asOf = records.updatedAt().orElse(null);
        if (all.isEmpty()) {
            return new NoRecord(plate, asOf);
        }
        List<Violation> unresolved = all.stream().filter(v -> !v.isPaid()).toList();
        return new Found(plate, unresolved, all.size() - unresolved.size(), asOf);
    }
}
