package vn.citizenqa.core.store;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** One entry per escalation and key: in flight with its taker's token, or completed with what was sent. */
final class InProcessReplyRequests implements ReplyRequests {
    private record Entry(String token, Instant takenAt, SentReply sent, boolean abandoned, Instant expiresAt) {
    }

    private final ConcurrentHashMap<String, Entry> byKey = new ConcurrentHashMap<>();
    private final Supplier<Instant> clock;

    InProcessReplyRequests(Supplier<Instant> clock) {
        this.clock = clock;
    }

    @Override
    public ReplyRequest begin(String escalationId, String key) {
        Instant now = clock.get();
        AtomicReference<ReplyRequest> result = new AtomicReference<>();
        byKey.compute(escalationId + "#" + key, (k, cur) -> {
            if (cur == null || cur.abandoned() || !cur.expiresAt().isAfter(now)) {
                String token = RandomIds.newId();
                result.set(new ReplyRequest.Taken(token));
                return new Entry(token, now, null, false, now.plus(RETENTION));
            }
            result.set(cur.sent() != null ? new ReplyRequest.Completed(cur.sent()) : new ReplyRequest.InFlight(cur.takenAt()));
            return cur;
        });
        return result.get();
    }

    @Override
    public void complete(String escalationId, String key, String token, SentReply sent) {
        byKey.computeIfPresent(escalationId + "#" + key, (k, cur) -> cur.token().equals(token) && cur.sent() == null
                ? new Entry(token, cur.takenAt(), sent, false, cur.expiresAt()) : cur);
    }

    @Override
    public void abandon(String escalationId, String key, String token) {
        byKey.computeIfPresent(escalationId + "#" + key, (k, cur) -> cur.token().equals(token) && cur.sent() == null
                ? new Entry(token, cur.takenAt(), null, true, cur.expiresAt()) : cur);
    }
}
