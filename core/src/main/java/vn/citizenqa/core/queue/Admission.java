package vn.citizenqa.core.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.store.MessageKey;
import vn.citizenqa.core.store.Store;
import vn.citizenqa.core.store.StoreUnavailableException;

/**
 * What the webhook does with a delivery's messages before it answers: looks up each message's claim (a redelivery of
 * a message already answered is acknowledged without queueing it again) and queues the rest, in order. A body's
 * claims are looked up together (on DynamoDB one BatchGetItem per 100), so a thousand messages cost ten reads. A store or queue
 * that cannot be reached throws, and the webhook answers 503: nothing is acknowledged that is not queued. The worker
 * claims each message when it takes it (RECEIVED → DECIDED → SENT); a message queued twice is answered once.
 */
public final class Admission {

    private final Store store;
    private final MessageQueue queue;

    public Admission(Store store, MessageQueue queue) {
        this.store = Objects.requireNonNull(store, "store");
        this.queue = Objects.requireNonNull(queue, "queue");
    }

    /** How many of a delivery's messages were queued, and how many were already answered. */
    public record Admitted(int queued, int alreadyAnswered) {
    }

    /**
     * @throws StoreUnavailableException when a claim cannot be looked up (nothing is queued)
     * @throws QueueUnavailableException when the queue does not take them
     */
    public Admitted admit(List<InboundMessage.FromCitizen> messages) {
        Set<MessageKey> answered = store.messages().answered(messages.stream()
                .map(m -> new MessageKey(m.from().channel(), m.messageId())).toList());
        List<InboundMessage.FromCitizen> fresh = new ArrayList<>();
        for (InboundMessage.FromCitizen m : messages) {
            if (!answered.contains(new MessageKey(m.from().channel(), m.messageId()))) {
                fresh.add(m);
            }
        }
        if (!fresh.isEmpty()) {
            queue.enqueue(fresh);
        }
        return new Admitted(fresh.size(), messages.size() - fresh.size());
    }
}
