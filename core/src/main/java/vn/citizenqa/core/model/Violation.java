package vn.citizenqa.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One camera-recorded violation of a plate: the public facts the official look-ups show, never the owner.
 *
 * @param time      when it was recorded, with the offset the file gave
 * @param handledBy the unit a citizen goes to (or contacts) to resolve it
 */
public record Violation(PlateNumber plate, VehicleType vehicle, OffsetDateTime time, String place, String violation,
                        String handledBy, PaymentStatus status) {

    public Violation {
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(vehicle, "vehicle");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(violation, "violation");
        Objects.requireNonNull(handledBy, "handledBy");
        Objects.requireNonNull(status, "status");
    }

    /**
     * Stable for one plate, moment and violation, so a later file naming the same violation (with a new status)
     * updates it instead of adding another.
     */
    public String id() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((plate.normalised() + "\n"
                    + time.toInstant() + "\n" + violation.strip()).getBytes(StandardCharsets.UTF_8));
            return "V" + HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public boolean isPaid() {
        return status == PaymentStatus.PAID;
    }
}
