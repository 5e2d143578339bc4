package vn.citizenqa.core.violations;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import vn.citizenqa.core.model.PlateLookup;
import vn.citizenqa.core.model.PlateNumber;
import vn.citizenqa.core.model.Violation;

/** Camera-recorded violations by plate, as traffic units import them; one item per violation. */
public interface ViolationRecords {

    /** The plate's records not yet expired, oldest violation first (one read). */
    List<RecordedViolation> ofPlate(PlateNumber plate);

    /** Adds the violation, or replaces the one with its plate and id. */
    void save(RecordedViolation violation);

    /** Notes that the unit's list was imported at {@code at}. */
    void recordImport(String unit, Instant at);

    /** When the latest list was imported, by any unit: the date the data is as of. */
    Optional<Instant> updatedAt();

    /** What the records say about the plate: one read of its records and one of the data's date. */
    default PlateLookup lookUp(PlateNumber plate) {
        List<Violation> all = ofPlate(plate).stream().map(RecordedViolation::violation).toList();
        Instant asOf = updatedAt().orElse(null);
        if (all.isEmpty()) {
            return new PlateLookup.NoRecord(plate, asOf);
        }
        List<Violation> unresolved = all.stream().filter(v -> !v.isPaid()).toList();
        return new PlateLookup.Found(plate, unresolved, all.size() - unresolved.size(), asOf);
    }
}
