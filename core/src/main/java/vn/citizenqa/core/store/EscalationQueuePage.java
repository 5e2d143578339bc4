package vn.citizenqa.core.store;

import java.util.List;

/**
 * One page of a unit's queue.
 *
 * @param nextCursor opaque; pass it to get the next page; null on the last page
 */
public record EscalationQueuePage(List<Escalation> escalations, String nextCursor) {

    public EscalationQueuePage {
        escalations = List.copyOf(escalations);
    }
}
