package vn.citizenqa.core.queue;

import java.util.List;

/**
 * What the queue hands its messages to (the worker), a batch at a time in queue order. The contract of SQS's
 * partial batch responses: the ids returned are received again later; every other message of the batch is done.
 */
@FunctionalInterface
public interface QueueConsumer {

    /** @return the {@link QueuedMessage#deliveryId()}s of the messages to be delivered again */
    List<String> consume(List<QueuedMessage> batch);
}
