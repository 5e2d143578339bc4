package vn.citizenqa.core.queue;

import java.util.List;

import vn.citizenqa.core.channel.InboundMessage;

/**
 * Where the webhook leaves the messages it has claimed, for the worker to decide and answer. A citizen's messages
 * come out in the order they went in, one at a time (grouped by conversation); messages of different citizens may be
 * worked on in parallel. A message that keeps failing ends in a dead-letter queue after a bounded number of receives.
 * Delivery is at least once: the worker's claims make a second delivery harmless.
 */
public interface MessageQueue {

    /**
     * Queues the messages, returning once every one is durably queued.
     *
     * @throws QueueUnavailableException when not all of them could be queued (those that were will still be
     *                                   delivered; the worker's claims make the platform's redelivery harmless)
     */
    void enqueue(List<InboundMessage.FromCitizen> messages);
}
