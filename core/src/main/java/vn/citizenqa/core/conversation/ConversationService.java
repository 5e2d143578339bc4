package vn.citizenqa.core.conversation;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.citizenqa.core.answer.Replies;
import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.channel.OutboundReply;
import vn.citizenqa.core.channel.ReplyFailedException;
import vn.citizenqa.core.channel.ReplySender;
import vn.citizenqa.core.knowledge.KnowledgeBase;
import vn.citizenqa.core.model.Action;
import vn.citizenqa.core.model.Candidate;
import vn.citizenqa.core.model.Decision;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.model.Priority;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.store.Author;
import vn.citizenqa.core.store.CaseAddition;
import vn.citizenqa.core.store.CaseRef;
import vn.citizenqa.core.store.ClaimResult;
import vn.citizenqa.core.store.ClaimUpdate;
import vn.citizenqa.core.store.ConversationKey;
import vn.citizenqa.core.store.ConversationMessage;
import vn.citizenqa.core.store.ConversationState;
import vn.citizenqa.core.store.Counter;
import vn.citizenqa.core.store.MessageClaim;
import vn.citizenqa.core.store.MessageKey;
import vn.citizenqa.core.store.MessageState;
import vn.citizenqa.core.store.NewEscalation;
import vn.citizenqa.core.store.PageRegistration;
import vn.citizenqa.core.store.ReplyDraft;
import vn.citizenqa.core.store.Store;
import vn.citizenqa.core.store.StoreUnavailableException;

/**
 * The path of one citizen message: claim it → decide → record the decision (draft, conversation, escalation,
 * counters) → send → record the delivery. A redelivery resumes from what is stored: a DECIDED message has its
 * stored draft sent without deciding again; a SENT one is left alone. Store failures propagate
 * ({@code StoreUnavailableException}): nothing is acknowledged before it is durably recorded.
 */
public final class ConversationService {

    /** Why an escalation exists when the citizen said an answer was wrong. */
    public static final String WRONG_ANSWER_REASON = "người dân báo câu trả lời chưa đúng";
    static final String ATTACHMENT_REASON = "hình ảnh/tệp gửi kèm tin báo";
    /** Why an escalation exists when the assistant could not handle the words at all. */
    static final String UNREADABLE_REASON = "trợ lý không xử lý được tin nhắn này";
    /** How soon after a report an image, file or location is taken as part of it. */
    static final Duration REPORT_FOLLOW_UP = Duration.ofHours(1);
    /** How long after a report contact details the citizen sends join it (while the case is not closed). */
    static final Duration CONTACT_FOLLOW_UP = Duration.ofDays(1);
    /** Why a message on standby escalated says so: no reply went out, another app answers the thread. */
    static final String STANDBY_NOTE = " (tin nhắn ở chế độ chờ: ứng dụng khác đang giữ cuộc trò chuyện, trợ lý không trả lời)";
    private static final int RECENT = 10;
    /** Why an escalation exists when a citizen sent more messages in a minute than the limit allows. */
    public static final String RATE_LIMITED_REASON = "gửi quá nhiều tin nhắn trong một phút: tạm dừng trả lời tự động";
    private static final Duration POLL = Duration.ofMillis(100);
    private static final System.Logger LOG = System.getLogger("citizenqa.conversation");

    private final Decider decider;
    private final KnowledgeBase knowledge;
    private final Store store;
    private final ReplySender sender;
    private final Clock clock;
    private final ConversationLimits limits;
    private final EchoGuard echoes;

    public ConversationService(Decider decider, KnowledgeBase knowledge, Store store, ReplySender sender, Clock clock) {
        this(decider, knowledge, store, sender, clock, ConversationLimits.DEFAULT);
    }

    public ConversationService(Decider decider, KnowledgeBase knowledge, Store store, ReplySender sender, Clock clock,
                               ConversationLimits limits) {
        this.decider = decider;
        this.knowledge = knowledge;
        this.store = store;
        this.sender = sender;
        this.clock = clock;
        this.limits = limits;
        this.echoes = new EchoGuard(knowledge);
    }

