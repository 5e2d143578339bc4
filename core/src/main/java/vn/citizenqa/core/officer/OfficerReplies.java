package vn.citizenqa.core.officer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import vn.citizenqa.core.channel.ReplyFailedException;
import vn.citizenqa.core.channel.ReplyUncertainException;
import vn.citizenqa.core.store.Author;
import vn.citizenqa.core.store.ConversationMessage;
import vn.citizenqa.core.store.ConversationState;
import vn.citizenqa.core.store.Counter;
import vn.citizenqa.core.store.Escalation;
import vn.citizenqa.core.store.EscalationChange;
import vn.citizenqa.core.store.EscalationStatus;
import vn.citizenqa.core.store.Store;
import vn.citizenqa.core.store.StoreUnavailableException;

/**
 * An officer's reply on the citizen's channel: sent inside the channel's window, then recorded (the conversation
 * message, ANSWERED by the officer, the unit's count of officer replies and, for the first reply, the time it took).
 */
final class OfficerReplies {

    /** The platform id recorded for a reply sent with no answer back (see {@link ReplyUncertainException}). */
    static final String UNCONFIRMED = "unconfirmed";
    private static final System.Logger LOG = System.getLogger("citizenqa.officer");

    /**
     * A reply that went out.
     *
     * @param escalation the escalation after it (as before it when it could not be recorded)
     * @param recorded   false when the store failed after the send: the citizen has the text all the same
     */
    record Sent(Escalation escalation, Delivery delivery, ReplyWindow window, boolean recorded) {
    }

    private final Store store;
    private final OfficerReplySender sender;
    private final ReplyWindows windows;
    private final Clock clock;

    OfficerReplies(Store store, OfficerReplySender sender, ReplyWindows windows, Clock clock) {
        this.store = store;
        this.sender = sender;
        this.windows = windows;
        this.clock = clock;
    }

    /** Sends and records; refused (nothing sent) when the caller may not act, the window is closed or the channel refuses. */
    Sent send(Officer officer, Escalation e, String body, String procedure) {
        String id = e.id();
        DeskRules.requireActionable(officer, e, false);
        ReplyWindow window = window(e, now());
        if (!window.isOpen()) {
            throw new OfficerRequestRefused(new Refusal.ReplyWindowClosed(window, windows.whyClosed(window)));
        }
        if (e.status() == EscalationStatus.OPEN) {
            // Hold it before sending, so that no other officer's reply can go out at the same time.
            e = DeskRules.applied(store.escalations().claim(id, officer.id()));
        }
        String platformMessageId;
        try {
            platformMessageId = sender.sendOfficerReply(e.conversation(), e.citizenMessageId(), body, window.mode());
        } catch (ReplyUncertainException ex) {
            // Sent in full with no answer back: the citizen most likely has it. Not failed (a retry would repeat it).
            LOG.log(System.Logger.Level.WARNING, "escalation {0}: the reply may have been delivered ({1}); recorded as unconfirmed",
                    id, ex.getMessage());
            platformMessageId = UNCONFIRMED;
        } catch (ReplyFailedException ex) {
            throw new OfficerRequestRefused(new Refusal.ChannelFailed("the " + e.conversation().channel().wireName()
                    + " channel did not accept the reply (" + ex.getMessage() + "); nothing was recorded, try again"));
        }
        Instant sentAt = now();
        Delivery delivery = new Delivery(e.conversation().channel(), window.mode(), platformMessageId, sentAt);
        try {
            return new Sent(record(officer, e, body, procedure, platformMessageId, sentAt), delivery, window, true);
        } catch (StoreUnavailableException ex) {
            // The citizen has the text: answering 503 now would invite a retry, i.e. a second message.
            LOG.log(System.Logger.Level.ERROR, "escalation {0}: the reply was sent but could not all be recorded ({1})", id,
                    ex.getMessage());
            return new Sent(e, delivery, window, false);
        }
    }

    /** The window runs from the citizen's latest message, which may be later than the escalated one. */
    ReplyWindow window(Escalation e, Instant now) {
        Instant last = e.citizenMessageAt();
        Instant latest = store.conversations().state(e.conversation())
                .map(ConversationState::lastUserMessageAt).orElse(null);
        if (latest != null && (last == null || latest.isAfter(last))) {
            last = latest;
        }
        return windows.at(e.conversation().channel(), last == null ? e.createdAt() : last, now);
    }

    /** What follows a sent reply, recorded whatever happened to the escalation meanwhile; the escalation after it. */
    private Escalation record(Officer officer, Escalation e, String body, String procedure, String platformMessageId,
                              Instant sentAt) {
        String id = e.id();
        store.conversations().append(ConversationMessage.of(e.conversation(), "officer-" + platformMessageId, sentAt,
                Author.OFFICER, officer.id(), body));
        if (procedure != null) {
            rememberProcedure(e, procedure);
        }
        store.counters().count(e.unit(), sentAt, Counter.OFFICER_REPLIES);
        EscalationChange change = store.escalations().answer(id, officer.id(), body);
        if (change instanceof EscalationChange.Applied(Escalation answered, EscalationStatus ignored)) {
            if (DeskRules.isFirstAnswer(answered)) {
                store.counters().recordFirstResponse(answered.unit(), answered.id(), sentAt,
                        Duration.between(answered.createdAt(), sentAt));
            }
            return answered;
        }
        return store.escalations().find(id).orElse(e);
    }

    private void rememberProcedure(Escalation e, String procedureId) {
        ConversationState before = store.conversations().state(e.conversation()).orElse(null);
        store.conversations().saveState(new ConversationState(e.conversation(),
                before == null ? e.unit() : before.unit(), procedureId, List.of(),
                before == null ? null : before.lastUserMessageAt()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
