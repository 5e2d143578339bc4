package vn.citizenqa.core.conversation;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.channel.ReplyFailedException;
import vn.citizenqa.core.channel.ReplySender;
import vn.citizenqa.core.channel.ReplyUncertainException;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.model.PlateLookup;
import vn.citizenqa.core.store.CaseRef;
import vn.citizenqa.core.store.ClaimResult;
import vn.citizenqa.core.store.ClaimUpdate;
import vn.citizenqa.core.store.ConversationMessage;
import vn.citizenqa.core.store.ConversationState;
import vn.citizenqa.core.store.Counter;
import vn.citizenqa.core.store.EscalationStatus;
import vn.citizenqa.core.store.MessageClaim;
import vn.citizenqa.core.store.MessageKey;
import vn.citizenqa.core.store.MessageState;
import vn.citizenqa.core.store.NewEscalation;
import vn.citizenqa.core.store.PageRegistration;
import vn.citizenqa.core.store.ReplyDraft;
import vn.citizenqa.core.store.Store;
import vn.citizenqa.core.store.StoreUnavailableException;
import vn.citizenqa.core.violations.PlateRecogniser;

/**
 * Moves each inbound message RECEIVED → DECIDED → SENT: the only user of the message claims and of the reply sender.
 * Two steps, which may run in different processes: {@link #claim} (the message is durably ours, or settled) and
 * {@link #process} (decide through the {@link ConversationPolicy}, record, send, mark). A redelivery resumes from
 * what is stored: a DECIDED message has its stored draft sent without deciding again; a SENT one is left alone.
 * Store failures propagate ({@code StoreUnavailableException}): nothing is acknowledged before it is recorded.
 */
public final class MessageIntake {

    private static final int RECENT = 10;
    private static final Duration POLL = Duration.ofMillis(100);
    private static final System.Logger LOG = System.getLogger("citizenqa.conversation");
    /** The platform id stored for a reply whose sends got no answer (see {@link ReplyUncertainException}). */
    public static final String UNCONFIRMED = "unconfirmed";

    private final ConversationPolicy policy;
    private final Store store;
    private final ReplySender sender;
    private final Clock clock;
    private final ConversationLimits limits;

    public MessageIntake(ConversationPolicy policy, Store store, ReplySender sender, Clock clock, ConversationLimits limits) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.store = Objects.requireNonNull(store, "store");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public MessageIntake(ConversationPolicy policy, Store store, ReplySender sender, Clock clock) {
        this(policy, store, sender, clock, ConversationLimits.DEFAULT);
    }

    /** What claiming a message came to: ours to process, or settled with nothing more to do. */
    public sealed interface Claimed {

        /**
         * The message is ours to process.
         *
         * @param first whether this delivery claimed it first (then it counts against the citizen's rate)
         */
        record Ours(InboundMessage.FromCitizen message, PageRegistration page, MessageClaim claim, boolean first)
                implements Claimed {
        }

        record Settled(Outcome outcome) implements Claimed {
        }
    }

    /** Both steps at once. */
    public Outcome handle(InboundMessage message) {
        return switch (claim(message)) {
            case Claimed.Settled s -> s.outcome();
            case Claimed.Ours o -> process(o);
        };
    }

    /** Step one: claims the message in the store, so that only one delivery processes it. */
    public Claimed claim(InboundMessage message) {
        return switch (message) {
            case InboundMessage.Ignored i -> {
                // The kind only: an ignored event may carry a citizen's words.
                LOG.log(Level.INFO, "{0} page {1}: {2} ignored", i.channel() == null ? "?" : i.channel().wireName(),
                        i.pageId(), i.kind());
                yield new Claimed.Settled(new Outcome.Ignored(i.kind()));
            }
            case InboundMessage.PolicyEnforcement p -> {
                LOG.log(Level.WARNING, "{0} page {1}: the platform took a policy-enforcement action, {2}: {3}",
                        p.channel().wireName(), p.pageId(), p.action(), p.reason());
                yield new Claimed.Settled(new Outcome.Ignored("policy-enforcement:" + p.action()));
            }
            case InboundMessage.FromCitizen m -> claim(m);
        };
    }

    private Claimed claim(InboundMessage.FromCitizen m) {
        ConversationKey conversation = m.from();
        Optional<PageRegistration> page = store.pages().find(conversation.channel(), conversation.pageId());
        if (page.isEmpty()) {
            LOG.log(Level.WARNING, "{0} page {1} is not in the page registry: message {2} not answered",
                    conversation.channel().wireName(), conversation.pageId(), m.messageId());
            return new Claimed.Settled(new Outcome.UnknownPage(conversation.channel(), conversation.pageId()));
        }
        MessageKey key = new MessageKey(conversation.channel(), m.messageId());
        return switch (store.messages().claim(key)) {
            case ClaimResult.AlreadySent s -> new Claimed.Settled(new Outcome.AlreadyAnswered(m.messageId()));
            case ClaimResult.InProgress p -> new Claimed.Settled(awaitOther(key, m.messageId()));
            case ClaimResult.New n -> new Claimed.Ours(m, page.get(), n.claim(), true);
            case ClaimResult.Resumed r -> new Claimed.Ours(m, page.get(), r.claim(), false);
        };
    }