    public Outcome handle(InboundMessage message) {
        return switch (message) {
            case InboundMessage.Ignored i -> {
                // The kind only: an ignored event may carry a citizen's words.
                LOG.log(Level.INFO, "{0} page {1}: {2} ignored", channelName(i.channel()), i.pageId(), i.kind());
                yield new Outcome.Ignored(i.kind());
            }
            case InboundMessage.PolicyEnforcement p -> {
                LOG.log(Level.WARNING, "{0} page {1}: the platform took a policy-enforcement action, {2}: {3}",
                        channelName(p.channel()), p.pageId(), p.action(), p.reason());
                yield new Outcome.Ignored("policy-enforcement:" + p.action());
            }
            case InboundMessage.FromCitizen m -> answer(m);
        };
    }

    private Outcome answer(InboundMessage.FromCitizen m) {
        ConversationKey conversation = m.from();
        Optional<PageRegistration> page = store.pages().find(conversation.channel(), conversation.pageId());
        if (page.isEmpty()) {
            LOG.log(Level.WARNING, "{0} page {1} is not in the page registry: message {2} not answered",
                    conversation.channel().wireName(), conversation.pageId(), m.messageId());
            return new Outcome.UnknownPage(conversation.channel(), conversation.pageId());
        }
        MessageKey key = new MessageKey(conversation.channel(), m.messageId());
        return switch (store.messages().claim(key)) {
            case ClaimResult.AlreadySent s -> new Outcome.AlreadyAnswered(m.messageId());
            case ClaimResult.InProgress p -> awaitOther(key, m.messageId());
            // Counted once, when first claimed: redeliveries of one message are not a flood.
            case ClaimResult.New n -> decideAndSend(m, page.get(), n.claim(), rate(m));
            case ClaimResult.Resumed r -> r.claim().state() == MessageState.RECEIVED
                    ? decideAndSend(m, page.get(), r.claim(), Rate.WITHIN)
                    : resend(m, page.get(), r.claim());
        };
    }

