package vn.citizenqa.functions;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import vn.citizenqa.core.queue.QueueConsumer;
import vn.citizenqa.core.queue.QueuedMessage;
import vn.citizenqa.functions.queue.QueuedMessageJson;

/**
 * The worker function behind the SQS event source: each record is a citizen's message the webhook claimed; the
 * worker decides, records, sends and marks it. Records to receive again are reported as batch item failures
 * ({@code ReportBatchItemFailures}); after the queue's maximum receives SQS moves them to the dead-letter queue.
 */
public final class WorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    static {
        LogFormat.install();
    }

    private static final System.Logger LOG = System.getLogger("citizenqa.worker");

    private final QueueConsumer worker;

    public WorkerHandler() {
        this(Wiring.worker());
    }

    public WorkerHandler(QueueConsumer worker) {
        this.worker = worker;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<QueuedMessage> batch = new ArrayList<>();
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        Set<String> heldGroups = new HashSet<>();
        for (SQSEvent.SQSMessage r : records) {
            String group = r.getAttributes() == null ? null : r.getAttributes().get("MessageGroupId");
            if (group != null && heldGroups.contains(group)) {
                // A FIFO group's earlier message could not be read: its later ones wait for it.
                failures.add(new SQSBatchResponse.BatchItemFailure(r.getMessageId()));
                continue;
            }
            try {
                batch.add(new QueuedMessage(r.getMessageId(), QueuedMessageJson.read(r.getBody()), receiveCount(r)));
            } catch (RuntimeException e) {
                // Not a message the webhook wrote: received again until it lands in the dead-letter queue.
                LOG.log(Level.ERROR, "queue message {0} cannot be read ({1}); it goes to the dead-letter queue after its receives",
                        r.getMessageId(), e.getMessage());
                failures.add(new SQSBatchResponse.BatchItemFailure(r.getMessageId()));
                if (group != null) {
                    heldGroups.add(group);
                }
            }
        }
        worker.consume(batch).forEach(id -> failures.add(new SQSBatchResponse.BatchItemFailure(id)));
        return new SQSBatchResponse(failures);
    }

    private static int receiveCount(SQSEvent.SQSMessage r) {
        Map<String, String> attributes = r.getAttributes();
        String n = attributes == null ? null : attributes.get("ApproximateReceiveCount");
        try {
            return n == null ? 1 : Math.max(1, Integer.parseInt(n));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
