package vn.citizenqa.core.officer;

/** How an officer's reply sent now reaches the citizen, if it can. */
public enum ReplyMode {
    /** Within the channel's standard window (Messenger {@code messaging_type RESPONSE}). */
    STANDARD,
    /** Messenger between 24 hours and 7 days: {@code MESSAGE_TAG} with tag {@code HUMAN_AGENT}. */
    HUMAN_AGENT,
    /** Past every window: the channel would refuse it (or charge it as a proactive message). */
    CLOSED
}
