package vn.citizenqa.core.store;

import java.util.List;
import java.util.Objects;

import vn.citizenqa.core.channel.OutboundReply;
import vn.citizenqa.core.model.Action;
import vn.citizenqa.core.model.EscalationKind;
import vn.citizenqa.core.model.Intent;

/**
 * What was decided for a message, kept on its claim so that a redelivery sends exactly this reply, and writes the
 * same records, without deciding again. The claim expires like the conversation.
 */
public sealed interface ReplyDraft {

    /** What the message was taken for. */
    Intent intent();

    /**
     * A reply to send, kept verbatim (text and options, as drafted for the citizen's channel).
     *
     * @param procedureId  the answered procedure for ANSWER, else null
     * @param candidateIds the candidates offered (for CLARIFY: in the order shown)
     * @param escalation   why officers take it, for ESCALATE, else null
     * @param choice       whether the message picked one of the candidates offered just before
     */
    record Send(Intent intent, Action action, OutboundReply reply, String procedureId, List<String> candidateIds,
                EscalationKind escalation, boolean choice) implements ReplyDraft {
        public Send {
            Objects.requireNonNull(intent, "intent");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(reply, "reply");
            candidateIds = candidateIds == null ? List.of() : List.copyOf(candidateIds);
            if ((action == Action.ESCALATE) != (escalation != null)) {
                throw new IllegalArgumentException("an escalation is given exactly for ESCALATE");
            }
        }

        public String text() {
            return reply.text();
        }
    }

    /**
     * Recorded but not answered: the citizen is past the per-minute limit and was already told, or another app holds
     * the thread (standby), or there is nothing to say.
     *
     * @param escalation why officers take it all the same (an emergency, a report or a scam on standby), else null:
     *                   kept so that a redelivery after a crash still opens the case
     */
    record Withheld(Intent intent, EscalationKind escalation) implements ReplyDraft {
        public Withheld {
            Objects.requireNonNull(intent, "intent");
        }

        /** Withheld with nothing for officers. */
        public Withheld(Intent intent) {
            this(intent, null);
        }
    }
}
