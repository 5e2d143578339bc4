package vn.citizenqa.core.conversation;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.citizenqa.core.answer.DetailOption;
import vn.citizenqa.core.answer.Feedback;
import vn.citizenqa.core.answer.ReplyDrafter;
import vn.citizenqa.core.channel.ChannelCapability;
import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.channel.OutboundReply;
import vn.citizenqa.core.knowledge.KnowledgeBase;
import vn.citizenqa.core.model.Action;
import vn.citizenqa.core.model.Candidate;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.model.Decision;
import vn.citizenqa.core.model.EscalationKind;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.model.Language;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.model.Reply;
import vn.citizenqa.core.store.Author;
import vn.citizenqa.core.store.ConversationMessage;
import vn.citizenqa.core.store.ConversationState;
import vn.citizenqa.core.store.Counter;
import vn.citizenqa.core.store.MessageKey;
import vn.citizenqa.core.store.NewEscalation;
import vn.citizenqa.core.store.ReplyDraft;

/**
 * What a citizen's message comes to in its conversation: a welcome, feedback on the last answer, a detail of it, an
 * image joining a report, a flood paused, or the assistant's decision — drafted for the citizen's channel, with the
 * records and the escalation that follow. Pure: it reads what the {@link Incoming} carries and writes nothing, so it is tested
 * without a store; the {@link MessageIntake} carries the {@link Turn} out.
 */
public final class ConversationPolicy {

    /** The payload of Messenger's "Get Started" button, a page's first contact with a citizen: welcomed like a follow. */
    public static final String GET_STARTED = "GET_STARTED";
    /** How soon after a report an image or file is taken as part of it. */
    static final Duration REPORT_FOLLOW_UP = Duration.ofHours(1);
    private static final System.Logger LOG = System.getLogger("citizenqa.conversation");
    /** The knowledge base's procedure a plate look-up answers (how to look a plate up), for follow-ups. */
    public static final String PLATE_LOOKUP_PROCEDURE = "tra-cuu-phat-nguoi";

    private final Decider decider;
    private final KnowledgeBase knowledge;
    private final ReplyDrafter drafter;
    private final EchoGuard echoes;

    public ConversationPolicy(Decider decider, KnowledgeBase knowledge) {
        this.decider = decider;
        this.knowledge = knowledge;
        this.drafter = new ReplyDrafter(knowledge);
        this.echoes = new EchoGuard(knowledge);
    }

    /** Why an emergency or report delivered on standby escalated says so: no reply went out, another app answers. */
    static final String STANDBY_NOTE = " (tin nhắn ở chế độ chờ: ứng dụng khác đang giữ cuộc trò chuyện, trợ lý không trả lời)";

    /** The turn of a message met for the first time. */
    public Turn turn(Incoming in) {
        if (in.message() instanceof InboundMessage.Standby s) {
            return onStandby(in, s);
        }
        Decided decided = decide(in);
        if (decided.silent()) {
            return TurnRecords.of(in, new ReplyDraft.Withheld(decided.decision().intent()), List.of(), List.of(), Optional.empty(),
                    decided.join(), false);
        }
        ReplyDraft draft;
        // A flood pauses automatic answers, but every message is still triaged: an emergency is never withheld.
        if (in.rate() != MessageRate.WITHIN && decided.decision().intent() != Intent.EMERGENCY) {
            if (in.rate() == MessageRate.JUST_EXCEEDED && !in.floodReported()) {
                decided = new Decided(escalate(Intent.OUT_OF_SCOPE, new EscalationKind.Flood(), new Reply.Paused()),
                        List.of(Counter.ESCALATED));
                draft = draft(in, decided.decision());
            } else {
                decided = new Decided(decided.decision(), List.of());
                draft = new ReplyDraft.Withheld(decided.decision().intent());
            }
        } else {
            draft = draft(in, decided.decision());
        }
        return TurnRecords.of(in, draft, decided.counters(), decided.decision().candidates(), Optional.empty(), decided.join(),
                CaseFollowUps.opensCase(decided.decision()) && draft instanceof ReplyDraft.Send);
    }

