package vn.citizenqa.core.store;

import java.time.Instant;

/** Where an officer's reply request of one idempotency key stands. */
public sealed interface ReplyRequest {

    /** The caller has the key: it sends, then {@code complete}s or (nothing sent) {@code abandon}s with the token. */
    record Taken(String token) implements ReplyRequest {
    }

    /**
     * Another request with the key is sending now (or stopped without saying: then whether it sent cannot be told,
     * and the key is never taken again).
     */
    record InFlight(Instant since) implements ReplyRequest {
    }

    /** The reply of this key went out: this is what was sent. */
    record Completed(SentReply sent) implements ReplyRequest {
    }
}
