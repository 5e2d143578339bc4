package vn.citizenqa.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every store does with officers' idempotency keys; run against each store by extending this class. */
public abstract class ReplyRequestsContract {

    private static final Instant START = Instant.parse("2026-12-01T02:00:00Z");
    private MutableClock clock;
    private ReplyRequests requests;

    protected abstract Store newStore(MutableClock clock, StoreSettings settings);

    @BeforeEach
    void freshStore() {
        clock = new MutableClock(START);
        requests = newStore(clock, StoreSettings.defaults()).replyRequests();
    }

    private static final SentReply SENT = new SentReply("m_officer_1", START.plusSeconds(1), "STANDARD");

    @Test
    void theFirstRequestTakesTheKeyAndLaterOnesGetWhatItSent() {
        ReplyRequest first = requests.begin("esc-1", "key-1");
        String token = assertInstanceOf(ReplyRequest.Taken.class, first).token();
        assertInstanceOf(ReplyRequest.InFlight.class, requests.begin("esc-1", "key-1"), "while it sends");

        requests.complete("esc-1", "key-1", token, SENT);

        assertEquals(new ReplyRequest.Completed(SENT), requests.begin("esc-1", "key-1"));
        assertInstanceOf(ReplyRequest.Taken.class, requests.begin("esc-1", "key-2"), "another key is another reply");
        assertInstanceOf(ReplyRequest.Taken.class, requests.begin("esc-2", "key-1"), "keys belong to one escalation");
    }

    @Test
    void anAbandonedKeyMayBeTakenAgainButNotByItsOldToken() {
        String token = ((ReplyRequest.Taken) requests.begin("esc-1", "key-1")).token();
        requests.abandon("esc-1", "key-1", token);
        String again = assertInstanceOf(ReplyRequest.Taken.class, requests.begin("esc-1", "key-1")).token();

        requests.complete("esc-1", "key-1", token, SENT);
        assertInstanceOf(ReplyRequest.InFlight.class, requests.begin("esc-1", "key-1"), "the old token changes nothing");
        requests.complete("esc-1", "key-1", again, SENT);
        assertEquals(new ReplyRequest.Completed(SENT), requests.begin("esc-1", "key-1"));
    }

    @Test
    void aKeyIsForgottenAfterItsRetention() {
        String token = ((ReplyRequest.Taken) requests.begin("esc-1", "key-1")).token();
        requests.complete("esc-1", "key-1", token, SENT);
        clock.advance(ReplyRequests.RETENTION.plusMinutes(1));
        assertInstanceOf(ReplyRequest.Taken.class, requests.begin("esc-1", "key-1"));
    }

    @Test
    void ofTwentyRequestsAtOnceWithOneKeyExactlyOneTakesIt() throws Exception {
        List<ReplyRequest> results = StoreContract.concurrently(20, i -> requests.begin("esc-1", "key-1"));
        assertEquals(1, results.stream().filter(r -> r instanceof ReplyRequest.Taken).count(), results.toString());
        assertEquals(19, results.stream().filter(r -> r instanceof ReplyRequest.InFlight).count(), results.toString());
    }
}
