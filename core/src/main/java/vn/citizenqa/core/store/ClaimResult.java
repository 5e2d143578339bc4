package vn.citizenqa.core.store;

/** What claiming a message found; exactly one concurrent claimer gets {@link New} or {@link Resumed}. */
public sealed interface ClaimResult {

    MessageClaim claim();

    /** First delivery: the caller owns the message (state RECEIVED) and decides it. */
    record New(MessageClaim claim) implements ClaimResult {
    }

    /**
     * Seen before, not sent, and no delivery holds it any more (its lease lapsed or it was released): the caller
     * owns it now and resumes from {@code claim.state()}: RECEIVED → decide again (nothing was recorded under the
     * claim); DECIDED → send {@code claim.draft()} without searching again.
     */
    record Resumed(MessageClaim claim) implements ClaimResult {
    }

    /** Another delivery is working on it right now: do nothing; if that delivery fails the platform redelivers. */
    record InProgress(MessageClaim claim) implements ClaimResult {
    }

    /** The reply went out: acknowledge and do nothing. */
    record AlreadySent(MessageClaim claim) implements ClaimResult {
    }
}
