package vn.citizenqa.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.citizenqa.core.model.Action;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.Intent;

/** How every store marks a send in progress before the channel is called; run against each store by extending it. */
public abstract class ClaimSendingContract {

    private MutableClock clock;
    private MessageClaims claims;
    private final MessageKey key = new MessageKey(Channel.ZALO, "z-sending");
    private final ReplyDraft draft = new ReplyDraft.Send(Intent.SMALL_TALK, Action.CHAT, vn.citizenqa.core.channel.OutboundReply.text("Chào bạn"), null, List.of(), null, false);

    protected abstract Store newStore(MutableClock clock, StoreSettings settings);

    @BeforeEach
    void freshStore() {
        clock = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));
        claims = newStore(clock, StoreSettings.defaults()).messages();
    }

    private MessageClaim decided() {
        MessageClaim c = ((ClaimResult.New) claims.claim(key)).claim();
        claims.markDecided(key, c.owner(), draft);
        return c;
    }

    @Test
    void aSendIsMarkedInProgressAndAReceiveAfterItsLeaseResumesItAsSuch() {
        MessageClaim c = decided();
        MessageClaim sending = assertInstanceOf(ClaimUpdate.Applied.class, claims.markSending(key, c.owner())).claim();
        assertEquals(MessageState.SENDING, sending.state());
        assertInstanceOf(ClaimResult.InProgress.class, claims.claim(key), "within the send's lease");

        clock.advance(StoreSettings.DEFAULT_CLAIM_LEASE.plusSeconds(1));
        MessageClaim resumed = assertInstanceOf(ClaimResult.Resumed.class, claims.claim(key)).claim();
        assertEquals(MessageState.SENDING, resumed.state(), "a later receive knows a send may have happened");
        assertEquals(draft, resumed.draft());
    }

    @Test
    void onlyOneMoreSendCanBeMarkedAndAnyOfThemMarkedSent() {
        MessageClaim c = decided();
        claims.markSending(key, c.owner());
        clock.advance(StoreSettings.DEFAULT_CLAIM_LEASE.plusSeconds(1));
        MessageClaim again = ((ClaimResult.Resumed) claims.claim(key)).claim();
        assertEquals(MessageState.SENDING_AGAIN,
                assertInstanceOf(ClaimUpdate.Applied.class, claims.markSending(key, again.owner())).claim().state());
        assertInstanceOf(ClaimUpdate.Refused.class, claims.markSending(key, again.owner()), "never a third");
        assertInstanceOf(ClaimUpdate.Refused.class, claims.markSent(key, c.owner(), "mid.1"), "the old owner's lease is gone");
        assertEquals(MessageState.SENT, assertInstanceOf(ClaimUpdate.Applied.class,
                claims.markSent(key, again.owner(), "mid.2")).claim().state());
    }

    @Test
    void aSendThatProvablyFailedIsUndoneAndTheNextReceiveMaySendAtOnce() {
        MessageClaim c = decided();
        claims.markSending(key, c.owner());
        assertEquals(MessageState.DECIDED, assertInstanceOf(ClaimUpdate.Applied.class, claims.markNotSent(key, c.owner()))
                .claim().state());
        MessageClaim next = assertInstanceOf(ClaimResult.Resumed.class, claims.claim(key), "the lease ended with it").claim();
        assertEquals(MessageState.DECIDED, next.state());
        claims.markSending(key, next.owner());
        clock.advance(StoreSettings.DEFAULT_CLAIM_LEASE.plusSeconds(1));
        MessageClaim again = ((ClaimResult.Resumed) claims.claim(key)).claim();
        claims.markSending(key, again.owner());
        assertEquals(MessageState.SENDING, ((ClaimUpdate.Applied) claims.markNotSent(key, again.owner())).claim().state(),
                "a failed one more send leaves the earlier unknown one on record");
    }

    @Test
    void nothingUndecidedCanBeMarkedSending() {
        MessageClaim c = ((ClaimResult.New) claims.claim(key)).claim();
        assertInstanceOf(ClaimUpdate.Refused.class, claims.markSending(key, c.owner()));
        assertInstanceOf(ClaimUpdate.Refused.class, claims.markSending(key, "someone-else"));
    }
}
