package vn.citizenqa.runner;

import org.junit.jupiter.api.AfterAll;

import vn.citizenqa.core.queue.MessageQueue;
import vn.citizenqa.core.queue.QueueConsumer;
import vn.citizenqa.core.queue.QueueContract;
import vn.citizenqa.core.queue.QueueSettings;
import vn.citizenqa.functions.WorkerHandler;
import vn.citizenqa.functions.queue.SqsMessageQueue;
import vn.citizenqa.functions.testsupport.SqsTestServer;

/**
 * The queue contract on SQS (ElasticMQ in the test JVM, or {@code SQS_ENDPOINT}): the webhook's {@link SqsMessageQueue}
 * sends, the event source hands batches to the {@link WorkerHandler} as Lambda would, and the queue's redrive policy
 * does the dead-lettering.
 */
class SqsQueueContractTest extends QueueContract {

    private static final SqsTestServer SQS = SqsTestServer.get();

    @Override
    protected Harness start(QueueConsumer consumer, QueueSettings settings) {
        SqsTestServer.TestQueue q = SQS.createQueue(settings);
        SqsMessageQueue queue = new SqsMessageQueue(SQS.client(), q.url(), true);
        SqsEventSource source = new SqsEventSource(SQS.client(), q.url(), new WorkerHandler(consumer),
                settings.concurrency());
        return new Harness() {
            @Override
            public MessageQueue queue() {
                return queue;
            }

            @Override
            public int deadLetters() {
                return SQS.depth(q.deadLetterUrl());
            }

            @Override
            public int pending() {
                return SQS.depth(q.url());
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }

    @AfterAll
    static void report() {
        System.out.println("[SqsQueueContractTest] ran against " + SQS.description());
    }
}
