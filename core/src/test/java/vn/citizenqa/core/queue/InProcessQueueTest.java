package vn.citizenqa.core.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class InProcessQueueTest extends QueueContract {

    @Override
    protected Harness start(QueueConsumer consumer, QueueSettings settings) {
        InProcessQueue queue = new InProcessQueue(settings);
        queue.start(consumer);
        return new Harness() {
            @Override
            public MessageQueue queue() {
                return queue;
            }

            @Override
            public int deadLetters() {
                return queue.deadLetters().size();
            }

            @Override
            public int pending() {
                return queue.depth();
            }

            @Override
            public void close() {
                queue.close();
            }
        };
    }

    @Test
    void messagesQueuedBeforeTheWorkerStartsAreHandedOutOnceItDoes() throws Exception {
        try (InProcessQueue queue = new InProcessQueue(SETTINGS)) {
            queue.enqueue(List.of(message("citizen-0", 0), message("citizen-1", 0)));
            assertEquals(2, queue.depth());
            queue.start(batch -> List.of());
            assertTrue(queue.awaitIdle(Duration.ofSeconds(10)));
            assertEquals(0, queue.depth());
        }
    }

    @Test
    void aClosedQueueRefusesMessagesSoTheWebhookAsksForARedelivery() {
        InProcessQueue queue = new InProcessQueue(SETTINGS);
        queue.close();
        assertThrows(QueueUnavailableException.class, () -> queue.enqueue(List.of(message("citizen-0", 0))));
    }
}
