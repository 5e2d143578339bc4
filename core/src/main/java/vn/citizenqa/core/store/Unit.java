package vn.citizenqa.core.store;

import java.time.LocalDate;
import java.util.Objects;

import vn.citizenqa.core.model.Keys;

/**
 * A police unit whose pages citizen-qa answers on: its stable id (what pages, escalations, counters and officers'
 * accounts name), the name officers and citizens read, the province it belongs to, and whether it still exists.
 *
 * @param parent  the province (or city) the unit belongs to, or null
 * @param traffic whether it handles traffic violations (its officers may import camera-recorded violations)
 */
public record Unit(String id, String displayName, String parent, boolean traffic, Status status) {

    public Unit {
        Keys.requireId(id, "id");
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("a unit has a name");
        }
        displayName = displayName.strip();
        parent = parent == null || parent.isBlank() ? null : parent.strip();
        Objects.requireNonNull(status, "status");
    }

    /** Whether a unit exists or was merged into another. */
    public sealed interface Status {
        record Active() implements Status {
        }

        /** Since {@code on}, {@code unit} serves what this unit served. */
        record MergedInto(String unit, LocalDate on) implements Status {
            public MergedInto {
                Keys.requireId(unit, "unit");
                Objects.requireNonNull(on, "on");
            }
        }
    }

    public static Unit active(String id, String displayName, String parent, boolean traffic) {
        return new Unit(id, displayName, parent, traffic, new Status.Active());
    }

    public boolean isActive() {
        return status instanceof Status.Active;
    }

    public Unit withName(String name) {
        return new Unit(id, name, parent, traffic, status);
    }

    public Unit mergedInto(String unit, LocalDate on) {
        return new Unit(id, displayName, parent, traffic, new Status.MergedInto(unit, on));
    }
}
