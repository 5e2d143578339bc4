package vn.citizenqa.core.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.ConversationKey;

/**
 * What every {@link MessageQueue} does, as the webhook and the worker rely on it; run on the in-process queue here
 * and on SQS (ElasticMQ, or LocalStack where Docker answers) in {@code functions}.
 */
public abstract class QueueContract {

    /** A running queue with its consumer attached. */
    protected interface Harness extends AutoCloseable {
        MessageQueue queue();

        /** How many messages the dead-letter queue holds. */
        int deadLetters();

        /** How many messages the queue still holds, waiting or being worked on (not the dead letters). */
        int pending();
    }

    /** Retries one second apart (SQS counts visibility in whole seconds), three receives, four at a time. */
    protected static final QueueSettings SETTINGS = new QueueSettings(3, Duration.ofSeconds(1), 4);
    /**
     * For the tests where no work fails: a redelivery can then only come from a message not deleted after its work,
     * never from a busy machine's batch outlasting a one-second visibility timeout (which SQS rightly redelivers).
     */
    private static final QueueSettings STEADY = SETTINGS.withRetryDelay(Duration.ofSeconds(20));
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    protected abstract Harness start(QueueConsumer consumer, QueueSettings settings) throws Exception;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeHarnesses() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private Harness harness(QueueConsumer consumer) throws Exception {
        return harness(consumer, SETTINGS);
    }

    private Harness harness(QueueConsumer consumer, QueueSettings settings) throws Exception {
        Harness h = start(consumer, settings);
        open.add(h);
        return h;
    }

    private static final AtomicInteger RUN = new AtomicInteger();
    /** Each test's own ids, so that a queue shared between tests cannot mix them up. */
    private final String run = "r" + RUN.incrementAndGet() + "-" + System.nanoTime();

    protected InboundMessage.FromCitizen message(String citizen, int n) {
        return new InboundMessage.Text(new ConversationKey(Channel.MESSENGER, "page-" + run, citizen), run + "-" + citizen + "-" + n,
                Instant.parse("2026-12-01T08:00:00Z").plusSeconds(n), "câu hỏi số " + n);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        await(condition, () -> what);
    }

