package vn.citizenqa.functions.queue;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where the queue is: {@code QUEUE_URL} (the queue's URL; a {@code .fifo} name is a FIFO queue), and for a local
 * SQS-compatible server (ElasticMQ, LocalStack) {@code SQS_ENDPOINT}; the region as the store reads it.
 *
 * @param endpoint null for AWS itself
 */
public record SqsSettings(String queueUrl, URI endpoint, String region) {

    /**
     * @return empty when {@code QUEUE_URL} is not set (the local runner then uses its in-process queue)
     * @throws IllegalArgumentException naming the variable whose value is wrong
     */
    public static Optional<SqsSettings> fromEnvironment(Map<String, String> env) {
        String url = blankToNull(env.get("QUEUE_URL"));
        if (url == null) {
            return Optional.empty();
        }
        requireUrl("QUEUE_URL", url, "https://sqs.ap-southeast-1.amazonaws.com/123456789012/citizen-qa-messages.fifo");
        String endpoint = blankToNull(env.get("SQS_ENDPOINT"));
        if (endpoint != null) {
            requireUrl("SQS_ENDPOINT", endpoint, "http://127.0.0.1:9324");
        }
        String region = Optional.ofNullable(blankToNull(env.get("AWS_REGION")))
                .or(() -> Optional.ofNullable(blankToNull(env.get("AWS_DEFAULT_REGION"))))
                .orElse("ap-southeast-1");
        return Optional.of(new SqsSettings(url, endpoint == null ? null : URI.create(endpoint), region));
    }

    public boolean fifo() {
        return queueUrl.endsWith(".fifo");
    }

    private static void requireUrl(String name, String value, String example) {
        try {
            URI u = URI.create(value);
            if (u.getScheme() != null && u.getHost() != null) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new IllegalArgumentException(name + " must be a URL like " + example + ", not: " + value);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
