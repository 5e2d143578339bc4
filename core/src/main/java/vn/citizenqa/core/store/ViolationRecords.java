package vn.citizenqa.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import vn.citizenqa.core.violations.PlateNumber;

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
}
