package vn.citizenqa.core.store;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * How long things are kept and how days are counted.
 *
 * @param conversationRetention how long conversation messages (the only place raw text is kept) and state live
 * @param claimRetention        how long a message claim is remembered; longer than any platform redelivers
 * @param claimLease            how long a delivery may work on a message before a redelivery may take it over
 *                              (a crashed or timed-out delivery must not block the message forever)
 * @param countingZone          the zone whose calendar days the daily counters use
 */
public record StoreSettings(Duration conversationRetention, Duration claimRetention, Duration claimLease,
                            ZoneId countingZone) {

    public static final Duration DEFAULT_CONVERSATION_RETENTION = Duration.ofDays(180);
    public static final Duration DEFAULT_CLAIM_RETENTION = Duration.ofDays(30);
    public static final Duration DEFAULT_CLAIM_LEASE = Duration.ofSeconds(60);
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    public StoreSettings {
        requirePositive(conversationRetention, "conversationRetention");
        requirePositive(claimRetention, "claimRetention");
        requirePositive(claimLease, "claimLease");
        Objects.requireNonNull(countingZone, "countingZone");
    }

    public static StoreSettings defaults() {
        return new StoreSettings(DEFAULT_CONVERSATION_RETENTION, DEFAULT_CLAIM_RETENTION, DEFAULT_CLAIM_LEASE, VIETNAM);
    }

    public StoreSettings withConversationRetention(Duration retention) {
        return new StoreSettings(retention, claimRetention, claimLease, countingZone);
    }

    public StoreSettings withClaimLease(Duration lease) {
        return new StoreSettings(conversationRetention, claimRetention, lease, countingZone);
    }

    /** When a claim made at {@code now} expires (whole seconds: DynamoDB's TTL is in epoch seconds). */
    public Instant claimExpiry(Instant now) {
        return now.plus(claimRetention).truncatedTo(ChronoUnit.SECONDS);
    }

    /** When a conversation message written at {@code at}, or conversation state saved then, expires. */
    public Instant conversationExpiry(Instant at) {
        return at.plus(conversationRetention).truncatedTo(ChronoUnit.SECONDS);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
