package vn.citizenqa.core.violations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import vn.citizenqa.core.model.Keys;
import vn.citizenqa.core.model.Violation;

/**
 * Writes a unit's read violation list into the store: a violation not stored yet is added, one whose details or
 * status changed is replaced, one stored as it is stays untouched (importing a file twice changes nothing). A paid
 * violation expires {@code paidRetention} after it was first seen paid.
 */
public final class ViolationImport {

    /** How long a paid violation stays answerable ("đã nộp phạt") before it expires, unless configured. */
    public static final Duration DEFAULT_PAID_RETENTION = Duration.ofDays(90);

    private final ViolationRecords records;
    private final Duration paidRetention;
    private final Clock clock;

    public ViolationImport(ViolationRecords records, Duration paidRetention, Clock clock) {
        this.records = Objects.requireNonNull(records, "records");
        if (paidRetention == null || paidRetention.isNegative() || paidRetention.isZero()) {
            throw new IllegalArgumentException("the paid retention must be positive: " + paidRetention);
        }
        this.paidRetention = paidRetention;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What an import did. */
    public record Report(String unit, int added, int updated, int unchanged, Instant importedAt) {
        public int total() {
            return added + updated + unchanged;
        }
    }

    public Report run(String unit, List<Violation> violations) {
        Keys.requireId(unit, "unit");
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        for (Violation v : violations) {
            Optional<RecordedViolation> stored = records.ofPlate(v.plate()).stream()
                    .filter(r -> r.violation().id().equals(v.id())).findFirst();
            if (stored.isPresent() && stored.get().violation().equals(v) && stored.get().unit().equals(unit)) {
                unchanged++;
                continue;
            }
            Instant expiresAt = null;
            if (v.isPaid()) {
                expiresAt = stored.filter(r -> r.violation().isPaid() && r.expiresAt() != null)
                        .map(RecordedViolation::expiresAt).orElse(now.plus(paidRetention));
            }
            records.save(new RecordedViolation(unit, v, now, expiresAt));
            if (stored.isPresent()) {
                updated++;
            } else {
                added++;
            }
        }
        records.recordImport(unit, now);
        return new Report(unit, added, updated, unchanged, now);
    }
}
