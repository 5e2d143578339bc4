package vn.citizenqa.runner;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * What Lambda's SQS event source mapping does, for the local runner and the tests: long-polls the queue, hands each
 * batch to the worker handler as an {@link SQSEvent}, deletes what it finished and leaves its reported failures in
 * flight, to be received again when the queue's visibility timeout runs out. The queue's redrive policy moves a
 * message that keeps failing to the dead-letter queue. {@code pollers} bounds how many batches are worked on at
 * once, as the mapping's maximum concurrency does.
 */
public final class SqsEventSource implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("citizenqa.queue");

    private final SqsClient sqs;
    private final String queueUrl;
    private final RequestHandler<SQSEvent, SQSBatchResponse> worker;
    private final List<Thread> pollers = new ArrayList<>();
    private volatile boolean running = true;

    public SqsEventSource(SqsClient sqs, String queueUrl, RequestHandler<SQSEvent, SQSBatchResponse> worker,
                          int pollers) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.worker = worker;
        for (int i = 0; i < pollers; i++) {
            this.pollers.add(Thread.ofPlatform().daemon().name("citizenqa-sqs-poller-" + i).start(this::poll));
        }
    }

    private void poll() {
        while (running) {
            List<Message> messages;
            try {
                messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            } catch (SdkException e) {
                if (running) {
                    LOG.log(Level.WARNING, "cannot receive from the queue ({0}); trying again", e.getMessage());
                    sleep(Duration.ofSeconds(1));
                }
                continue;
            }
            if (messages.isEmpty() || !running) {
                continue;
            }
            SQSBatchResponse response;
            try {
                response = worker.handleRequest(event(messages), null);
            } catch (RuntimeException e) {
                // As Lambda: a handler that throws fails the whole batch.
                LOG.log(Level.ERROR, "the worker failed on a batch of " + messages.size() + "; it will be received again", e);
                response = new SQSBatchResponse(messages.stream()
                        .map(m -> new SQSBatchResponse.BatchItemFailure(m.messageId())).toList());
            }
            settle(messages, response);
        }
    }

    private void settle(List<Message> messages, SQSBatchResponse response) {
        Set<String> failed = response == null || response.getBatchItemFailures() == null ? Set.of()
                : response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                        .collect(Collectors.toSet());
        try {
            for (Message m : messages) {
                if (!failed.contains(m.messageId())) {
                    sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                }
            }
        } catch (SdkException e) {
            // Left in flight: received again after the visibility timeout, and the worker's claims make that harmless.
            LOG.log(Level.WARNING, "cannot settle a batch with the queue ({0}); it will be received again", e.getMessage());
        }
    }

    private static SQSEvent event(List<Message> messages) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message m : messages) {
            SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
            r.setMessageId(m.messageId());
            r.setReceiptHandle(m.receiptHandle());
            r.setBody(m.body());
            r.setEventSource("aws:sqs");
            Map<String, String> attributes = new HashMap<>();
            m.attributesAsStrings().forEach(attributes::put);
            r.setAttributes(attributes);
            records.add(r);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        for (Thread t : pollers) {
            try {
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
