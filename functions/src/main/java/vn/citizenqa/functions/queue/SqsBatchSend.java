package vn.citizenqa.functions.queue;

import java.util.List;

import vn.citizenqa.core.queue.QueueUnavailableException;

/**
 * How one {@code SendMessageBatch} reaches SQS: over the JDK's URL connection in SQS's JSON protocol with no SDK class
 * ({@link vn.citizenqa.functions.aws.SqsSendOverHttp}, the webhook's), or through an SDK {@code SqsClient}
 * ({@link SqsMessageQueue#SqsMessageQueue(software.amazon.awssdk.services.sqs.SqsClient, String, boolean)}: the
 * SDK's own client, {@code CITIZENQA_AWS_CLIENT=sdk}, and the tests' clients).
 */
public interface SqsBatchSend {

    /** One message of a batch: its id within the batch, its body, and on a FIFO queue its group and deduplication ids. */
    record Entry(String id, String body, String groupId, String deduplicationId) {
    }

    /** An entry SQS did not take: whose fault (the sender's is not retried), SQS's code and message. */
    record Failure(String id, boolean senderFault, String code, String message) {
    }

    /**
     * Sends the entries to the queue at {@code queueUrl}.
     *
     * @return the entries SQS did not take (empty when it took them all)
     * @throws QueueUnavailableException when the call failed as a whole (refused, unreachable, a sent body's MD5 not
     *                                   the one SQS computed)
     */
    List<Failure> send(String queueUrl, List<Entry> entries);
}
