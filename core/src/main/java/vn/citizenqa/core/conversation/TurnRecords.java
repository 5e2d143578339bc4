package vn.citizenqa.core.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.model.Action;
import vn.citizenqa.core.model.Candidate;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.model.EscalationKind;
import vn.citizenqa.core.store.Author;
import vn.citizenqa.core.store.CaseRef;
import vn.citizenqa.core.store.ConversationMessage;
import vn.citizenqa.core.store.ConversationState;
import vn.citizenqa.core.store.Counter;
import vn.citizenqa.core.store.MessageKey;
import vn.citizenqa.core.store.NewEscalation;
import vn.citizenqa.core.store.ReplyDraft;

/**
 * The records a turn writes, the same whether the message is met for the first time or resumed from its stored draft:
 * the citizen's message (with what it was taken for), the reply, the conversation's next state, the case officers
 * get. Every record is keyed by the message, so writing them again changes nothing.
 */
final class TurnRecords {

    private TurnRecords() {
    }

    /**
     * @param standby   the escalation of an emergency or report delivered on standby (its draft is withheld)
     * @param opensCase whether the message opened a case that later locations and contact details join
     */
    static Turn of(Incoming in, ReplyDraft draft, List<Counter> counters, List<Candidate> candidates,
                   Optional<NewEscalation> standby, Optional<Turn.CaseJoin> join, boolean opensCase) {
        InboundMessage.FromCitizen m = in.message();
        ConversationKey conversation = m.from();
        boolean choice = draft instanceof ReplyDraft.Send s && s.choice();
        List<ConversationMessage> messages = new ArrayList<>();
        messages.add(ConversationMessage.fromCitizen(conversation, m.messageId(), in.at(), citizenText(m),
                new ConversationMessage.TakenAs(draft.intent(), choice)));
        Optional<NewEscalation> escalation = standby;
        if (draft instanceof ReplyDraft.Send s) {
            messages.add(ConversationMessage.of(conversation, "reply-" + m.messageId(), in.at().plusMillis(1),
                    Author.ASSISTANT, null, s.text()));
            if (s.escalation() != null) {
                escalation = Optional.of(escalation(in, s, candidates));
            }
        }
        ConversationState next = next(in, draft);
        if (opensCase) {
            next = new ConversationState(next.key(), next.unit(), next.lastProcedureId(), next.lastCandidateIds(),
                    next.lastUserMessageAt(), new CaseRef(NewEscalation.idFor(new MessageKey(m.from().channel(), m.messageId())),
                            draft.intent(), in.at()));
        }
        return new Turn(draft, counters, messages, next, escalation, join);
    }

    private static NewEscalation escalation(Incoming in, ReplyDraft.Send s, List<Candidate> candidates) {
        InboundMessage.FromCitizen m = in.message();
        Exchanges.Exchange about = (s.escalation() instanceof EscalationKind.WrongAnswer ? Exchanges.lastBefore(m, in.earlier().get())
                : Optional.<Exchanges.Exchange>empty())
                .orElse(new Exchanges.Exchange(m.messageId(), in.at(), citizenText(m), s.text()));
        MessageKey key = s.escalation() instanceof EscalationKind.Flood ? ConversationPolicy.floodKey(m.from(), in.at())
                : new MessageKey(m.from().channel(), m.messageId());
        return new NewEscalation(NewEscalation.idFor(key), in.page().unit(), m.from(), about.questionId(),
                about.questionAt(), s.escalation().priority(), s.escalation().reason(), s.intent(), about.question(),
                about.answer(), candidates);
    }

    private static ConversationState next(Incoming in, ReplyDraft draft) {
        ConversationState state = in.state();
        String lastProcedure = state.lastProcedureId();
        List<String> offered = List.of();
        if (draft instanceof ReplyDraft.Send s) {
            if (s.action() == Action.ANSWER) {
                lastProcedure = s.procedureId();
            } else if (s.escalation() instanceof EscalationKind.WrongAnswer) {
                // The citizen said the answer was wrong: follow-ups must not build on it.
                lastProcedure = null;
            }
            offered = s.action() == Action.CLARIFY ? s.candidateIds() : List.of();
        }
        InboundMessage.FromCitizen m = in.message();
        // A reaction is not the citizen writing anew: the reply windows keep running from the last message.
        Instant lastUser = m instanceof InboundMessage.Follow || m instanceof InboundMessage.Reaction ? state.lastUserMessageAt()
                : latest(state.lastUserMessageAt(), m.sentAt());
        return new ConversationState(state.key(), in.page().unit(), lastProcedure, offered, lastUser, state.lastCase());
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /** The citizen's message as the conversation keeps it. */
    static String citizenText(InboundMessage.FromCitizen m) {
        return switch (m) {
            case InboundMessage.Text t -> t.text();
            case InboundMessage.Choice c -> c.title() != null ? c.title() : c.payload();
            case InboundMessage.Attachment a -> "[" + String.join(", ", a.kinds()) + "]" + (a.caption() != null ? " " + a.caption() : "");
            case InboundMessage.Follow f -> "[theo dõi trang]";
            case InboundMessage.Location l -> "[vị trí] " + l.point().text() + (l.placeName() != null ? " (" + l.placeName() + ")" : "")
                    + " " + l.point().mapLink();
            case InboundMessage.ContactDetails c -> "[thông tin liên hệ]" + part(" Họ tên: ", c.name())
                    + part(" Điện thoại: ", c.phone()) + part(" Địa chỉ: ", c.address());
            case InboundMessage.Edit e -> "[sửa tin] " + e.text();
            case InboundMessage.Reaction r -> switch (r.gesture()) {
                case APPROVAL -> "[thả cảm xúc: thích]";
                case DISAPPROVAL -> "[thả cảm xúc: không thích]";
                case OTHER -> "[thả cảm xúc]";
            };
            case InboundMessage.Standby s -> citizenText(s.message());
        };
    }

    private static String part(String label, String value) {
        return value == null ? "" : label + value;
    }
}
