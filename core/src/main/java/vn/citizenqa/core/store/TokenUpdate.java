package vn.citizenqa.core.store;

/** The outcome of storing refreshed tokens. */
public sealed interface TokenUpdate {

    /** Stored; {@code page} holds the new tokens. */
    record Replaced(PageRegistration page) implements TokenUpdate {
    }

    /**
     * Not stored: the refresh token used is no longer the stored one (another container refreshed first).
     * {@code current} holds the tokens that won; use them.
     */
    record Stale(PageRegistration current) implements TokenUpdate {
    }

    record UnknownPage() implements TokenUpdate {
    }
}
