package vn.citizenqa.functions.aws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import vn.citizenqa.core.queue.QueueUnavailableException;
import vn.citizenqa.functions.queue.SqsBatchSend;

/**
 * The webhook's one SQS call, {@code SendMessageBatch}, in SQS's JSON protocol over {@link AwsJsonHttp}, the body written
 * and the answer read with Jackson's streaming parser: no class of the SDK's model or exceptions is loaded (they were
 * about 75 classes of the webhook's first request). The request body is byte for byte what {@link SqsOverHttp} writes
 * from the SDK's model (a test compares them); as there, the MD5 SQS returns for each sent body is checked against the
 * body sent, a mismatch failing the send (the message may be damaged).
 */
public final class SqsSendOverHttp implements SqsBatchSend {

    private static final JsonFactory JSON = new JsonFactory();

    private final AwsJsonHttp http;

    public SqsSendOverHttp(AwsJsonHttp http) {
        this.http = http;
    }

    @Override
    public List<Failure> send(String queueUrl, List<Entry> entries) {
        AwsJsonHttp.Answer answer;
        try {
            answer = http.call("SendMessageBatch", body(queueUrl, entries), Map.of());
        } catch (AwsJsonHttp.Unreachable e) {
            throw new QueueUnavailableException("the queue did not take " + entries.size() + " messages: " + e.getMessage(), e);
        }
        return switch (answer) {
            case AwsJsonHttp.Answer.Refused r -> throw new QueueUnavailableException("the queue did not take " + entries.size()
                    + " messages: " + r.code() + " " + r.message() + " (Service: Sqs, Status Code: " + r.status() + ", Request ID: "
                    + r.requestId() + ")");
            case AwsJsonHttp.Answer.Ok ok -> failures(ok.body(), entries);
        };
    }

    /** The request body: the members in the order of the SDK's model, as {@link SdkPojoJson} writes them. */
    static byte[] body(String queueUrl, List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("QueueUrl", queueUrl);
            g.writeArrayFieldStart("Entries");
            for (Entry e : entries) {
                g.writeStartObject();
                g.writeStringField("Id", e.id());
                g.writeStringField("MessageBody", e.body());
                if (e.deduplicationId() != null) {
                    g.writeStringField("MessageDeduplicationId", e.deduplicationId());
                }
                if (e.groupId() != null) {
                    g.writeStringField("MessageGroupId", e.groupId());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a request body", e); // into memory: cannot happen
        }
        return out.toByteArray();
    }

    /** The entries SQS did not take; every taken one's MD5 checked against its body. */
    static List<Failure> failures(byte[] answer, List<Entry> entries) {
        Map<String, String> sent = new HashMap<>();
        entries.forEach(e -> sent.put(e.id(), e.body()));
        List<Failure> failed = new ArrayList<>();
        try (JsonParser p = JSON.createParser(answer)) {
            if (answer.length == 0) {
                return failed;
            }
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new QueueUnavailableException("the queue's answer to SendMessageBatch is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_ARRAY && (name.equals("Successful") || name.equals("Failed"))) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        Map<String, String> entry = members(p);
                        if (name.equals("Successful")) {
                            requireMd5(sent.get(entry.get("Id")), entry.get("MD5OfMessageBody"), entry.get("MessageId"));
                        } else {
                            failed.add(new Failure(entry.get("Id"), "true".equals(entry.get("SenderFault")), entry.get("Code"),
                                    entry.get("Message")));
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new QueueUnavailableException("the queue's answer to SendMessageBatch is not JSON: " + e.getMessage(), e);
        }
        return failed;
    }

    /** An entry's scalar members as text ({@code true}/{@code false} for booleans); nested values skipped. */
    private static Map<String, String> members(JsonParser p) throws IOException {
        Map<String, String> m = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (t.isScalarValue() && t != JsonToken.VALUE_NULL) {
                m.put(name, p.getText());
            } else {
                p.skipChildren();
            }
        }
        return m;
    }

    private static void requireMd5(String body, String md5FromSqs, String messageId) {
        if (!md5Matches(body, md5FromSqs)) {
            throw new QueueUnavailableException("the queue did not take the message as sent: MD5 returned by SQS does not match "
                    + "the calculation on the original request (message " + messageId + ")");
        }
    }

    /** Whether the MD5 SQS computed of a sent body is that body's (true when either is missing: nothing to check). */
    static boolean md5Matches(String body, String md5FromSqs) {
        if (body == null || md5FromSqs == null) {
            return true;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)))
                    .equalsIgnoreCase(md5FromSqs);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is always there", e);
        }
    }
}
