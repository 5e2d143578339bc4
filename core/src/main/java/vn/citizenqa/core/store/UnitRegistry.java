package vn.citizenqa.core.store;

import java.util.List;
import java.util.Optional;

/** The units as records: names for the console, and where a merged unit's work went. */
public interface UnitRegistry {

    Optional<Unit> find(String id);

    /** Every unit, active and merged, sorted by id (one read). */
    List<Unit> all();

    /** Adds or replaces the unit's record. */
    void save(Unit unit);
}
