package vn.citizenqa.core.queue;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.model.ConversationKey;

/**
 * Works through a batch from the queue in order. Once a message of a conversation fails, the conversation's later
 * messages in the batch are not worked on and are returned for redelivery too, so that a follow-up is never answered
 * before its question (the rule AWS gives for partial batch responses on FIFO queues). A failure is a message whose
 * work says it must be received again, or one whose work threw.
 *
 * <p>Except on a message's last receive: it goes to the dead-letter queue whatever happens now, so it no longer holds
 * its conversation and the later messages are worked on. Without this, SQS, which hands a FIFO group's messages out
 * together and counts a receive for each one returned, would move a citizen's next messages to the dead-letter queue
 * with the one that keeps failing, though their own work was never tried.
 */
public final class QueueWorker implements QueueConsumer {

    /** The work on one message. */
    @FunctionalInterface
    public interface Work {
        /** @return true when the message is finished with (answered, recorded, ignored); false to receive it again */
        boolean finish(InboundMessage.FromCitizen message);
    }

    private static final System.Logger LOG = System.getLogger("citizenqa.worker");

    private final Work work;
    private final int maxReceives;

    /** @param maxReceives how many receives the queue allows a message before its dead-letter queue (SQS's maxReceiveCount) */
    public QueueWorker(Work work, int maxReceives) {
        this.work = Objects.requireNonNull(work, "work");
        if (maxReceives < 1) {
            throw new IllegalArgumentException("maxReceives must be at least 1: " + maxReceives);
        }
        this.maxReceives = maxReceives;
    }

    @Override
    public List<String> consume(List<QueuedMessage> batch) {
        List<String> again = new ArrayList<>();
        Set<ConversationKey> held = new HashSet<>();
        for (QueuedMessage q : batch) {
            if (held.contains(q.conversation())) {
                again.add(q.deliveryId());
                continue;
            }
            boolean finished;
            try {
                finished = work.finish(q.message());
            } catch (RuntimeException e) {
                // Whatever it was (the store unreachable, a bug), the queue delivers it again and, if it keeps
                // failing, moves it to the dead-letter queue, whose alarm calls someone.
                LOG.log(Level.ERROR, q.conversation().channel().wireName() + " message " + q.message().messageId()
                        + " failed (receive " + q.receiveCount() + "); it will be received again", e);
                finished = false;
            }
            if (!finished) {
                again.add(q.deliveryId());
                if (q.receiveCount() < maxReceives) {
                    held.add(q.conversation());
                } else {
                    LOG.log(Level.ERROR, q.conversation().channel().wireName() + " message " + q.message().messageId()
                            + " failed on its last receive (" + q.receiveCount() + "): it goes to the dead-letter queue,"
                            + " and the conversation's later messages are worked on");
                }
            }
        }
        return again;
    }
}
