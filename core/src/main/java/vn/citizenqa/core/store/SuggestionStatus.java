package vn.citizenqa.core.store;

/** Where an officer's knowledge-base suggestion is on its way to an editor. */
public enum SuggestionStatus {
    /** Waiting to be exported for an editor. */
    PENDING,
    /** Written out as a knowledge-base edit proposal; not exported again. */
    EXPORTED
}
