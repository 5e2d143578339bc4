package vn.citizenqa.functions;

import java.time.Duration;
import java.util.Map;

import vn.citizenqa.core.officer.ReplyWindows;

/**
 * The officer function's configuration from its environment.
 *
 * @param zaloReplyWindow {@code ZALO_REPLY_WINDOW_HOURS} (default 48): how long after a citizen's last message an
 *                        officer may still answer on Zalo. The platform's rule could not be confirmed (sources
 *                        disagree), so it is a setting, not a constant.
 */
public record OfficerSettings(Duration zaloReplyWindow) {

    public static final String ZALO_REPLY_WINDOW_HOURS = "ZALO_REPLY_WINDOW_HOURS";

    public static OfficerSettings from(Map<String, String> env) {
        String hours = env.get(ZALO_REPLY_WINDOW_HOURS);
        if (hours == null || hours.isBlank()) {
            return new OfficerSettings(ReplyWindows.DEFAULT_ZALO_WINDOW);
        }
        try {
            long h = Long.parseLong(hours.strip());
            if (h >= 1 && h <= 24 * 365) {
                return new OfficerSettings(Duration.ofHours(h));
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(ZALO_REPLY_WINDOW_HOURS + " must be a whole number of hours from 1 to 8760, not '"
                + hours + "'");
    }

    public ReplyWindows replyWindows() {
        return new ReplyWindows(zaloReplyWindow);
    }
}
