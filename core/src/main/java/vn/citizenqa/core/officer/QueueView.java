package vn.citizenqa.core.officer;

import java.util.List;

import vn.citizenqa.core.store.EscalationStatus;

/** One page of a unit's queue; {@code nextCursor} is null on the last page. */
public record QueueView(String unit, EscalationStatus status, List<EscalationSummary> escalations, String nextCursor) {

    public QueueView {
        escalations = List.copyOf(escalations);
    }
}
