package vn.citizenqa.core.store;

/** What a unit counts per day (the figures it reports upward). */
public enum Counter {
    /** Messages received that asked something (every decided message). */
    QUESTIONS,
    /** Answered automatically (ANSWER). */
    ANSWERED,
    /** Answered with a choice of procedures (CLARIFY). */
    CLARIFIED,
    /** Handed to officers. */
    ESCALATED,
    CRIME_REPORTS,
    EMERGENCIES,
    OFFICER_REPLIES,
    /** Plates looked up in the camera-recorded violations (the plate itself is never counted or logged). */
    PLATE_LOOKUPS
}
