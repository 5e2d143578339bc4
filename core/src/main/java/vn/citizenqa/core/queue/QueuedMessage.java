package vn.citizenqa.core.queue;

import java.util.Objects;

import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.model.ConversationKey;

/**
 * One receipt of a queued message by the worker.
 *
 * @param deliveryId   what the queue calls this receipt (SQS's message id); a failure is reported by it
 * @param message      the citizen's message as the webhook queued it
 * @param receiveCount how many times the queue has handed it out, this time included (1 the first time)
 */
public record QueuedMessage(String deliveryId, InboundMessage.FromCitizen message, int receiveCount) {

    public QueuedMessage {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(message, "message");
        if (receiveCount < 1) {
            throw new IllegalArgumentException("receiveCount starts at 1: " + receiveCount);
        }
    }

    /** The order group: one citizen on one page. */
    public ConversationKey conversation() {
        return message.from();
    }
}
