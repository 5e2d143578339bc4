package vn.citizenqa.core.officer;

import java.util.Objects;

/**
 * The person calling the officer API, as the token says.
 *
 * @param id   the token's subject; recorded as who made each change
 * @param unit the officer's unit, or null (only a supervisor may have none)
 */
public record Officer(String id, String unit, Role role) {

    public Officer {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an officer has an id");
        }
        Objects.requireNonNull(role, "role");
        if (role == Role.OFFICER && (unit == null || unit.isBlank())) {
            throw new IllegalArgumentException("an officer belongs to a unit");
        }
        unit = unit == null || unit.isBlank() ? null : unit;
    }

    public boolean isSupervisor() {
        return role == Role.SUPERVISOR;
    }

    /** Whether this officer sees and acts on the unit's escalations. */
    public boolean serves(String otherUnit) {
        return isSupervisor() || unit.equals(otherUnit);
    }
}
