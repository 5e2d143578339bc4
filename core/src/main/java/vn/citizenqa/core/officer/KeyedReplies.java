package vn.citizenqa.core.officer;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import vn.citizenqa.core.store.ReplyRequest;
import vn.citizenqa.core.store.ReplyRequests;
import vn.citizenqa.core.store.SentReply;
import vn.citizenqa.core.store.StoreUnavailableException;

/**
 * An officer's reply sent at most once per idempotency key: the first request with the key sends, every repeat gets
 * that first outcome without sending, and a repeat arriving while the first is sending waits for it (a double click,
 * a browser's retry or twenty at once give the citizen one message).
 */
final class KeyedReplies {

    static final int KEY_LIMIT = 100;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{1," + KEY_LIMIT + "}");
    /** How long a repeat waits for the first request of its key: longer than a channel call with its retry takes. */
    static final Duration REPEAT_WAIT = Duration.ofSeconds(25);
    private static final Duration REPEAT_POLL = Duration.ofMillis(100);
    private static final System.Logger LOG = System.getLogger("citizenqa.officer");

    private final ReplyRequests requests;

    KeyedReplies(ReplyRequests requests) {
        this.requests = requests;
    }

    /** The key as given, stripped; null for none; refused when it is not 1–{@value #KEY_LIMIT} allowed characters. */
    static String key(String given) {
        String k = RequestFields.blankToNull(given);
        if (k == null) {
            return null;
        }
        k = k.strip();
        if (!KEY.matcher(k).matches()) {
            throw new OfficerRequestRefused(new Refusal.InvalidRequest("the Idempotency-Key header must be 1-" + KEY_LIMIT
                    + " letters, digits, '-', '_', '.' or ':' (a UUID serves)"));
        }
        return k;
    }

    /**
     * Sends once for {@code key} of escalation {@code id}.
     *
     * @param send     sends and records; refused or unavailable before anything went out
     * @param repeated the outcome a repeat gets from what the first request sent
     */
    ReplyOutcome once(String id, String key, Supplier<ReplyOutcome> send, Function<SentReply, ReplyOutcome> repeated) {
        String token = null;
        long deadline = System.nanoTime() + REPEAT_WAIT.toNanos();
        while (token == null) {
            switch (requests.begin(id, key)) {
                case ReplyRequest.Taken t -> token = t.token();
                case ReplyRequest.Completed c -> {
                    return repeated.apply(c.sent());
                }
                case ReplyRequest.InFlight f -> {
                    if (System.nanoTime() > deadline) {
                        throw new OfficerRequestRefused(new Refusal.ReplyInProgress(key));
                    }
                    pause();
                }
            }
        }
        ReplyOutcome outcome;
        try {
            outcome = send.get();
        } catch (OfficerRequestRefused | StoreUnavailableException refusedBeforeSending) {
            // Nothing went out (a send records nothing before the channel takes the reply): the key is free again.
            abandon(id, key, token);
            throw refusedBeforeSending;
        }
        Delivery d = outcome.delivery();
        try {
            requests.complete(id, key, token, new SentReply(d.platformMessageId(), d.sentAt(), d.mode().name()));
        } catch (StoreUnavailableException ex) {
            // Sent and answered; a repeat of the key finds it in flight and is refused, never sent again.
            LOG.log(System.Logger.Level.WARNING, "escalation {0}: reply sent, but its idempotency key could not be marked done ({1})",
                    id, ex.getMessage());
        }
        return outcome;
    }

    private void abandon(String id, String key, String token) {
        try {
            requests.abandon(id, key, token);
        } catch (StoreUnavailableException ex) {
            // The key stays in flight: its repeats are refused rather than sent.
            LOG.log(System.Logger.Level.WARNING, "escalation {0}: idempotency key not freed ({1})", id, ex.getMessage());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(REPEAT_POLL);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a reply with the same key", ex);
        }
    }
}