    /**
     * Another delivery holds the message: wait a little for it to be sent. A delivery that crashed after claiming
     * holds it until its lease runs out, and only a later redelivery can finish the work, so an answer short of SENT
     * asks for one ({@link Outcome.InProgress}) rather than acknowledging a message nobody will answer.
     */
    private Outcome awaitOther(MessageKey key, String messageId) {
        long deadline = System.nanoTime() + limits.inProgressWait().toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (store.messages().find(key).filter(c -> c.state() == MessageState.SENT).isPresent()) {
                return new Outcome.AlreadyAnswered(messageId);
            }
        }
        return new Outcome.InProgress(messageId);
    }

    /** Where a citizen's message stands against the per-minute limit. */
    private enum Rate {
        WITHIN,
        /** The first message past the limit: one notice, and officers are told. */
        JUST_EXCEEDED,
        /** Later messages past the limit: recorded, not answered. */
        EXCEEDED
    }

    /** Counts the message against the citizen's limit, on the store so that every container counts together. */
    private Rate rate(InboundMessage.FromCitizen m) {
        int limit = limits.messagesPerMinute();
        if (limit == 0) {
            return Rate.WITHIN;
        }
        long n = store.rates().count(m.from(), clock.instant(), limit + 1L);
        return n <= limit ? Rate.WITHIN : n == limit + 1L ? Rate.JUST_EXCEEDED : Rate.EXCEEDED;
    }

    /**
     * A decision and what follows from it for the records.
     *
     * @param join what joins an open case, or null
     */
    private record Turn(ReplyDraft draft, List<Candidate> candidates, List<Counter> counters, Join join) {

        Turn(ReplyDraft draft, List<Candidate> candidates, List<Counter> counters) {
            this(draft, candidates, counters, null);
        }

        Turn withReply(String reply) {
            ReplyDraft d = draft;
            return new Turn(new ReplyDraft(d.intent(), d.action(), reply, d.procedureId(), d.candidateIds(),
                    d.escalationPriority(), d.escalationReason()), candidates, counters, join);
        }
    }

    /** A location or contact details joining the case an earlier emergency or report opened. */
    private record Join(String escalationId, CaseAddition addition) {
    }

    private Outcome decideAndSend(InboundMessage.FromCitizen m, PageRegistration page, MessageClaim claim, Rate rate) {
        ConversationKey conversation = m.from();
        ConversationState state = store.conversations().state(conversation)
                .orElse(new ConversationState(conversation, page.unit(), null, List.of(), null));
        Instant at = at(m);
        Turn turn = decide(m, state, page, at);
        // A flood pauses automatic answers, but every message is still triaged: an emergency is never withheld.
        if (rate != Rate.WITHIN && turn.draft().intent() != Intent.EMERGENCY) {
            // Nothing is ever sent on standby, the notice included.
            turn = rate == Rate.JUST_EXCEEDED && !(m instanceof InboundMessage.Standby) ? rateLimited(m) : withheld();
        }
        // Whatever path made the reply, it never repeats a link or number the citizen typed.
        if (!turn.draft().isWithheld()) {
            turn = turn.withReply(echoes.clean(turn.draft().reply(), citizenText(m)));
        }
        if (store.messages().markDecided(claim.key(), claim.owner(), turn.draft()) instanceof ClaimUpdate.Refused) {
            // Our lease lapsed and a redelivery took the message over: it answers.
            return new Outcome.InProgress(m.messageId());
        }
        if (!turn.counters().isEmpty()) {
            store.counters().count(page.unit(), at, turn.counters().toArray(Counter[]::new));
        }
        record(m, page, state, turn.draft(), turn.candidates());
        if (turn.join() != null) {
            store.escalations().addToCase(turn.join().escalationId(), turn.join().addition());
            LOG.log(Level.INFO, "{0} {1}: joined escalation {2}", conversation.channel().wireName(), m.messageId(),
                    turn.join().escalationId());
        }
        LOG.log(Level.INFO, "{0} {1} on page {2}: {3} {4}", conversation.channel().wireName(), m.messageId(),
                conversation.pageId(), turn.draft().action(), detail(turn.draft()));
        return send(m, claim, turn.draft());
    }

    /** A DECIDED message delivered again: its records are made sure of (they are idempotent) and the draft sent. */
    private Outcome resend(InboundMessage.FromCitizen m, PageRegistration page, MessageClaim claim) {
        ReplyDraft draft = claim.draft();
        ConversationState state = store.conversations().state(m.from())
                .orElse(new ConversationState(m.from(), page.unit(), null, List.of(), null));
        List<Candidate> candidates = draft.candidateIds().stream()
                .map(id -> new Candidate(id, knowledge.find(id).map(Procedure::title).orElse(id), 0.0)).toList();
        record(m, page, state, draft, candidates);
        LOG.log(Level.INFO, "{0} {1}: sending the stored draft again", m.from().channel().wireName(), m.messageId());
        return send(m, claim, draft);
    }

    /**
     * The first message past the limit in a minute: a notice (with the emergency numbers, as the assistant will not
     * read what follows) and an escalation officers see; once an hour at most, so a long flood does not fill the
     * queue. The messages themselves stay in the conversation the escalation shows.
     */
    private Turn rateLimited(InboundMessage.FromCitizen m) {
        if (store.escalations().find(NewEscalation.idFor(rateLimitKey(m))).isPresent()) {
            return withheld();
        }
        LOG.log(Level.WARNING, "{0} page {1}: a citizen sent more than {2} messages in a minute; automatic replies "
                + "paused, officers told", m.from().channel().wireName(), m.from().pageId(), limits.messagesPerMinute());
        return new Turn(new ReplyDraft(Intent.OUT_OF_SCOPE, Action.ESCALATE, ConversationReplies.rateLimited(), null, List.of(),
                Priority.NORMAL, RATE_LIMITED_REASON), List.of(), List.of(Counter.ESCALATED));
    }

    /** The one rate-limit escalation of this citizen and hour (by the message's own time, the same on redelivery). */
    private MessageKey rateLimitKey(InboundMessage.FromCitizen m) {
        ConversationKey c = m.from();
        return new MessageKey(c.channel(), "rate-limit:" + c.pageId() + ":" + c.userId() + ":"
                + at(m).truncatedTo(java.time.temporal.ChronoUnit.HOURS));
    }

    private static Turn withheld() {
        return new Turn(ReplyDraft.withheld(), List.of(), List.of());
    }

    private Outcome send(InboundMessage.FromCitizen m, MessageClaim claim, ReplyDraft draft) {
        if (draft.isWithheld()) {
            store.messages().markSent(claim.key(), claim.owner(), "withheld");
            return new Outcome.Withheld(m.messageId());
        }
        OutboundReply reply = new OutboundReply(draft.reply(), ConversationReplies.options(draft, knowledge));
        String platformId;
        try {
            platformId = sender.send(m.from(), m.messageId(), reply);
        } catch (ReplyFailedException e) {
            store.messages().release(claim.key(), claim.owner());
            LOG.log(Level.WARNING, "{0} {1}: reply not sent ({2}); the platform will deliver it again",
                    m.from().channel().wireName(), m.messageId(), e.getMessage());
            return new Outcome.SendFailed(m.messageId(), e.getMessage());
        }
        String id = platformId == null || platformId.isBlank() ? "unknown" : platformId;
        try {
            if (store.messages().markSent(claim.key(), claim.owner(), id) instanceof ClaimUpdate.Refused) {
                LOG.log(Level.WARNING, "{0} {1}: sent, but the claim had been taken over before it was marked sent",
                        m.from().channel().wireName(), m.messageId());
            }
        } catch (StoreUnavailableException e) {
            // The citizen has the reply and everything else is recorded; asking the platform to deliver again now
            // would only send it twice. The claim stays DECIDED, which only a later duplicate delivery could see.
            LOG.log(Level.WARNING, "{0} {1}: sent, but the store could not mark it sent ({2}); acknowledged anyway",
                    m.from().channel().wireName(), m.messageId(), e.getMessage());
        }
        return new Outcome.Replied(m.messageId(), id);
    }

    private Turn decide(InboundMessage.FromCitizen m, ConversationState state, PageRegistration page, Instant at) {
        return switch (m) {
            case InboundMessage.Follow f -> chat(ConversationReplies.welcome(page.displayName(), knowledge));
            case InboundMessage.Choice c when ChoiceWords.isGetStarted(c) ->
                    chat(ConversationReplies.welcome(page.displayName(), knowledge));
            case InboundMessage.Text t -> fromWords(t.text(), state);
            case InboundMessage.Choice c -> fromWords(ChoiceWords.of(c), state);
            case InboundMessage.Attachment a when a.caption() != null -> fromWords(a.caption(), state);
            // A sticker right after an answer is the citizen's nod, not a question to ask words for.
            case InboundMessage.Attachment a when a.onlyReactions() && state.lastProcedureId() != null ->
                    chat(ConversationReplies.thanksForFeedback());
            case InboundMessage.Attachment a -> fromAttachment(a, at);
            case InboundMessage.Location l -> fromLocation(l, state, at);
            case InboundMessage.ContactDetails c -> fromContact(c, state, at);
            case InboundMessage.Edit e -> fromEdit(e, state);
            case InboundMessage.Reaction r -> fromReaction(r, state);
            case InboundMessage.Standby s -> onStandby(decide(s.message(), state, page, at));
        };
    }

    /** Within the window after an emergency or report the place joins its case; otherwise: what happens there? */
    private Turn fromLocation(InboundMessage.Location l, ConversationState state, Instant at) {
        Optional<CaseRef> open = openCase(state, at, REPORT_FOLLOW_UP);
        if (open.isEmpty()) {
            return chat(ConversationReplies.locationWhatHappens(l.placeName()));
        }
        CaseRef c = open.get();
        return new Turn(new ReplyDraft(c.intent(), Action.CHAT,
                ConversationReplies.locationJoinedCase(l.placeName(), c.intent() == Intent.EMERGENCY), null, List.of(), null, null),
                List.of(), List.of(), new Join(c.escalationId(), new CaseAddition.SharedLocation(l.messageId(), at, l.point(), l.placeName())));
    }

    /** Contact details join the open case; with none they stay on the conversation (its raw text) and are thanked for. */
    private Turn fromContact(InboundMessage.ContactDetails d, ConversationState state, Instant at) {
        Optional<CaseRef> open = openCase(state, at, CONTACT_FOLLOW_UP);
        if (open.isEmpty()) {
            return chat(ConversationReplies.contactKept());
        }
        CaseRef c = open.get();
        return new Turn(new ReplyDraft(c.intent(), Action.CHAT, ConversationReplies.contactJoinedCase(), null, List.of(), null, null),
                List.of(), List.of(), new Join(c.escalationId(),
                        new CaseAddition.SharedContact(d.messageId(), at, d.name(), d.phone(), d.address())));
    }

    /** The case the conversation's latest emergency or report opened, when recent enough and not closed. */
    private Optional<CaseRef> openCase(ConversationState state, Instant at, Duration window) {
        CaseRef c = state.lastCase();
        if (c == null || c.at().isBefore(at.minus(window))) {
            return Optional.empty();
        }
        return store.escalations().find(c.escalationId())
                .filter(e -> e.status() != vn.citizenqa.core.store.EscalationStatus.CLOSED).map(e -> c);
    }

    /**
     * An edited message is read again: one that now reports a crime or an emergency escalates; one whose first words
     * were answered is not answered twice.
     */
    private Turn fromEdit(InboundMessage.Edit e, ConversationState state) {
        Turn turn = fromWords(e.text(), state);
        if (opensCase(turn.draft())) {
            return turn;
        }
        boolean answered = store.messages().find(new MessageKey(e.from().channel(), e.editedMessageId()))
                .filter(c -> c.state() == MessageState.SENT).isPresent();
        return answered ? withheld() : turn;
    }

    /** A reaction right after an answer is the feedback its buttons give; any other says nothing to answer. */
    private Turn fromReaction(InboundMessage.Reaction r, ConversationState state) {
        if (state.lastProcedureId() == null) {
            // A thumbs-up sticker sent on its own is a message like any sticker; a reaction put on a message is not.
            return r.reactedToId() == null ? chat(ConversationReplies.askForWords()) : withheld();
        }
        return switch (r.gesture()) {
            case APPROVAL -> chat(ConversationReplies.thanksForFeedback());
            case DISAPPROVAL -> wrongAnswer();
            case OTHER -> withheld();
        };
    }

    /** Another app answers a thread on standby: nothing is sent, but an emergency or a report still reaches officers. */
    private static Turn onStandby(Turn turn) {
        ReplyDraft d = turn.draft();
        if (!opensCase(d)) {
            // A location or contact details still join the open case; only the reply is dropped.
            return new Turn(ReplyDraft.withheld(), List.of(), List.of(), turn.join());
        }
        String reason = (d.escalationReason() == null ? d.intent().name() : d.escalationReason()) + STANDBY_NOTE;
        return new Turn(new ReplyDraft(d.intent(), d.action(), ReplyDraft.WITHHELD, d.procedureId(), d.candidateIds(),
                d.escalationPriority(), reason), turn.candidates(), turn.counters(), turn.join());
    }

    /** Whether the draft escalates an emergency or a crime report: a case that later messages may join. */
    private static boolean opensCase(ReplyDraft d) {
        return d.action() == Action.ESCALATE && (d.intent() == Intent.EMERGENCY || d.intent() == Intent.CRIME_REPORT)
                && !ATTACHMENT_REASON.equals(d.escalationReason());
    }

    private Turn fromWords(String text, ConversationState state) {
        Optional<Feedback> feedback = state.lastProcedureId() == null ? Optional.empty() : Feedback.of(text);
        if (feedback.isPresent()) {
            return switch (feedback.get()) {
                case HELPFUL -> chat(ConversationReplies.thanksForFeedback());
                case WRONG -> wrongAnswer();
            };
        }
        Optional<Procedure> picked = CandidatePick.of(text, state.lastCandidateIds()).flatMap(knowledge::find);
        // A number right after a choice was offered is that choice, not words to search ("2" would find "mức 2").
        Decision d;
        try {
            d = picked.map(ConversationService::answerPicked).orElseGet(() -> decider.decide(text, state.context()));
        } catch (RuntimeException e) {
            // Whatever the words did to the assistant, the citizen is not left without an answer and the platform
            // is not made to deliver the same message forever: an officer reads it.
            LOG.log(Level.ERROR, "the assistant failed on a message of " + text.length() + " characters; handed to officers", e);
            return new Turn(new ReplyDraft(Intent.PROCEDURE, Action.ESCALATE, Replies.escalated(), null, List.of(),
                    Priority.NORMAL, UNREADABLE_REASON), List.of(), List.of(Counter.QUESTIONS, Counter.ESCALATED));
        }
        return new Turn(ReplyDraft.of(d), d.candidates(), counters(d));
    }

    private static Turn wrongAnswer() {
        return new Turn(new ReplyDraft(Intent.PROCEDURE, Action.ESCALATE, ConversationReplies.wrongAnswerEscalated(),
                null, List.of(), Priority.NORMAL, WRONG_ANSWER_REASON), List.of(), List.of(Counter.ESCALATED));
    }

    private static Decision answerPicked(Procedure p) {
        return new Decision(Intent.PROCEDURE, Action.ANSWER, p.ref(), List.of(new Candidate(p.id(), p.title(), 1.0)), 1.0, null,
                Replies.answer(p));
    }

    private Turn fromAttachment(InboundMessage.Attachment a, Instant at) {
        if (!a.onlyReactions() && followsAReport(a, at)) {
            return new Turn(new ReplyDraft(Intent.CRIME_REPORT, Action.ESCALATE, ConversationReplies.attachmentForReport(), null,
                    List.of(), Priority.HIGH, ATTACHMENT_REASON), List.of(), List.of(Counter.ESCALATED));
        }
        return chat(ConversationReplies.askForWords());
    }

    /** Whether the citizen's last words, shortly before, reported a crime or an emergency (this file is evidence). */
    private boolean followsAReport(InboundMessage.Attachment a, Instant at) {
        List<ConversationMessage> recent = store.conversations().recent(a.from(), RECENT);
        for (int i = recent.size() - 1; i >= 0; i--) {
            ConversationMessage c = recent.get(i);
            if (c.author() != Author.CITIZEN || c.id().equals(a.messageId())) {
                continue;
            }
            if (c.at().isBefore(at.minus(REPORT_FOLLOW_UP))) {
                return false;
            }
            Intent intent = decider.decide(c.text(), vn.citizenqa.core.model.ConversationContext.NONE).intent();
            if (intent == Intent.CRIME_REPORT || intent == Intent.EMERGENCY) {
                return true;
            }
        }
        return false;
    }

    private static Turn chat(String reply) {
        return new Turn(new ReplyDraft(Intent.SMALL_TALK, Action.CHAT, reply, null, List.of(), null, null), List.of(), List.of());
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

    /**
     * The conversation messages, the state for follow-ups and any escalation. Every write is keyed by the message,
     * so doing this again on a redelivery changes nothing.
     */
    private void record(InboundMessage.FromCitizen m, PageRegistration page, ConversationState state, ReplyDraft draft,
                        List<Candidate> candidates) {
        ConversationKey conversation = m.from();
        Instant at = at(m);
        var conversations = store.conversations();
        // The earlier exchange must be read before this message joins the conversation.
        Optional<Exchange> answered = WRONG_ANSWER_REASON.equals(draft.escalationReason()) ? lastExchange(m) : Optional.empty();
        conversations.append(ConversationMessage.of(conversation, m.messageId(), at, Author.CITIZEN, null, citizenText(m)));
        if (!draft.isWithheld()) {
            conversations.append(ConversationMessage.of(conversation, "reply-" + m.messageId(), at.plusMillis(1),
                    Author.ASSISTANT, null, draft.reply()));
        }
        conversations.saveState(next(state, page, draft, m));
        if (draft.action() == Action.ESCALATE) {
            Exchange about = answered.orElse(new Exchange(m.messageId(), at, citizenText(m), draft.reply()));
            MessageKey escalated = RATE_LIMITED_REASON.equals(draft.escalationReason()) ? rateLimitKey(m)
                    : new MessageKey(conversation.channel(), m.messageId());
            var created = store.escalations().create(new NewEscalation(NewEscalation.idFor(escalated),
                    page.unit(), conversation, about.questionId(), about.questionAt(), draft.escalationPriority(),
                    draft.escalationReason() == null ? draft.intent().name() : draft.escalationReason(), draft.intent(),
                    about.question(), about.answer(), candidates));
            if (created.created()) {
                LOG.log(Level.INFO, "escalation {0} ({1}) for unit {2}", created.escalation().id(), draft.escalationPriority(), page.unit());
            }
        }
    }

    /** A citizen's question and the assistant's answer to it. */
    private record Exchange(String questionId, Instant questionAt, String question, String answer) {
    }

    /** The last question the citizen asked before {@code m} and the answer it got, while the conversation keeps them. */
    private Optional<Exchange> lastExchange(InboundMessage.FromCitizen m) {
        List<ConversationMessage> recent = store.conversations().recent(m.from(), RECENT);
        String answer = null;
        for (int i = recent.size() - 1; i >= 0; i--) {
            ConversationMessage c = recent.get(i);
            if (c.id().equals(m.messageId()) || c.id().equals("reply-" + m.messageId())) {
                continue;
            }
            if (c.author() == Author.ASSISTANT && answer == null) {
                answer = c.text();
            } else if (c.author() == Author.CITIZEN && answer != null) {
                if (CandidatePick.isNumberChoice(c.text())) {
                    // "2" alone means nothing to an officer: give the question it chose for.
                    Optional<ConversationMessage> asked = previousCitizenMessage(recent, i);
                    if (asked.isPresent()) {
                        ConversationMessage q = asked.get();
                        return Optional.of(new Exchange(q.id(), q.at(), q.text() + " (chọn " + c.text().strip() + ")", answer));
                    }
                }
                return Optional.of(new Exchange(c.id(), c.at(), c.text(), answer));
            }
        }
        return Optional.empty();
    }

    private static Optional<ConversationMessage> previousCitizenMessage(List<ConversationMessage> recent, int before) {
        for (int j = before - 1; j >= 0; j--) {
            if (recent.get(j).author() == Author.CITIZEN) {
                return Optional.of(recent.get(j));
            }
        }
        return Optional.empty();
    }

    private static ConversationState next(ConversationState state, PageRegistration page, ReplyDraft draft, InboundMessage.FromCitizen m) {
        String lastProcedure = switch (draft.action()) {
            case ANSWER -> draft.procedureId();
            // The citizen said the answer was wrong: follow-ups must not build on it.
            case ESCALATE -> WRONG_ANSWER_REASON.equals(draft.escalationReason()) ? null : state.lastProcedureId();
            default -> state.lastProcedureId();
        };
        List<String> offered = draft.action() == Action.CLARIFY ? draft.candidateIds() : List.of();
        Instant lastUser = m instanceof InboundMessage.Follow ? state.lastUserMessageAt() : latest(state.lastUserMessageAt(), m.sentAt());
        // A reaction or an edit is not the citizen writing anew: the reply windows keep running from the last message.
        if (m instanceof InboundMessage.Reaction) {
            lastUser = state.lastUserMessageAt();
        }
        CaseRef lastCase = opensCase(draft) ? new CaseRef(NewEscalation.idFor(new MessageKey(m.from().channel(), m.messageId())),
                draft.intent(), m.sentAt() != null ? m.sentAt() : lastUser != null ? lastUser : Instant.EPOCH) : state.lastCase();
        return new ConversationState(state.key(), page.unit(), lastProcedure, offered, lastUser, lastCase);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private Instant at(InboundMessage.FromCitizen m) {
        return m.sentAt() != null ? m.sentAt() : clock.instant();
    }

    private static String citizenText(InboundMessage.FromCitizen m) {
        return switch (m) {
            case InboundMessage.Text t -> t.text();
            case InboundMessage.Choice c -> c.title() != null ? c.title() : c.payload();
            case InboundMessage.Attachment a -> "[" + String.join(", ", a.kinds()) + "]" + (a.caption() != null ? " " + a.caption() : "");
            case InboundMessage.Follow f -> "[theo dõi trang]";
            case InboundMessage.Location l -> "[vị trí] " + l.point().text() + (l.placeName() != null ? " (" + l.placeName() + ")" : "")
                    + " " + l.point().mapLink();
            case InboundMessage.ContactDetails c -> "[thông tin liên hệ]" + part(" Họ tên: ", c.name()) + part(" Điện thoại: ", c.phone())
                    + part(" Địa chỉ: ", c.address());
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

    private static String detail(ReplyDraft d) {
        if (d.isWithheld()) {
            return d.action() == Action.ESCALATE ? "withheld, escalated " + d.escalationPriority() + " " + d.intent() : "withheld";
        }
        return switch (d.action()) {
            case ANSWER -> d.procedureId();
            case CLARIFY -> String.join(",", d.candidateIds());
            case ESCALATE -> d.escalationPriority() + " " + d.intent();
            default -> d.intent().name();
        };
    }

    private static String channelName(vn.citizenqa.core.model.Channel channel) {
        return channel == null ? "?" : channel.wireName();
    }
}
