package vn.citizenqa.functions.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import vn.citizenqa.core.queue.QueueSettings;
import vn.citizenqa.functions.queue.SqsMessageQueue;
import vn.citizenqa.functions.queue.SqsSettings;

/**
 * A real SQS-compatible server for the tests: {@code SQS_ENDPOINT} if set; else LocalStack through Testcontainers when a
 * Docker engine answers (the container the DynamoDB tests use); else ElasticMQ started inside the test JVM on a free
 * loopback port (one per JVM, shared by every test class). Queues are made as template.yaml makes them: a
 * FIFO queue whose redrive policy moves a message to its dead-letter queue after the maximum receives.
 */
public final class SqsTestServer {

    private static final AtomicInteger QUEUES = new AtomicInteger();
    private static SqsTestServer instance;

    private final URI endpoint;
    private final String description;
    private final SqsClient client;

    /** A queue and its dead-letter queue. */
    public record TestQueue(String url, String deadLetterUrl) {
    }

    SqsTestServer(URI endpoint, String description) {
        this.endpoint = endpoint;
        this.description = description;
        this.client = SqsMessageQueue.client(settings("http://unused/queue.fifo"));
    }

    /** The server, started on first use. */
    public static synchronized SqsTestServer get() {
        if (instance == null) {
            String configured = System.getenv("SQS_ENDPOINT");
            Optional<URI> localstack = configured != null && !configured.isBlank() ? Optional.empty() : LocalStack.endpoint();
            instance = configured != null && !configured.isBlank()
                    ? new SqsTestServer(URI.create(configured), "SQS_ENDPOINT=" + configured)
                    : localstack.map(at -> new SqsTestServer(at, LocalStack.describe(at))).orElseGet(SqsTestServer::startElasticMq);
            System.out.println("[SqsTestServer] SQS tests run against " + instance.description);
        }
        return instance;
    }

    private static SqsTestServer startElasticMq() {
        int port = freePort();
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(port)
                .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
                .withAWSRegion("ap-southeast-1")
                .start();
        server.waitUntilStarted();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stopAndWait, "stop-elasticmq"));
        return new SqsTestServer(URI.create("http://127.0.0.1:" + port), "ElasticMQ on 127.0.0.1:" + port);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for ElasticMQ", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public String description() {
        return description;
    }

    public SqsClient client() {
        return client;
    }

    /** The settings the functions read from {@code QUEUE_URL} and {@code SQS_ENDPOINT} for this server. */
    public SqsSettings settings(String queueUrl) {
        return SqsSettings.fromEnvironment(Map.of("QUEUE_URL", queueUrl, "SQS_ENDPOINT", endpoint.toString(),
                "AWS_REGION", "ap-southeast-1")).orElseThrow();
    }

    /** A new FIFO queue with its dead-letter queue, named for no other test. */
    public TestQueue createQueue(QueueSettings settings) {
        String name = "citizen-qa-test-" + QUEUES.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String dlq = client.createQueue(b -> b.queueName(name + "-dlq.fifo")
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
        String dlqArn = client.getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String url = client.createQueue(b -> b.queueName(name + ".fifo").attributes(Map.of(
                QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(settings.retryDelay().toSeconds()),
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\""
                        + settings.maxReceives() + "\"}"))).queueUrl();
        return new TestQueue(url, dlq);
    }

    /** The messages a queue holds, visible or in flight (ApproximateNumberOfMessages + …NotVisible). */
    public int depth(String queueUrl) {
        Map<QueueAttributeName, String> a = client.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Integer.parseInt(a.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"))
                + Integer.parseInt(a.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
    }
}
