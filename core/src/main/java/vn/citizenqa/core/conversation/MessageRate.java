package vn.citizenqa.core.conversation;

/** Where a citizen's message stands against the per-minute limit, counted once when the message is first claimed. */
public enum MessageRate {
    WITHIN,
    /** The first message past the limit: one notice, and officers are told. */
    JUST_EXCEEDED,
    /** Later messages past the limit: recorded, not answered. */
    EXCEEDED
}
