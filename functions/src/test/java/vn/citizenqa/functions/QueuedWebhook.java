package vn.citizenqa.functions;

import java.time.Clock;
import java.time.Duration;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import vn.citizenqa.core.queue.InProcessQueue;
import vn.citizenqa.core.queue.QueueSettings;
import vn.citizenqa.core.store.Store;

/**
 * The webhook handler with its worker behind the in-process queue, as a test drives them: each call returns the
 * webhook's answer once the worker has finished what the call queued, so that a test can look at the replies.
 */
public final class QueuedWebhook implements AutoCloseable {

    /** Retries a tenth of a second apart in tests (SQS waits out its visibility timeout), five receives. */
    public static final QueueSettings TEST_QUEUE = new QueueSettings(5, Duration.ofMillis(100), 4);

    private final WebhookHandler handler;
    private final InProcessQueue queue;

    private QueuedWebhook(WebhookHandler handler, InProcessQueue queue) {
        this.handler = handler;
        this.queue = queue;
    }

    public static QueuedWebhook over(WebhookSettings settings, Store store, Clock clock) {
        return over(settings, store, clock, TEST_QUEUE);
    }

    public static QueuedWebhook over(WebhookSettings settings, Store store, Clock clock, QueueSettings queueSettings) {
        Wiring.InProcessPath path = Wiring.inProcess(settings, store, clock, queueSettings);
        return new QueuedWebhook(new WebhookHandler(path.webhook()), path.queue());
    }

    /**
     * With {@code beforeEachRetry} run before every receive after the first: where a test lets the time of a
     * visibility timeout pass (longer than a claim's lease, as template.yaml sets it) and heals what failed.
     */
    public static QueuedWebhook over(WebhookSettings settings, Store store, Clock clock, Runnable beforeEachRetry) {
        InProcessQueue queue = new InProcessQueue(TEST_QUEUE);
        WebhookHandler handler = new WebhookHandler(Wiring.webhook(settings, store, queue, clock));
        vn.citizenqa.core.queue.QueueConsumer worker = Wiring.worker(settings, store, clock);
        queue.start(batch -> {
            if (batch.stream().anyMatch(q -> q.receiveCount() > 1)) {
                beforeEachRetry.run();
            }
            return worker.consume(batch);
        });
        return new QueuedWebhook(handler, queue);
    }

    /** The webhook's answer, returned after the worker is done with the messages it queued. */
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, context);
        awaitWorker();
        return response;
    }

    /** The webhook's answer, without waiting for the worker. */
    public APIGatewayV2HTTPResponse acknowledge(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }

    public void awaitWorker() {
        try {
            if (!queue.awaitIdle(Duration.ofSeconds(60))) {
                throw new AssertionError("the worker did not finish within 60 s; still queued: " + queue.depth());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public InProcessQueue queue() {
        return queue;
    }

    @Override
    public void close() {
        queue.close();
    }
}
