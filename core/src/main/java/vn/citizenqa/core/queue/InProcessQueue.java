package vn.citizenqa.core.queue;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.model.ConversationKey;

/**
 * The queue in the process's memory: the local runner's embedded default, behaving as the SQS FIFO queue of a
 * deployment does (the same contract tests run on both). A conversation's messages are handed out one at a time in
 * order; a failed one is handed out again after {@link QueueSettings#retryDelay()}, holding back the conversation's
 * later messages, and after {@link QueueSettings#maxReceives()} receives goes to the dead letters. At most
 * {@link QueueSettings#concurrency()} conversations are worked on at once.
 *
 * <p>It is not durable: what it holds is lost when the process ends. A local run that must survive being killed
 * points {@code QUEUE_URL} at an SQS-compatible server instead.
 */
public final class InProcessQueue implements MessageQueue, AutoCloseable {

    private static final System.Logger LOG = System.getLogger("citizenqa.queue");

    private final QueueSettings settings;
    private final ExecutorService workers;
    private final ScheduledExecutorService retries;
    private final Object lock = new Object();
    /** Waiting messages per conversation, the head being the one handed out (or to be handed out) next. */
    private final Map<ConversationKey, ArrayDeque<Entry>> waiting = new HashMap<>();
    private final List<QueuedMessage> deadLetters = new ArrayList<>();
    private QueueConsumer consumer;
    private boolean closed;
    private int pending;

    private static final class Entry {
        final String id = UUID.randomUUID().toString();
        final InboundMessage.FromCitizen message;
        int receives;

        Entry(InboundMessage.FromCitizen message) {
            this.message = message;
        }
    }

    public InProcessQueue(QueueSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.workers = Executors.newFixedThreadPool(settings.concurrency(), Thread.ofPlatform().daemon()
                .name("citizenqa-worker-", 1).factory());
        this.retries = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("citizenqa-queue-retry").factory());
    }

    /** Starts handing messages to {@code consumer} (those queued before included). */
    public void start(QueueConsumer consumer) {
        synchronized (lock) {
            if (this.consumer != null) {
                throw new IllegalStateException("the queue already has its consumer");
            }
            this.consumer = Objects.requireNonNull(consumer, "consumer");
            waiting.keySet().forEach(this::submit);
        }
    }

    @Override
    public void enqueue(List<InboundMessage.FromCitizen> messages) {
        synchronized (lock) {
            if (closed) {
                throw new QueueUnavailableException("the in-process queue is closed");
            }
            for (InboundMessage.FromCitizen m : messages) {
                ArrayDeque<Entry> group = waiting.get(m.from());
                boolean idle = group == null;
                if (idle) {
                    group = new ArrayDeque<>();
                    waiting.put(m.from(), group);
                }
                group.addLast(new Entry(m));
                pending++;
                if (idle && consumer != null) {
                    submit(m.from());
                }
            }
        }
    }

    /** Works on the conversation's head message on a worker thread. Holding {@link #lock}. */
    private void submit(ConversationKey conversation) {
        if (!closed) {
            workers.execute(() -> work(conversation));
        }
    }

    private void work(ConversationKey conversation) {
        Entry head;
        synchronized (lock) {
            ArrayDeque<Entry> group = waiting.get(conversation);
            if (group == null || group.isEmpty() || closed) {
                return;
            }
            head = group.peekFirst();
            head.receives++;
        }
        QueuedMessage delivery = new QueuedMessage(head.id, head.message, head.receives);
        boolean failed;
        try {
            failed = consumer.consume(List.of(delivery)).contains(head.id);
        } catch (RuntimeException e) {
            // As Lambda with an SQS event source: a worker that throws fails its whole batch.
            LOG.log(Level.ERROR, "the worker failed on a queued message; it will be received again", e);
            failed = true;
        }
        synchronized (lock) {
            if (failed && head.receives < settings.maxReceives()) {
                retries.schedule(() -> {
                    synchronized (lock) {
                        submit(conversation);
                    }
                }, settings.retryDelay().toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            if (failed) {
                deadLetters.add(delivery);
                LOG.log(Level.ERROR, "{0} message {1} failed {2} times: moved to the dead letters",
                        conversation.channel().wireName(), head.message.messageId(), head.receives);
            }
            ArrayDeque<Entry> group = waiting.get(conversation);
            group.removeFirst();
            pending--;
            if (group.isEmpty()) {
                waiting.remove(conversation);
            } else {
                submit(conversation);
            }
            lock.notifyAll();
        }
    }

    /** Waits until every queued message is done or dead; false when {@code timeout} passed first. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (pending > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    /** How many messages are queued, being worked on or waiting to be retried. */
    public int depth() {
        synchronized (lock) {
            return pending;
        }
    }

    /** The messages that failed {@link QueueSettings#maxReceives()} times, oldest first. */
    public List<QueuedMessage> deadLetters() {
        synchronized (lock) {
            return List.copyOf(deadLetters);
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        retries.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
