package vn.citizenqa.core.store;

import java.time.Duration;

/**
 * Officers' replies by their {@code Idempotency-Key}: the first request with a key takes it and sends; every later
 * request with that key (a double click, a browser's retry, twenty at once) gets what the first one sent, and nothing
 * goes out again. A key is remembered for {@link #RETENTION}.
 */
public interface ReplyRequests {

    /** How long a key is remembered: far longer than any client retries a request. */
    Duration RETENTION = Duration.ofHours(24);

    /** Takes the key of this escalation for a new send, or says which request has it and how far it got. */
    ReplyRequest begin(String escalationId, String key);

    /** Stores what the request that took the key sent; later requests with the key get it. */
    void complete(String escalationId, String key, String token, SentReply sent);

    /** Frees the key: nothing was sent, so a later request with it may send. */
    void abandon(String escalationId, String key, String token);
}
