package vn.citizenqa.functions.queue;

import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.queue.MessageQueue;
import vn.citizenqa.core.queue.QueueUnavailableException;
import vn.citizenqa.functions.aws.AwsClientChoice;
import vn.citizenqa.functions.aws.AwsJsonHttp;
import vn.citizenqa.functions.aws.SdkClients;
import vn.citizenqa.functions.aws.SqsSendOverHttp;

/**
 * The queue on SQS: {@code SendMessageBatch} calls of up to 10 messages. On a FIFO queue each message's group is its
 * conversation (a citizen's messages are received in order, one at a time) and its deduplication id the platform's
 * message id (SQS drops a second copy sent within 5 minutes; the worker's claims catch later ones). The batch goes out
 * through a {@link SqsBatchSend}: in a function, SQS's JSON written and read directly ({@link SqsSendOverHttp}: no SDK
 * class loaded on the webhook's path), or through an SDK {@code SqsClient}.
 */
public final class SqsMessageQueue implements MessageQueue {

    /** The most one SendMessageBatch carries. */
    static final int BATCH = 10;
    /** SendMessageBatch takes at most 256 KiB of bodies; a little less leaves room for the attributes. */
    static final int BATCH_BYTES = 240 * 1024;
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
    private static final System.Logger LOG = vn.citizenqa.core.logging.DeferredLogger.of("citizenqa.queue");

    private final SqsBatchSend sqs;
    private final String queueUrl;
    private final boolean fifo;

    /** Through an SDK client (the SDK's own, or {@link vn.citizenqa.functions.aws.SqsOverHttp} behind its interface). */
    public SqsMessageQueue(SqsClient sqs, String queueUrl, boolean fifo) {
        this(new ThroughSdkClient(sqs), queueUrl, fifo);
    }

    public SqsMessageQueue(SqsBatchSend sqs, String queueUrl, boolean fifo) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.fifo = fifo;
    }

    /**
     * The queue a function sends to: SQS's JSON over the JDK's URL connection with no SDK class ({@link SqsSendOverHttp},
     * bodies' MD5 checked), or with {@code CITIZENQA_AWS_CLIENT=sdk} through the SDK's own client ({@link #sdkClient}).
     */
    public SqsMessageQueue(SqsSettings settings) {
        this(AwsClientChoice.sdk() ? new ThroughSdkClient(sdkClient(settings)) : new SqsSendOverHttp(http(settings)),
                settings.queueUrl(), settings.fifo());
    }

    /** SQS's JSON protocol over the JDK's URL connection, with the timeouts and attempts of every SQS call here. */
    public static AwsJsonHttp http(SqsSettings settings) {
        return AwsJsonHttp.json10("sqs", "AmazonSQS", settings.region(), settings.endpoint(), 4, Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofSeconds(8));
    }

    /**
     * A client of SQS's whole interface (the local runner's event source, the tests): SQS's JSON protocol over the JDK's
     * URL connection ({@link vn.citizenqa.functions.aws.SqsOverHttp}, bodies' MD5 checked), or with
     * {@code CITIZENQA_AWS_CLIENT=sdk} the SDK's own ({@link #sdkClient}).
     */
    public static SqsClient client(SqsSettings settings) {
        if (AwsClientChoice.sdk()) {
            return sdkClient(settings);
        }
        return new vn.citizenqa.functions.aws.SqsOverHttp(http(settings));
    }

    /** The SDK client over the JDK's URL connection, as the store's (no Netty, no Apache client), every setting explicit. */
    public static SqsClient sdkClient(SqsSettings settings) {
        return SdkClients.configure(SqsClient.builder(), settings.region(), settings.endpoint(), 4, Duration.ofSeconds(2),
                        Duration.ofSeconds(5), Duration.ofSeconds(8))
                .checksumValidationEnabled(true)
                .build();
    }

    @Override
    public void enqueue(List<InboundMessage.FromCitizen> messages) {
        List<SqsBatchSend.Entry> batch = new ArrayList<>();
        int bytes = 0;
        for (InboundMessage.FromCitizen m : messages) {
            SqsBatchSend.Entry entry = entry(batch.size(), m);
            int size = entry.body().getBytes(StandardCharsets.UTF_8).length;
            if (batch.size() == BATCH || (!batch.isEmpty() && bytes + size > BATCH_BYTES)) {
                send(batch);
                batch = new ArrayList<>();
                bytes = 0;
                entry = entry(0, m);
            }
            batch.add(entry);
            bytes += size;
        }
        if (!batch.isEmpty()) {
            send(batch);
        }
    }

    private SqsBatchSend.Entry entry(int index, InboundMessage.FromCitizen m) {
        return fifo ? new SqsBatchSend.Entry(Integer.toString(index), QueuedMessageJson.write(m), groupId(m.from()),
                sqsId(m.from().channel().wireName() + ":" + m.messageId()))
                : new SqsBatchSend.Entry(Integer.toString(index), QueuedMessageJson.write(m), null, null);
    }

    /** Sends one batch; the entries SQS did not take are sent once more, in their order, before giving up. */
    private void send(List<SqsBatchSend.Entry> entries) {
        List<SqsBatchSend.Entry> left = entries;
        for (int attempt = 1; ; attempt++) {
            List<SqsBatchSend.Failure> failed = sqs.send(queueUrl, left);
            if (failed.isEmpty()) {
                return;
            }
            List<String> failedIds = failed.stream().map(SqsBatchSend.Failure::id).toList();
            SqsBatchSend.Failure first = failed.getFirst();
            if (attempt == 2 || failed.stream().anyMatch(SqsBatchSend.Failure::senderFault)) {
                throw new QueueUnavailableException("the queue refused " + failedIds.size() + " of " + left.size()
                        + " messages: " + first.code() + " " + first.message());
            }
            LOG.log(Level.WARNING, "the queue refused {0} of {1} messages ({2}); sending them again", failedIds.size(),
                    left.size(), first.code());
            // Rare (SQS throttling one entry); a refused entry sent again may follow a later one of its conversation.
            left = left.stream().filter(e -> failedIds.contains(e.id())).toList();
        }
    }

    /** The conversation as a message group id: readable when SQS allows it, else its SHA-256. */
    static String groupId(ConversationKey c) {
        return sqsId(c.channel().wireName() + ":" + c.pageId() + ":" + c.userId());
    }

    /** SQS ids take 1–128 of a limited set of characters; anything else is hashed. */
    static String sqsId(String id) {
        if (PLAIN_ID.matcher(id).matches()) {
            return id;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }

    /** A batch through an SDK {@code SqsClient}, its model classes and exceptions. */
    private record ThroughSdkClient(SqsClient client) implements SqsBatchSend {
        @Override
        public List<Failure> send(String queueUrl, List<Entry> entries) {
            List<SendMessageBatchRequestEntry> sdkEntries = entries.stream().map(e -> SendMessageBatchRequestEntry.builder()
                    .id(e.id()).messageBody(e.body()).messageGroupId(e.groupId()).messageDeduplicationId(e.deduplicationId())
                    .build()).toList();
            SendMessageBatchResponse r;
            try {
                r = client.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(sdkEntries));
            } catch (SdkException | UncheckedIOException e) {
                // UncheckedIOException: the URL-connection HTTP client's way of saying the connection was lost mid-call.
                throw new QueueUnavailableException("the queue did not take " + entries.size() + " messages: " + e.getMessage(), e);
            }
            if (!r.hasFailed()) {
                return List.of();
            }
            return r.failed().stream().map(f -> new Failure(f.id(), Boolean.TRUE.equals(f.senderFault()), f.code(), f.message())).toList();
        }
    }
}
