package vn.citizenqa.runner;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import vn.citizenqa.core.queue.InProcessQueue;
import vn.citizenqa.core.queue.QueueSettings;
import vn.citizenqa.core.store.Store;
import vn.citizenqa.functions.WebhookHandler;
import vn.citizenqa.functions.WebhookSettings;
import vn.citizenqa.functions.Wiring;
import vn.citizenqa.functions.WorkerHandler;
import vn.citizenqa.functions.queue.SqsMessageQueue;
import vn.citizenqa.functions.queue.SqsSettings;

/**
 * The webhook function as the local runner runs it, with its worker behind the queue: when {@code QUEUE_URL} is set,
 * the SQS queue it names (ElasticMQ, LocalStack, or SQS itself) with {@link SqsEventSource} polling it for the worker
 * handler, as Lambda's event source mapping does; otherwise the in-process queue (not durable: what it holds is lost
 * when the process ends).
 */
public final class LocalWebhook implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, AutoCloseable {

    private final WebhookHandler handler;
    private final InProcessQueue inProcess;
    private final SqsEventSource eventSource;

    private LocalWebhook(WebhookHandler handler, InProcessQueue inProcess, SqsEventSource eventSource) {
        this.handler = handler;
        this.inProcess = inProcess;
        this.eventSource = eventSource;
    }

    /** The webhook and its worker from {@code env}, over {@code store}. */
    public static LocalWebhook start(Map<String, String> env, Store store) {
        WebhookSettings settings = WebhookSettings.from(env);
        Clock clock = Clock.systemUTC();
        var sqs = SqsSettings.fromEnvironment(env);
        if (sqs.isPresent()) {
            SqsMessageQueue queue = new SqsMessageQueue(sqs.get());
            var client = SqsMessageQueue.client(sqs.get());
            SqsEventSource source = new SqsEventSource(client, sqs.get().queueUrl(),
                    new WorkerHandler(Wiring.worker(settings, store, clock)), QueueSettings.DEFAULT.concurrency());
            return new LocalWebhook(new WebhookHandler(Wiring.webhook(settings, store, queue, clock)), null, source);
        }
        Wiring.InProcessPath path = Wiring.inProcess(settings, store, clock, inProcessQueue(env));
        return new LocalWebhook(new WebhookHandler(path.webhook()), path.queue(), null);
    }

    /** How long the in-process queue waits before handing a failed message out again locally. */
    static final Duration LOCAL_RETRY_DELAY = Duration.ofSeconds(2);

    /** The in-process queue's settings: {@code QUEUE_RETRY_DELAY_MS} (default 2000; SQS waits its visibility timeout). */
    static QueueSettings inProcessQueue(Map<String, String> env) {
        String v = env.get("QUEUE_RETRY_DELAY_MS");
        Duration delay = LOCAL_RETRY_DELAY;
        if (v != null && !v.isBlank()) {
            try {
                delay = Duration.ofMillis(Long.parseLong(v.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("QUEUE_RETRY_DELAY_MS must be a number of milliseconds, not '" + v + "'");
            }
            if (delay.isNegative()) {
                throw new IllegalArgumentException("QUEUE_RETRY_DELAY_MS must not be negative: " + v);
            }
        }
        return QueueSettings.DEFAULT.withRetryDelay(delay);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return handler.handleRequest(event, context);
    }

    /**
     * Waits until the in-process worker has finished what was queued (what {@code invoke} does before printing);
     * with SQS the event source works on by itself and this returns at once.
     *
     * @return false when {@code timeout} passed first
     */
    public boolean awaitWorker(Duration timeout) throws InterruptedException {
        return inProcess == null || inProcess.awaitIdle(timeout);
    }

    /** The in-process queue, or null when the queue is SQS. */
    public InProcessQueue inProcessQueue() {
        return inProcess;
    }

    @Override
    public void close() {
        if (inProcess != null) {
            inProcess.close();
        }
        if (eventSource != null) {
            eventSource.close();
        }
    }
}
