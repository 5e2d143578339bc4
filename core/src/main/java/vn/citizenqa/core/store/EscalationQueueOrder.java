package vn.citizenqa.core.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import vn.citizenqa.core.model.Keys;
import vn.citizenqa.core.model.Priority;

/**
 * The order of a unit's queue (most urgent first, then oldest first) as one sortable string, and the opaque
 * cursor built from it. Shared by every store so that their order and cursors agree.
 */
public final class EscalationQueueOrder {

    private static final DateTimeFormatter SORTABLE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern SORT_KEY = Pattern.compile("[1-9]#\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z#[^#]{1," + Keys.MAX_ID_LENGTH + "}");

    private EscalationQueueOrder() {
    }

    /** A fixed-width UTC time (milliseconds), so that string order is time order. */
    public static String sortableTime(Instant t) {
        return SORTABLE_TIME.format(t.truncatedTo(ChronoUnit.MILLIS));
    }

    /** {@code <rank>#<created>#<id>}; URGENT ranks 1. */
    public static String sortKey(Priority priority, Instant createdAt, String id) {
        return (priority.ordinal() + 1) + "#" + sortableTime(createdAt) + "#" + id;
    }

    public static String sortKey(Escalation e) {
        return sortKey(e.priority(), e.createdAt(), e.id());
    }

    public static String cursorAfter(Escalation last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey(last).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The sort key a cursor continues after.
     *
     * @throws IllegalArgumentException when it is not a cursor the store issued
     */
    public static String sortKeyOf(String cursor) {
        String key;
        try {
            key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid cursor", e);
        }
        if (!SORT_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("invalid cursor");
        }
        return key;
    }

    /**
     * Checks a queue query and returns the sort key to continue after (null for the first page).
     *
     * @throws IllegalArgumentException for a bad limit or a cursor no store issued
     */
    public static String checkQuery(EscalationStatus status, String cursor, int limit) {
        Objects.requireNonNull(status, "status");
        if (limit < 1 || limit > Escalations.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("limit must be 1.." + Escalations.MAX_PAGE_SIZE + ": " + limit);
        }
        return cursor == null ? null : sortKeyOf(cursor);
    }

    /** A page from up to {@code limit + 1} escalations in queue order: the extra one only tells that more follow. */
    public static EscalationQueuePage page(List<Escalation> upToOneMore, int limit) {
        if (upToOneMore.size() <= limit) {
            return new EscalationQueuePage(upToOneMore, null);
        }
        List<Escalation> shown = upToOneMore.subList(0, limit);
        return new EscalationQueuePage(shown, cursorAfter(shown.getLast()));
    }
}
