package vn.citizenqa.core.channel;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Keeps a platform's timestamp within what a genuine delivery can carry: no earlier than the replay window before
 * now and no later than a few minutes of clock skew after. Outside that (a signed event a year ahead, {@code Long.MAX},
 * a replay) the message is taken as sent when it was received, so that retention, reply windows and daily counts run
 * from a time that happened. Clamped, not refused: the citizen is still answered, and the log says so.
 */
public final class SentAtBounds {

    /** How far ahead of our clock a platform's may run. */
    public static final Duration DEFAULT_SKEW = Duration.ofMinutes(5);
    private static final System.Logger SECURITY = vn.citizenqa.core.logging.DeferredLogger.of("citizenqa.security");

    private final Duration replayWindow;
    private final Duration skew;
    private final Clock clock;

    /** @param replayWindow how old a timestamp may be (a platform's whole retry schedule); zero for no lower bound */
    public SentAtBounds(Duration replayWindow, Duration skew, Clock clock) {
        this.replayWindow = Objects.requireNonNull(replayWindow, "replayWindow");
        this.skew = Objects.requireNonNull(skew, "skew");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The message as given when its time is plausible (or absent); else the same message sent now. */
    public InboundMessage.FromCitizen bound(InboundMessage.FromCitizen m) {
        Instant at = m.sentAt();
        if (at == null) {
            return m;
        }
        Instant now = clock.instant();
        boolean ahead = at.isAfter(now.plus(skew));
        boolean old = !replayWindow.isZero() && at.isBefore(now.minus(replayWindow));
        if (!ahead && !old) {
            return m;
        }
        SECURITY.log(Level.WARNING, "{0} message {1}: the platform''s timestamp {2} is {3} (now {4}); taken as received now",
                m.from().channel().wireName(), m.messageId(), at, ahead ? "ahead of the clock skew" : "older than the replay window",
                now);
        return sentAt(m, now);
    }

    private static InboundMessage.FromCitizen sentAt(InboundMessage.FromCitizen m, Instant at) {
        return switch (m) {
            case InboundMessage.Text t -> new InboundMessage.Text(t.from(), t.messageId(), at, t.text());
            case InboundMessage.Choice c -> new InboundMessage.Choice(c.from(), c.messageId(), at, c.payload(), c.title());
            case InboundMessage.Attachment a -> new InboundMessage.Attachment(a.from(), a.messageId(), at, a.kinds(), a.caption());
            case InboundMessage.Follow f -> new InboundMessage.Follow(f.from(), f.messageId(), at);
            case InboundMessage.Location l -> new InboundMessage.Location(l.from(), l.messageId(), at, l.point(), l.placeName());
            case InboundMessage.ContactDetails c -> new InboundMessage.ContactDetails(c.from(), c.messageId(), at, c.name(),
                    c.phone(), c.address());
            case InboundMessage.Edit e -> new InboundMessage.Edit(e.from(), e.messageId(), at, e.editedMessageId(), e.text());
            case InboundMessage.Reaction r -> new InboundMessage.Reaction(r.from(), r.messageId(), at, r.gesture(), r.reactedToId());
            case InboundMessage.Standby s -> new InboundMessage.Standby(sentAt(s.message(), at));
        };
    }
}
