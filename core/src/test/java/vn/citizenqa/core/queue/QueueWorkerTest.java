package vn.citizenqa.core.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.ConversationKey;

/** How the worker works through one batch: a failure holds its conversation's later messages, except on its last receive. */
class QueueWorkerTest {

    private static final int MAX_RECEIVES = 3;

    private final List<String> worked = new ArrayList<>();

    private QueueWorker failing(Set<String> failures) {
        return new QueueWorker(m -> {
            worked.add(m.messageId());
            if (m.messageId().startsWith("throws")) {
                throw new IllegalStateException("no worker can handle " + m.messageId());
            }
            return !failures.contains(m.messageId());
        }, MAX_RECEIVES);
    }

    private static QueuedMessage delivery(String citizen, String id, int receiveCount) {
        return new QueuedMessage("d-" + id, new InboundMessage.Text(new ConversationKey(Channel.ZALO, "page", citizen), id,
                Instant.parse("2026-12-01T08:00:00Z"), "câu hỏi " + id), receiveCount);
    }

    @Test
    void aFailureHoldsItsConversationsLaterMessagesButNotAnotherConversation() {
        List<String> again = failing(Set.of("a1")).consume(List.of(
                delivery("a", "a1", 1), delivery("b", "b1", 1), delivery("a", "a2", 1), delivery("b", "b2", 1)));

        assertEquals(List.of("d-a1", "d-a2"), again, "a1 failed, so a2 waits for it");
        assertEquals(List.of("a1", "b1", "b2"), worked, "a2 not worked on before a1 is done");
    }

    @Test
    void aMessageThatThrowsIsAFailureToo() {
        List<String> again = failing(Set.of()).consume(List.of(delivery("a", "throws-1", 1), delivery("a", "a2", 1)));

        assertEquals(List.of("d-throws-1", "d-a2"), again);
        assertEquals(List.of("throws-1"), worked);
    }

    @Test
    void onItsLastReceiveAFailingMessageNoLongerHoldsItsConversation() {
        // SQS handed the three out together each time, so the later two were counted as often as the first.
        List<String> again = failing(Set.of()).consume(List.of(
                delivery("a", "throws-1", MAX_RECEIVES), delivery("a", "a2", MAX_RECEIVES), delivery("a", "a3", MAX_RECEIVES)));

        assertEquals(List.of("d-throws-1"), again, "only the failing one goes on to the dead-letter queue");
        assertEquals(List.of("throws-1", "a2", "a3"), worked, "the citizen's next messages are answered");
    }

    @Test
    void beforeItsLastReceiveItStillHolds() {
        List<String> again = failing(Set.of("a1")).consume(List.of(delivery("a", "a1", MAX_RECEIVES - 1), delivery("a", "a2", 1)));

        assertEquals(List.of("d-a1", "d-a2"), again);
        assertEquals(List.of("a1"), worked);
    }

    @Test
    void aWorkerAllowingNoReceiveIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new QueueWorker(m -> true, 0));
    }
}