    /**
     * Another app holds the thread: nothing is sent, but an emergency or a report escalates as it would (its reason
     * saying so) and a location or contact details still join the open case.
     */
    private Turn onStandby(Incoming in, InboundMessage.Standby s) {
        Decided decided = decide(in.about(s.message()));
        Decision d = decided.decision();
        if (!CaseFollowUps.opensCase(d)) {
            return TurnRecords.of(in, new ReplyDraft.Withheld(d.intent()), List.of(), List.of(), Optional.empty(),
                    decided.join(), false);
        }
        ReplyDraft.Withheld draft = new ReplyDraft.Withheld(d.intent(), d.escalation());
        return TurnRecords.of(in, draft, decided.counters(), d.candidates(),
                Optional.of(standbyEscalation(in, draft, d.candidates())), decided.join(), true);
    }

    /** The case a withheld emergency, report or scam on standby opens: its reason says no reply went out. */
    private static NewEscalation standbyEscalation(Incoming in, ReplyDraft.Withheld draft, List<Candidate> candidates) {
        InboundMessage.FromCitizen m = in.message();
        return new NewEscalation(NewEscalation.idFor(new MessageKey(m.from().channel(), m.messageId())),
                in.page().unit(), m.from(), m.messageId(), in.at(), draft.escalation().priority(),
                draft.escalation().reason() + STANDBY_NOTE, draft.intent(), TurnRecords.citizenText(m), "", candidates);
    }

    /**
     * The turn of a message already decided (its draft stored): the same records, the case it opened included (a
     * crash may have come before they were written), nothing counted again.
     */
    public Turn resumed(Incoming in, ReplyDraft stored) {
        return switch (stored) {
            case ReplyDraft.Send s -> {
                List<Candidate> candidates = s.candidateIds().stream()
                        .map(id -> new Candidate(id, knowledge.find(id).map(Procedure::title).orElse(id), 0.0)).toList();
                yield TurnRecords.of(in, s, List.of(), candidates, Optional.empty(), CaseFollowUps.join(in),
                        CaseFollowUps.opensCase(s.escalation()));
            }
            case ReplyDraft.Withheld w when w.escalation() != null -> TurnRecords.of(in, w, List.of(), List.of(),
                    Optional.of(standbyEscalation(in, w, List.of())), CaseFollowUps.join(in),
                    CaseFollowUps.opensCase(w.escalation()));
            case ReplyDraft.Withheld w -> TurnRecords.of(in, w, List.of(), List.of(), Optional.empty(),
                    CaseFollowUps.join(in), false);
        };
    }

    /** The one flood escalation of this citizen and hour (by the message's own time, the same on redelivery). */
    public static MessageKey floodKey(ConversationKey c, Instant at) {
        return new MessageKey(c.channel(), "rate-limit:" + c.pageId() + ":" + c.userId() + ":"
                + at.truncatedTo(ChronoUnit.HOURS));
    }

    private ReplyDraft draft(Incoming in, Decision d) {
        OutboundReply drafted = drafter.draft(d.reply(), d.language(),
                ChannelCapability.of(in.message().from().channel()));
        // Whatever path made the reply, it never repeats a link or number the citizen typed.
        OutboundReply clean = new OutboundReply(echoes.clean(drafted.text(), TurnRecords.citizenText(in.message())),
                drafted.options());
        return new ReplyDraft.Send(d.intent(), d.action(), clean, d.procedure() == null ? null : d.procedure().id(),
                d.candidates().stream().map(Candidate::id).toList(), d.escalation(), d.answersAChoice());
    }

