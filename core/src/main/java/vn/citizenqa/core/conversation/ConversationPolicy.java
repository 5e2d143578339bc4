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
import vn.citizenqa.core.model.Decision;
import vn.citizenqa.core.model.EscalationKind;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.model.Language;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.model.Reply;
import vn.citizenqa.core.store.Author;
import vn.citizenqa.core.store.ConversationKey;
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

    /** A decision and the counters it adds. */
    private record Decided(Decision decision, List<Counter> counters) {
    }

    /** The turn of a message met for the first time. */
    public Turn turn(Incoming in) {
        Decided decided = decide(in);
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
        return records(in, draft, decided.counters(), decided.decision().candidates());
    }

    /** The turn of a message already decided (its draft stored): the same records, nothing counted again. */
    public Turn resumed(Incoming in, ReplyDraft stored) {
        List<Candidate> candidates = stored instanceof ReplyDraft.Send s ? s.candidateIds().stream()
                .map(id -> new Candidate(id, knowledge.find(id).map(Procedure::title).orElse(id), 0.0)).toList()
                : List.of();
        return records(in, stored, List.of(), candidates);
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
        OutboundReply clean = new OutboundReply(echoes.clean(drafted.text(), citizenText(in.message())),
                drafted.options());
        return new ReplyDraft.Send(d.intent(), d.action(), clean, d.procedure() == null ? null : d.procedure().id(),
                d.candidates().stream().map(Candidate::id).toList(), d.escalation(), d.answersAChoice());
    }

    private Decided decide(Incoming in) {
        return switch (in.message()) {
            case InboundMessage.Follow f -> new Decided(chat(new Reply.Welcome(in.page().displayName())), List.of());
            case InboundMessage.Choice c when GET_STARTED.equals(c.payload()) ->
                    new Decided(chat(new Reply.Welcome(in.page().displayName())), List.of());
            case InboundMessage.Text t -> fromWords(t.text(), in.state());
            case InboundMessage.Choice c -> fromWords(c.payload(), in.state());
            case InboundMessage.Attachment a -> a.caption() != null ? fromWords(a.caption(), in.state())
                    : fromAttachment(a, in);
        };
    }

    private Decided fromWords(String text, ConversationState state) {
        Optional<Procedure> last = knowledge.find(state.lastProcedureId());
        if (last.isPresent()) {
            Optional<Feedback> feedback = Feedback.of(text);
            if (feedback.isPresent()) {
                return switch (feedback.get()) {
                    case HELPFUL -> new Decided(chat(new Reply.ThanksForFeedback()), List.of());
                    case WRONG -> new Decided(escalate(Intent.PROCEDURE, new EscalationKind.WrongAnswer(),
                            new Reply.WrongAnswerPassedOn()), List.of(Counter.ESCALATED));
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

    // ---- records ----

    private Turn records(Incoming in, ReplyDraft draft, List<Counter> counters, List<Candidate> candidates) {
        InboundMessage.FromCitizen m = in.message();
        ConversationKey conversation = m.from();
        boolean choice = draft instanceof ReplyDraft.Send s && s.choice();
        List<ConversationMessage> messages = new ArrayList<>();
        messages.add(ConversationMessage.fromCitizen(conversation, m.messageId(), in.at(), citizenText(m),
                new ConversationMessage.TakenAs(draft.intent(), choice)));
        Optional<NewEscalation> escalation = Optional.empty();
        if (draft instanceof ReplyDraft.Send s) {
            messages.add(ConversationMessage.of(conversation, "reply-" + m.messageId(), in.at().plusMillis(1),
                    Author.ASSISTANT, null, s.text()));
            if (s.escalation() != null) {
                escalation = Optional.of(escalation(in, s, candidates));
            }
        }
        return new Turn(draft, counters, messages, next(in, draft), escalation);
    }

    private NewEscalation escalation(Incoming in, ReplyDraft.Send s, List<Candidate> candidates) {
        InboundMessage.FromCitizen m = in.message();
        Exchanges.Exchange about = (s.escalation() instanceof EscalationKind.WrongAnswer ? Exchanges.lastBefore(m, in.earlier().get())
                : Optional.<Exchanges.Exchange>empty())
                .orElse(new Exchanges.Exchange(m.messageId(), in.at(), citizenText(m), s.text()));
        MessageKey key = s.escalation() instanceof EscalationKind.Flood ? floodKey(m.from(), in.at())
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
        Instant lastUser = m instanceof InboundMessage.Follow ? state.lastUserMessageAt()
                : latest(state.lastUserMessageAt(), m.sentAt());
        return new ConversationState(state.key(), in.page().unit(), lastProcedure, offered, lastUser);
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
        };
    }
}
