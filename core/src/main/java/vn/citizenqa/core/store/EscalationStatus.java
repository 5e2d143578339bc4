package vn.citizenqa.core.store;

/** Where an escalation is in the officers' hands. */
public enum EscalationStatus {
    /** Waiting for an officer. */
    OPEN,
    /** An officer took it; only that officer may answer it. */
    CLAIMED,
    /** An officer's reply went to the citizen. */
    ANSWERED,
    /** Done; nothing more can be done with it. */
    CLOSED
}
