package vn.citizenqa.core.queue;

import java.time.Duration;
import java.util.Objects;

/**
 * How a queue retries: the in-process queue's own settings, and what template.yaml gives SQS.
 *
 * @param maxReceives  how many times a message is handed out before it goes to the dead-letter queue
 *                     (SQS's {@code maxReceiveCount})
 * @param retryDelay   how long after a failure a message is handed out again (SQS's visibility timeout)
 * @param concurrency  how many conversations are worked on at once (the worker's maximum concurrency): the Send
 *                     APIs limit how fast a page may send
 */
public record QueueSettings(int maxReceives, Duration retryDelay, int concurrency) {

    /**
     * Five receives, 30 s apart, four conversations at a time: the local runner's queue, and the worker's
     * {@code MAX_RECEIVES} when unset. A deployment's SQS queue has template.yaml's own (MaxReceives, which it also gives
     * the worker, and a 120 s visibility timeout).
     */
    public static final QueueSettings DEFAULT = new QueueSettings(5, Duration.ofSeconds(30), 4);

    public QueueSettings {
        if (maxReceives < 1) {
            throw new IllegalArgumentException("maxReceives must be at least 1: " + maxReceives);
        }
        Objects.requireNonNull(retryDelay, "retryDelay");
        if (retryDelay.isNegative()) {
            throw new IllegalArgumentException("retryDelay must not be negative: " + retryDelay);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
        }
    }

    public QueueSettings withRetryDelay(Duration delay) {
        return new QueueSettings(maxReceives, delay, concurrency);
    }

    public QueueSettings withMaxReceives(int receives) {
        return new QueueSettings(receives, retryDelay, concurrency);
    }
}