    /** Step two: decides (or takes the stored draft), records, sends and marks a message this delivery holds. */
    public Outcome process(Claimed.Ours ours) {
        InboundMessage.FromCitizen m = ours.message();
        MessageClaim claim = ours.claim();
        if (claim.state() != MessageState.RECEIVED) {
            Turn turn = policy.resumed(incoming(m, ours.page(), MessageRate.WITHIN), claim.draft());
            write(turn);
            LOG.log(Level.INFO, "{0} {1}: sending the stored draft again", m.from().channel().wireName(), m.messageId());
            return send(m, claim, turn.draft());
        }
        // Counted once, when first claimed: redeliveries of one message are not a flood.
        Turn turn = policy.turn(incoming(m, ours.page(), ours.first() ? rate(m) : MessageRate.WITHIN));
        if (store.messages().markDecided(claim.key(), claim.owner(), turn.draft()) instanceof ClaimUpdate.Refused) {
            // Our lease lapsed and a redelivery took the message over: it answers.
            return new Outcome.InProgress(m.messageId());
        }
        if (!turn.counters().isEmpty()) {
            store.counters().count(ours.page().unit(), at(m), turn.counters().toArray(Counter[]::new));
        }
        write(turn);
        LOG.log(Level.INFO, "{0} {1} on page {2}: {3}", m.from().channel().wireName(), m.messageId(),
                m.from().pageId(), detail(turn.draft()));
        return send(m, claim, turn.draft());
    }

    private Incoming incoming(InboundMessage.FromCitizen m, PageRegistration page, MessageRate rate) {
        ConversationKey conversation = m.from();
        ConversationState state = store.conversations().state(conversation)
                .orElse(new ConversationState(conversation, page.unit(), null, List.of(), null));
        Instant at = at(m);
        boolean floodReported = rate == MessageRate.JUST_EXCEEDED && store.escalations()
                .find(NewEscalation.idFor(ConversationPolicy.floodKey(conversation, at))).isPresent();
        if (rate == MessageRate.JUST_EXCEEDED && !floodReported) {
            LOG.log(Level.WARNING, "{0} page {1}: a citizen sent more than {2} messages in a minute; automatic replies "
                    + "paused, officers told", conversation.channel().wireName(), conversation.pageId(),
                    limits.messagesPerMinute());
        }
        return new Incoming(m, page, state, once(() -> store.conversations().recent(conversation, RECENT)), rate,
                floodReported, at, once(() -> openCase(state)), id -> answered(conversation, id), plates(m));
    }

    /** The case the conversation's latest emergency or report opened, unless officers closed it. */
    private Optional<CaseRef> openCase(ConversationState state) {
        CaseRef c = state.lastCase();
        return c == null ? Optional.empty() : store.escalations().find(c.escalationId())
                .filter(e -> e.status() != EscalationStatus.CLOSED).map(e -> c);
    }

    private boolean answered(ConversationKey conversation, String messageId) {
        return store.messages().find(new MessageKey(conversation.channel(), messageId))
                .filter(c -> c.state() == MessageState.SENT).isPresent();
    }

    /** The violations recorded for each plate the message names: one read per plate, none for most messages. */
    private List<PlateLookup> plates(InboundMessage.FromCitizen m) {
        return PlateRecogniser.find(words(m)).stream().map(p -> store.violations().lookUp(p)).toList();
    }

    private static String words(InboundMessage.FromCitizen m) {
        return switch (m) {
            case InboundMessage.Text t -> t.text();
            case InboundMessage.Choice c -> ChoiceWords.of(c);
            case InboundMessage.Attachment a -> a.caption();
            case InboundMessage.Edit e -> e.text();
            case InboundMessage.Standby s -> words(s.message());
            default -> null;
        };
    }

    /** Counts the message against the citizen's limit, on the store so that every container counts together. */
    private MessageRate rate(InboundMessage.FromCitizen m) {
        int limit = limits.messagesPerMinute();
        if (limit == 0) {
            return MessageRate.WITHIN;
        }
        long n = store.rates().count(m.from(), clock.instant(), limit + 1L);
        return n <= limit ? MessageRate.WITHIN : n == limit + 1L ? MessageRate.JUST_EXCEEDED : MessageRate.EXCEEDED;
    }

