package vn.citizenqa.core.store;

/** Where an inbound message is on its way to a reply. */
public enum MessageState {
    /** Claimed by a delivery; nothing decided yet. */
    RECEIVED,
    /** The decision is made and its draft stored; the reply may not have gone out. */
    DECIDED,
    /** The reply went out; the platform's message id is stored. */
    SENT
}
