package vn.citizenqa.core.store;

/** Where an inbound message is on its way to a reply. */
public enum MessageState {
    /** Claimed by a delivery; nothing decided yet. */
    RECEIVED,
    /** The decision is made and its draft stored; the reply may not have gone out. */
    DECIDED,
    /**
     * The reply is being sent (marked before the channel is called): found so by a later receive, the send may
     * have reached the platform. {@code updatedAt} is when it started.
     */
    SENDING,
    /** The one more send allowed after a send whose outcome is unknown is under way (or its outcome unknown too). */
    SENDING_AGAIN,
    /** The reply went out; the platform's message id is stored. */
    SENT
}