    private Decided decide(Incoming in) {
        return switch (in.message()) {
            case InboundMessage.Follow f -> new Decided(chat(new Reply.Welcome(in.page().displayName())), List.of());
            case InboundMessage.Choice c when ChoiceWords.isGetStarted(c) ->
                    new Decided(chat(new Reply.Welcome(in.page().displayName())), List.of());
            case InboundMessage.Text t -> withPlates(fromWords(t.text(), in.state()), in);
            // A payload we did not make (a page's menu, another tool's quick reply) is read by what the citizen saw.
            case InboundMessage.Choice c -> withPlates(fromWords(ChoiceWords.of(c), in.state()), in);
            case InboundMessage.Attachment a when a.caption() != null -> withPlates(fromWords(a.caption(), in.state()), in);
            // A sticker right after an answer is the citizen's nod, not a question to ask words for.
            case InboundMessage.Attachment a when a.onlyReactions() && in.state().lastProcedureId() != null ->
                    new Decided(chat(new Reply.ThanksForFeedback()), List.of());
            case InboundMessage.Attachment a -> fromAttachment(a, in);
            case InboundMessage.Location l -> CaseFollowUps.location(l, in);
            case InboundMessage.ContactDetails c -> CaseFollowUps.contact(in);
            case InboundMessage.Edit e -> fromEdit(e, in);
            case InboundMessage.Reaction r -> fromReaction(r, in.state());
            case InboundMessage.Standby s -> decide(in.about(s.message()));
        };
    }

    /**
     * An edited message is read again: one that now reports an emergency or a crime escalates; one whose first words
     * were answered is not answered twice.
     */
    private Decided fromEdit(InboundMessage.Edit e, Incoming in) {
        Decided d = fromWords(e.text(), in.state());
        return CaseFollowUps.opensCase(d.decision()) || !in.answered().test(e.editedMessageId()) ? d : d.silenced();
    }

    /** A reaction right after an answer is the feedback its buttons give; any other says nothing to answer. */
    private static Decided fromReaction(InboundMessage.Reaction r, ConversationState state) {
        if (state.lastProcedureId() == null) {
            // A thumbs-up sticker sent on its own is a message like any sticker; a reaction put on a message is not.
            Decided ask = new Decided(chat(new Reply.AskForWords()), List.of());
            return r.reactedToId() == null ? ask : ask.silenced();
        }
        return switch (r.gesture()) {
            case APPROVAL -> new Decided(chat(new Reply.ThanksForFeedback()), List.of());
            case DISAPPROVAL -> wrongAnswer();
            case OTHER -> new Decided(chat(new Reply.ThanksForFeedback()), List.of()).silenced();
        };
    }

    private static Decided wrongAnswer() {
        return new Decided(escalate(Intent.PROCEDURE, new EscalationKind.WrongAnswer(), new Reply.WrongAnswerPassedOn()),
                List.of(Counter.ESCALATED));
    }

    private Decided fromWords(String text, ConversationState state) {
        Optional<Procedure> last = knowledge.find(state.lastProcedureId());
        if (last.isPresent()) {
            Optional<Feedback> feedback = Feedback.of(text);
            if (feedback.isPresent()) {
                return switch (feedback.get()) {
                    case HELPFUL -> new Decided(chat(new Reply.ThanksForFeedback()), List.of());
                    case WRONG -> wrongAnswer();
                };
            }
            // A detail offered under the answer, tapped or typed as offered: that field of the same procedure.
            Optional<DetailOption> detail = DetailOption.of(text);
            if (detail.isPresent()) {
                Procedure p = last.get();
                return new Decided(new Decision(Intent.PROCEDURE, Action.ANSWER, p.ref(),
                        List.of(new Candidate(p.id(), p.title(), 1.0)), 1.0, null,
                        new Reply.ProcedureDetail(p, detail.get().field()), Language.VIETNAMESE),
                        List.of(Counter.QUESTIONS, Counter.ANSWERED));
            }
        }
        try {
            Decision d = decider.decide(text, state.context());
            return new Decided(d, counters(d));
        } catch (RuntimeException e) {
            // Whatever the words did to the assistant, the citizen is not left without an answer and the platform
            // is not made to deliver the same message forever: an officer reads it.
            LOG.log(Level.ERROR, "the assistant failed on a message of " + text.length() + " characters; handed to officers", e);
            return new Decided(escalate(Intent.PROCEDURE, new EscalationKind.Unreadable(), new Reply.PassedToOfficers()),
                    List.of(Counter.QUESTIONS, Counter.ESCALATED));
        }
    }

