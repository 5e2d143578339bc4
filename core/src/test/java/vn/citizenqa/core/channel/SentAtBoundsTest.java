package vn.citizenqa.core.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.ConversationKey;

class SentAtBoundsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private final SentAtBounds bounds = new SentAtBounds(Duration.ofHours(3), Duration.ofMinutes(5),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static InboundMessage.Text sentAt(Instant at) {
        return new InboundMessage.Text(new ConversationKey(Channel.ZALO, "oa-1", "user-1"), "z1", at, "xin chào");
    }

    @Test
    void aPlausibleTimestampIsKept() {
        InboundMessage.Text m = sentAt(NOW.minus(Duration.ofMinutes(90)));
        assertSame(m, bounds.bound(m));
        InboundMessage.Text skewed = sentAt(NOW.plus(Duration.ofMinutes(4)));
        assertSame(skewed, bounds.bound(skewed));
    }

    @Test
    void aTimestampAYearAheadIsTakenAsReceivedNow() {
        assertEquals(NOW, bounds.bound(sentAt(NOW.plus(Duration.ofDays(365)))).sentAt());
    }

    @Test
    void theLargestTimestampAPlatformCanSendIsTakenAsReceivedNow() {
        assertEquals(NOW, bounds.bound(sentAt(Instant.ofEpochMilli(Long.MAX_VALUE))).sentAt());
    }

    @Test
    void aTimestampOlderThanTheReplayWindowIsTakenAsReceivedNowWithItsWordsKept() {
        InboundMessage.FromCitizen bounded = bounds.bound(sentAt(Instant.EPOCH));
        assertEquals(NOW, bounded.sentAt());
        assertEquals("xin chào", ((InboundMessage.Text) bounded).text());
        assertEquals("z1", bounded.messageId());
    }
}
