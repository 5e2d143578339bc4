package vn.citizenqa.core.officer;

import java.time.Instant;
import java.util.Objects;

import vn.citizenqa.core.model.Channel;

/**
 * Until when, and how, an officer's reply can reach the citizen, as of one moment.
 *
 * @param lastCitizenMessageAt when the citizen last wrote; the windows run from it
 * @param standardUntil        end of the standard window
 * @param deadline             the last moment any reply can go out (after {@code standardUntil} only as a human agent)
 */
public record ReplyWindow(Channel channel, Instant lastCitizenMessageAt, ReplyMode mode, Instant standardUntil,
                          Instant deadline) {

    public ReplyWindow {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(lastCitizenMessageAt, "lastCitizenMessageAt");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(standardUntil, "standardUntil");
        Objects.requireNonNull(deadline, "deadline");
    }

    public boolean isOpen() {
        return mode != ReplyMode.CLOSED;
    }
}
