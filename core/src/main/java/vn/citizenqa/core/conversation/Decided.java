package vn.citizenqa.core.conversation;

import java.util.List;
import java.util.Optional;

import vn.citizenqa.core.model.Decision;
import vn.citizenqa.core.store.Counter;

/**
 * A decision, the counters it adds, what joins an open case, and whether the citizen is to get no reply (a reaction
 * that says nothing, an edit of a message already answered).
 */
record Decided(Decision decision, List<Counter> counters, Optional<Turn.CaseJoin> join, boolean silent) {

    Decided {
        counters = List.copyOf(counters);
    }

    Decided(Decision decision, List<Counter> counters) {
        this(decision, counters, Optional.empty(), false);
    }

    Decided silenced() {
        return new Decided(decision, List.of(), join, true);
    }
}