    private void write(Turn turn) {
        for (ConversationMessage message : turn.messages()) {
            store.conversations().append(message);
        }
        store.conversations().saveState(turn.next());
        turn.escalation().ifPresent(e -> {
            var created = store.escalations().create(e);
            if (created.created()) {
                LOG.log(Level.INFO, "escalation {0} ({1}) for unit {2}", created.escalation().id(), e.priority(), e.unit());
            }
        });
        turn.join().ifPresent(j -> {
            store.escalations().addToCase(j.escalationId(), j.addition());
            LOG.log(Level.INFO, "message {0} joined escalation {1}", j.addition().messageId(), j.escalationId());
        });
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

    private Outcome send(InboundMessage.FromCitizen m, MessageClaim claim, ReplyDraft draft) {
        if (!(draft instanceof ReplyDraft.Send s)) {
            store.messages().markSent(claim.key(), claim.owner(), "withheld");
            return new Outcome.Withheld(m.messageId());
        }
        switch (claim.state()) {
            case SENDING_AGAIN -> {
                // Two sends whose outcome is unknown: the citizen most likely has the reply; a third is never sent.
                LOG.log(Level.ERROR, "{0} {1}: a second send of this reply got no answer either; not sent a third time, "
                        + "marked unconfirmed", m.from().channel().wireName(), m.messageId());
                return markSent(m, claim, UNCONFIRMED);
            }
            case SENDING -> LOG.log(Level.WARNING, "{0} {1}: an earlier send of this reply got no answer and its lease has "
                    + "passed; sending it once more (the citizen may get it twice, never more)", m.from().channel().wireName(),
                    m.messageId());
            default -> {
            }
        }
        // Marked before the channel is called: a receive after a crash or a timeout knows a send may have happened.
        if (store.messages().markSending(claim.key(), claim.owner()) instanceof ClaimUpdate.Refused) {
            return new Outcome.InProgress(m.messageId());
        }
        String platformId;
        try {
            platformId = sender.send(m.from(), m.messageId(), s.reply());
        } catch (ReplyUncertainException e) {
            // The request went out and no answer came: the platform may have delivered it. The claim stays SENDING
            // under its lease; the first receive after the lease sends once more (the rule above), none sooner.
            LOG.log(Level.WARNING, "{0} {1}: the reply may have been delivered ({2}); not sent again before the lease of "
                    + "this send runs out, then at most once", m.from().channel().wireName(), m.messageId(), e.getMessage());
            return new Outcome.SendFailed(m.messageId(), e.getMessage());
        } catch (ReplyFailedException e) {
            // It provably did not reach the platform: the send is undone, and the next receive may send at once.
            store.messages().markNotSent(claim.key(), claim.owner());
            LOG.log(Level.WARNING, "{0} {1}: reply not sent ({2}); the queue hands it to the worker again",
                    m.from().channel().wireName(), m.messageId(), e.getMessage());
            return new Outcome.SendFailed(m.messageId(), e.getMessage());
        }
        return markSent(m, claim, platformId == null || platformId.isBlank() ? "unknown" : platformId);
    }

    private Outcome markSent(InboundMessage.FromCitizen m, MessageClaim claim, String id) {
        try {
            if (store.messages().markSent(claim.key(), claim.owner(), id) instanceof ClaimUpdate.Refused) {
                LOG.log(Level.WARNING, "{0} {1}: sent, but the claim had been taken over before it was marked sent",
                        m.from().channel().wireName(), m.messageId());
            }
        } catch (StoreUnavailableException e) {
            // The citizen has the reply and everything else is recorded; receiving it again now would only send it
            // twice. The claim stays SENDING, which only a later copy after its lease could see.
            LOG.log(Level.WARNING, "{0} {1}: sent, but the store could not mark it sent ({2}); acknowledged anyway",
                    m.from().channel().wireName(), m.messageId(), e.getMessage());
        }
        return new Outcome.Replied(m.messageId(), id);
    }

    private Instant at(InboundMessage.FromCitizen m) {
        return m.sentAt() != null ? m.sentAt() : clock.instant();
    }

    private static String detail(ReplyDraft draft) {
        return switch (draft) {
            case ReplyDraft.Withheld w -> "withheld (no reply: past the rate limit, on standby, or nothing to say)";
            case ReplyDraft.Send s -> s.action() + " " + switch (s.action()) {
                case ANSWER -> s.procedureId();
                case CLARIFY -> String.join(",", s.candidateIds());
                case ESCALATE -> s.escalation().priority() + " " + s.escalation().code();
                default -> s.intent().name();
            };
        };
    }

    private static <T> Supplier<T> once(Supplier<T> read) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = read.get();
                }
                return value;
            }
        };
    }
}
