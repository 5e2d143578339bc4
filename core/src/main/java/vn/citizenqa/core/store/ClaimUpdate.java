package vn.citizenqa.core.store;

/** The outcome of a conditional change to a message claim. */
public sealed interface ClaimUpdate {

    /** The change was written; {@code claim} is the record now stored. */
    record Applied(MessageClaim claim) implements ClaimUpdate {
    }

    /**
     * Nothing was written: the claim was not in the expected state or is held by another delivery.
     *
     * @param current the record as stored, or null when there is none (never claimed, or expired)
     */
    record Refused(MessageClaim current) implements ClaimUpdate {
    }
}
