package vn.citizenqa.core.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.store.MessageKey;
import vn.citizenqa.core.store.MessageState;
import vn.citizenqa.core.store.Store;
import vn.citizenqa.core.store.StoreUnavailableException;

/**
 * What the webhook does with a delivery's messages before it answers: looks up each message's claim (a redelivery of
 * a message already answered is acknowledged without queueing it again) and queues the rest, in order. The lookups of
 * a large body run in parallel, so a thousand messages are acknowledged in about the time of one. A store or queue
 * that cannot be reached throws, and the webhook answers 503: nothing is acknowledged that is not queued. The worker
 * claims each message when it takes it (RECEIVED → DECIDED → SENT); a message queued twice is answered once.
 */
public final class Admission {

    /** Claims looked up at once for one delivery. */
    static final int PARALLEL_LOOKUPS = 32;

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
        List<Boolean> answered = messages.size() == 1 ? List.of(answered(messages.getFirst())) : lookUpAll(messages);
        List<InboundMessage.FromCitizen> fresh = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            if (!answered.get(i)) {
                fresh.add(messages.get(i));
            }
        }
        if (!fresh.isEmpty()) {
            queue.enqueue(fresh);
        }
        return new Admitted(fresh.size(), messages.size() - fresh.size());
    }

    private boolean answered(InboundMessage.FromCitizen m) {
        return store.messages().find(new MessageKey(m.from().channel(), m.messageId()))
                .filter(c -> c.state() == MessageState.SENT).isPresent();
    }

    private List<Boolean> lookUpAll(List<InboundMessage.FromCitizen> messages) {
        Semaphore permits = new Semaphore(PARALLEL_LOOKUPS);
        try (ExecutorService lookups = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (InboundMessage.FromCitizen m : messages) {
                results.add(lookups.submit(() -> {
                    permits.acquire();
                    try {
                        return answered(m);
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<Boolean> answered = new ArrayList<>();
            for (Future<Boolean> f : results) {
                answered.add(f.get());
            }
            return answered;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while looking up claims", e);
        }
    }
}
