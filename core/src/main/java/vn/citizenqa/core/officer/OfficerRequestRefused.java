package vn.citizenqa.core.officer;

import java.util.Objects;

/** Thrown by the officer desk when it refuses a request; the edge turns the refusal into its answer. */
public final class OfficerRequestRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Refusal refusal;

    public OfficerRequestRefused(Refusal refusal) {
        super(refusal.message(), null, false, false);
        this.refusal = Objects.requireNonNull(refusal, "refusal");
    }

    public Refusal refusal() {
        return refusal;
    }
}