    /**
     * A message naming plates is answered from the camera-recorded violations — with the procedure it also asked
     * about, if the assistant answered one — unless it reports an emergency or a crime, or says the last answer was
     * wrong: those stay with officers.
     */
    private Decided withPlates(Decided decided, Incoming in) {
        Decision d = decided.decision();
        if (in.plates().isEmpty() || d.intent() == Intent.EMERGENCY || d.intent() == Intent.CRIME_REPORT
                || d.reply() instanceof Reply.WrongAnswerPassedOn) {
            return decided;
        }
        Optional<Procedure> asked = d.action() == Action.ANSWER && !PLATE_LOOKUP_PROCEDURE.equals(d.procedure().id())
                ? knowledge.find(d.procedure().id()) : Optional.empty();
        Optional<Procedure> about = asked.or(() -> knowledge.find(PLATE_LOOKUP_PROCEDURE));
        if (about.isEmpty()) {
            return decided; // a knowledge base without the look-up procedure: the assistant's answer stands
        }
        List<Counter> counted = new ArrayList<>(List.of(Counter.QUESTIONS, Counter.ANSWERED));
        in.plates().forEach(p -> counted.add(Counter.PLATE_LOOKUPS));
        return new Decided(new Decision(Intent.PROCEDURE, Action.ANSWER, about.get().ref(),
                List.of(new Candidate(about.get().id(), about.get().title(), 1.0)), 1.0, null,
                new Reply.PlateLookups(in.plates(), asked.orElse(null)), d.language()), counted);
    }

    private static Decided fromAttachment(InboundMessage.Attachment a, Incoming in) {
        if (!a.onlyReactions() && followsAReport(a, in)) {
            return new Decided(escalate(Intent.CRIME_REPORT, new EscalationKind.ReportAttachment(),
                    new Reply.AttachmentJoinsReport()), List.of(Counter.ESCALATED));
        }
        return new Decided(chat(new Reply.AskForWords()), List.of());
    }

    /** Whether the citizen's last words, shortly before, were taken for a report or an emergency (this file is evidence). */
    private static boolean followsAReport(InboundMessage.Attachment a, Incoming in) {
        List<ConversationMessage> recent = in.earlier().get();
        for (int i = recent.size() - 1; i >= 0; i--) {
            ConversationMessage c = recent.get(i);
            if (c.author() != Author.CITIZEN || c.id().equals(a.messageId())) {
                continue;
            }
            if (c.at().isBefore(in.at().minus(REPORT_FOLLOW_UP))) {
                return false;
            }
            if (c.takenAs() != null && c.takenAs().report()) {
                return true;
            }
        }
        return false;
    }

    private static Decision chat(Reply reply) {
        return new Decision(Intent.SMALL_TALK, Action.CHAT, null, List.of(), 1.0, null, reply, Language.VIETNAMESE);
    }

    private static Decision escalate(Intent intent, EscalationKind kind, Reply reply) {
        return new Decision(intent, Action.ESCALATE, null, List.of(), 1.0, kind, reply, Language.VIETNAMESE);
    }

    private static List<Counter> counters(Decision d) {
        List<Counter> c = new ArrayList<>();
        c.add(Counter.QUESTIONS);
        switch (d.action()) {
            case ANSWER -> c.add(Counter.ANSWERED);
            case CLARIFY -> c.add(Counter.CLARIFIED);
            case ESCALATE -> c.add(Counter.ESCALATED);
            default -> {
            }
        }
        if (d.intent() == Intent.CRIME_REPORT) {
            c.add(Counter.CRIME_REPORTS);
        } else if (d.intent() == Intent.EMERGENCY) {
            c.add(Counter.EMERGENCIES);
        }
        return c;
    }
}
