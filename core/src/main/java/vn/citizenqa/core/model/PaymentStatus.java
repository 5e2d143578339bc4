package vn.citizenqa.core.model;

/** Whether a recorded violation's fine is still to be resolved. */
public enum PaymentStatus {
    UNPAID,
    PAID;

    /** How an import file writes it. */
    public String fileName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
