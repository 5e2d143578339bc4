package vn.citizenqa.core.officer;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import vn.citizenqa.core.model.Channel;

/**
 * The channels' rules for replying to a citizen, counted from the citizen's last message. Messenger: a normal
 * response for 24 hours, then a human agent's tagged reply up to 7 days (Meta's policy). Zalo: free replies
 * within a window the reference could not confirm (48 hours in the sources found), so it is a setting.
 */
public final class ReplyWindows {

    public static final Duration MESSENGER_STANDARD = Duration.ofHours(24);
    public static final Duration MESSENGER_HUMAN_AGENT = Duration.ofDays(7);
    public static final Duration DEFAULT_ZALO_WINDOW = Duration.ofHours(48);

    private final Duration zaloWindow;

    public ReplyWindows(Duration zaloWindow) {
        Objects.requireNonNull(zaloWindow, "zaloWindow");
        if (zaloWindow.isNegative() || zaloWindow.isZero()) {
            throw new IllegalArgumentException("the Zalo reply window must be positive: " + zaloWindow);
        }
        this.zaloWindow = zaloWindow;
    }

    public static ReplyWindows defaults() {
        return new ReplyWindows(DEFAULT_ZALO_WINDOW);
    }

    /** The window as of {@code now} for a citizen who last wrote at {@code lastCitizenMessageAt}. */
    public ReplyWindow at(Channel channel, Instant lastCitizenMessageAt, Instant now) {
        Instant standardUntil = lastCitizenMessageAt.plus(switch (channel) {
            case MESSENGER -> MESSENGER_STANDARD;
            case ZALO -> zaloWindow;
        });
        Instant deadline = switch (channel) {
            case MESSENGER -> lastCitizenMessageAt.plus(MESSENGER_HUMAN_AGENT);
            case ZALO -> standardUntil;
        };
        ReplyMode mode = !now.isAfter(standardUntil) ? ReplyMode.STANDARD
                : !now.isAfter(deadline) ? ReplyMode.HUMAN_AGENT : ReplyMode.CLOSED;
        return new ReplyWindow(channel, lastCitizenMessageAt, mode, standardUntil, deadline);
    }

    /** Why a closed window refuses a reply, in words an officer can act on. */
    public String whyClosed(ReplyWindow window) {
        return switch (window.channel()) {
            case MESSENGER -> "the citizen last wrote at " + window.lastCitizenMessageAt()
                    + "; Messenger lets an officer reply for 7 days after the citizen's last message (until "
                    + window.deadline() + "). Nothing was sent: ask the citizen to write again, or contact them another way";
            case ZALO -> "the citizen last wrote at " + window.lastCitizenMessageAt() + "; Zalo replies are allowed for "
                    + zaloWindow.toHours() + " hours after the citizen's last message (until " + window.deadline()
                    + "). Nothing was sent: ask the citizen to write again, or contact them another way";
        };
    }
}
