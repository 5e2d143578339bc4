package vn.citizenqa.core.model;

/** What the assistant does with a message. */
public enum Action {
    /** The reply answers one procedure. */
    ANSWER,
    /** The reply offers two or three candidate procedures to choose from. */
    CLARIFY,
    /** Officers take it; the citizen gets an acknowledgement (and the emergency numbers first). */
    ESCALATE,
    /** Small talk: a short reply inviting a question. */
    CHAT,
    /** Outside what the page handles: say so, say what it can help with, give the hotline. */
    DECLINE,
    /** The reply warns of a scam trick (signs, what to do, the law, the source) and offers to report. */
    WARN
}
