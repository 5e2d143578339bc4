package vn.citizenqa.core.model;

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
}
