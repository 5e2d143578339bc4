package vn.citizenqa.core.violations;

import java.time.Instant;
import java.util.Objects;

import vn.citizenqa.core.model.Keys;
import vn.citizenqa.core.model.Violation;

/**
 * A violation as stored: which unit's list it came from, when it was last written, and when it expires (a paid one,
 * some time after it was first seen paid; null while unpaid).
 */
public record RecordedViolation(String unit, Violation violation, Instant importedAt, Instant expiresAt) {

    public RecordedViolation {
        Keys.requireId(unit, "unit");
        Objects.requireNonNull(violation, "violation");
        Objects.requireNonNull(importedAt, "importedAt");
    }

    public boolean liveAt(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }
}
