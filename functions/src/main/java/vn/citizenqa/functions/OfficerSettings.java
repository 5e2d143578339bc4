package vn.citizenqa.functions;

import java.time.Duration;
import java.util.Map;

import vn.citizenqa.core.officer.ReplyWindows;
import vn.citizenqa.core.violations.ViolationImport;

/**
 * The officer function's configuration from its environment.
 *
 * @param zaloReplyWindow {@code ZALO_REPLY_WINDOW_HOURS} (default 48): how long after a citizen's last message an
 *                        officer may still answer on Zalo. The platform's rule could not be confirmed (sources
 *                        disagree), so it is a setting, not a constant.
 */
public record OfficerSettings(Duration zaloReplyWindow, Duration paidViolationRetention) {

    public static final String ZALO_REPLY_WINDOW_HOURS = "ZALO_REPLY_WINDOW_HOURS";
    /** How many days an imported paid violation is kept (answered as paid) before it expires; default 90. */
    public static final String PAID_VIOLATION_RETENTION_DAYS = "PAID_VIOLATION_RETENTION_DAYS";

    public static OfficerSettings from(Map<String, String> env) {
        return new OfficerSettings(zaloWindow(env), paidRetention(env));
    }

    /** {@value #PAID_VIOLATION_RETENTION_DAYS}: 1 to 3650 days, {@link ViolationImport#DEFAULT_PAID_RETENTION} unset. */
    public static Duration paidRetention(Map<String, String> env) {
        String days = env.get(PAID_VIOLATION_RETENTION_DAYS);
        if (days == null || days.isBlank()) {
            return ViolationImport.DEFAULT_PAID_RETENTION;
        }
        try {
            long d = Long.parseLong(days.strip());
            if (d >= 1 && d <= 3650) {
                return Duration.ofDays(d);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(PAID_VIOLATION_RETENTION_DAYS + " must be a whole number of days from 1 to "
                + "3650, not '" + days + "'");
    }

    private static Duration zaloWindow(Map<String, String> env) {
        String hours = env.get(ZALO_REPLY_WINDOW_HOURS);
        if (hours == null || hours.isBlank()) {
            return ReplyWindows.DEFAULT_ZALO_WINDOW;
        }
        try {
            long h = Long.parseLong(hours.strip());
            if (h >= 1 && h <= 24 * 365) {
                return Duration.ofHours(h);
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