    /** Waits for the condition; on failure says what was awaited and what was seen by then. */
    private static void await(BooleanSupplier condition, java.util.function.Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE + ": " + what.get());
            }
            Thread.sleep(20);
        }
    }

    @Test
    void everyQueuedMessageIsHandedToTheWorkerOnceWhenItSucceeds() throws Exception {
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        Harness h = harness(batch -> {
            batch.forEach(q -> seen.computeIfAbsent(q.message().messageId(), k -> new AtomicInteger()).incrementAndGet());
            return List.of();
        }, STEADY);
        List<InboundMessage.FromCitizen> sent = new ArrayList<>();
        for (int citizen = 0; citizen < 5; citizen++) {
            for (int n = 0; n < 5; n++) {
                sent.add(message("citizen-" + citizen, n));
            }
        }
        // One call of 25: more than one SQS SendMessageBatch holds.
        h.queue().enqueue(sent);

        await(() -> seen.size() == sent.size(), () -> "all 25 received: " + seen.keySet());
        // Once the queue holds none of them, every one was deleted after its work: none can come again.
        await(() -> h.pending() == 0, () -> h.pending() + " still in the queue after their work: " + seen);
        assertEquals(Set.of(1), Set.copyOf(seen.values().stream().map(AtomicInteger::get).toList()), "each once: " + seen);
        assertEquals(0, h.deadLetters());
    }

    @Test
    void aCitizensMessagesAreHandedOutInOrderAndNeverTwoAtOnce() throws Exception {
        Map<String, List<String>> order = new ConcurrentHashMap<>();
        Set<String> busy = ConcurrentHashMap.newKeySet();
        List<String> overlaps = new CopyOnWriteArrayList<>();
        Harness h = harness(batch -> {
            for (QueuedMessage q : batch) {
                String citizen = q.conversation().userId();
                if (!busy.add(citizen)) {
                    overlaps.add(q.message().messageId());
                }
                try {
                    Thread.sleep(15);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                order.computeIfAbsent(citizen, k -> Collections.synchronizedList(new ArrayList<>())).add(q.message().messageId());
                busy.remove(citizen);
            }
            return List.of();
        }, STEADY);
        List<InboundMessage.FromCitizen> sent = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            for (int citizen = 0; citizen < 3; citizen++) {
                sent.add(message("citizen-" + citizen, n));
            }
        }
        for (InboundMessage.FromCitizen m : sent) {
            // One webhook call per message, as Zalo delivers them.
            h.queue().enqueue(List.of(m));
        }

        await(() -> order.values().stream().mapToInt(List::size).sum() == sent.size(), () -> "all received: " + order);
        for (int citizen = 0; citizen < 3; citizen++) {
            String c = "citizen-" + citizen;
            assertEquals(sent.stream().filter(m -> m.from().userId().equals(c)).map(InboundMessage::messageId).toList(),
                    order.get(c), "in the order sent");
        }
        assertEquals(List.of(), overlaps, "never two of one citizen at once");
    }

    @Test
    void aFailedMessageIsReceivedAgainBeforeItsConversationMovesOn() throws Exception {
        InboundMessage.FromCitizen question = message("citizen-0", 0);
        InboundMessage.FromCitizen followUp = message("citizen-0", 1);
        List<String> handled = new CopyOnWriteArrayList<>();
        List<Integer> receiveCounts = new CopyOnWriteArrayList<>();
        Harness h = harness(batch -> {
            // As the worker does: once a message of a conversation fails, its later ones in the batch wait too (an SQS
            // FIFO receive may hand several messages of one group at once).
            List<String> again = new ArrayList<>();
            Set<ConversationKey> waiting = new java.util.HashSet<>();
            for (QueuedMessage q : batch) {
                ConversationKey conversation = q.message().from();
                boolean fails = waiting.contains(conversation);
                if (!fails && q.message().messageId().equals(question.messageId())) {
                    receiveCounts.add(q.receiveCount());
                    fails = q.receiveCount() < 2;
                }
                if (fails) {
                    waiting.add(conversation);
                    again.add(q.deliveryId());
                } else {
                    handled.add(q.message().messageId());
                }
            }
            return again;
        });
        h.queue().enqueue(List.of(question, followUp));

        await(() -> handled.contains(followUp.messageId()), "the follow-up handled: " + handled);
        assertEquals(List.of(question.messageId(), followUp.messageId()), handled, "the conversation kept its order");
        assertEquals(List.of(1, 2), receiveCounts, "the question was received again after it failed");
        assertEquals(0, h.deadLetters());
    }

    @Test
    void aMessageThatKeepsFailingEndsInTheDeadLetterQueueAfterItsReceives() throws Exception {
        InboundMessage.FromCitizen poison = message("citizen-0", 0);
        InboundMessage.FromCitizen next = message("citizen-0", 1);
        AtomicInteger poisonReceives = new AtomicInteger();
        List<String> done = new CopyOnWriteArrayList<>();
        Harness h = harness(new QueueWorker(m -> {
            if (m.messageId().equals(poison.messageId())) {
                poisonReceives.incrementAndGet();
                throw new IllegalStateException("a message no worker can handle");
            }
            done.add(m.messageId());
            return true;
        }, SETTINGS.maxReceives()));
        h.queue().enqueue(List.of(poison, next));

        await(() -> h.deadLetters() == 1, () -> "the poison message in the dead-letter queue (received "
                + poisonReceives.get() + " times, next handled: " + done + ", dead letters " + h.deadLetters() + ")");
        await(() -> done.contains(next.messageId()), "the conversation goes on after it");
        assertEquals(SETTINGS.maxReceives(), poisonReceives.get(), "received as often as allowed, no more");
        assertTrue(done.size() == 1, "the next one once: " + done);
    }
}
