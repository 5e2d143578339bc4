package vn.citizenqa.core.conversation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import vn.citizenqa.core.store.CaseAddition;
import vn.citizenqa.core.store.ConversationMessage;
import vn.citizenqa.core.store.ConversationState;
import vn.citizenqa.core.store.Counter;
import vn.citizenqa.core.store.NewEscalation;
import vn.citizenqa.core.store.ReplyDraft;

/**
 * What one message comes to, decided by the {@link ConversationPolicy} and carried out by the {@link MessageIntake}:
 * the draft kept on the message's claim, the unit's counters it adds (counted once), and the records written. Every
 * record is keyed by the message, so writing them again on a redelivery changes nothing.
 *
 * @param messages   the citizen's message and the reply, as the conversation keeps them
 * @param next       the conversation's state after this message
 * @param escalation the case officers get, if any
 * @param join       a location or contact details joining an open case, if any
 */
public record Turn(ReplyDraft draft, List<Counter> counters, List<ConversationMessage> messages,
                   ConversationState next, Optional<NewEscalation> escalation, Optional<CaseJoin> join) {

    public Turn {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(escalation, "escalation");
        Objects.requireNonNull(join, "join");
        counters = List.copyOf(counters);
        messages = List.copyOf(messages);
    }

    public Turn(ReplyDraft draft, List<Counter> counters, List<ConversationMessage> messages, ConversationState next,
                Optional<NewEscalation> escalation) {
        this(draft, counters, messages, next, escalation, Optional.empty());
    }

    /** What joins the case an earlier emergency or report opened: written with the escalations' shared rules. */
    public record CaseJoin(String escalationId, CaseAddition addition) {
        public CaseJoin {
            Objects.requireNonNull(escalationId, "escalationId");
            Objects.requireNonNull(addition, "addition");
        }
    }
}
