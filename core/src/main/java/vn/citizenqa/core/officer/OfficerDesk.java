package vn.citizenqa.core.officer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import vn.citizenqa.core.channel.ReplyFailedException;
import vn.citizenqa.core.channel.ReplyUncertainException;
import vn.citizenqa.core.model.Keys;
import vn.citizenqa.core.model.ProcedureRef;
import vn.citizenqa.core.model.Violation;
import vn.citizenqa.core.store.Author;
import vn.citizenqa.core.store.ConversationMessage;
import vn.citizenqa.core.store.ConversationState;
import vn.citizenqa.core.store.Counter;
import vn.citizenqa.core.store.DailyRange;
import vn.citizenqa.core.store.Escalation;
import vn.citizenqa.core.store.EscalationChange;
import vn.citizenqa.core.store.EscalationQueuePage;
import vn.citizenqa.core.store.EscalationStatus;
import vn.citizenqa.core.store.Escalations;
import vn.citizenqa.core.store.NewSuggestion;
import vn.citizenqa.core.store.SentReply;
import vn.citizenqa.core.store.Store;
import vn.citizenqa.core.store.StoreUnavailableException;
import vn.citizenqa.core.store.Suggestion;
import vn.citizenqa.core.store.Unit;
import vn.citizenqa.core.violations.ViolationFile;
import vn.citizenqa.core.violations.ViolationImport;

/**
 * What officers do with escalations: read their unit's queue and one case, claim, reply on the citizen's channel,
 * close, suggest a sample question, and read the unit's figures. Every refusal is an {@link OfficerRequestRefused}
 * naming a {@link Refusal}; the store's {@code StoreUnavailableException} passes through.
 *
 * <p>Authorization: an officer serves the own unit only, a supervisor every unit; an escalation of a unit the caller
 * does not serve is reported exactly as an unknown one, so ids of other units reveal nothing.
 */
public final class OfficerDesk {

    public static final int DEFAULT_PAGE_SIZE = 25;
    public static final int REPLY_LIMIT = 2000;
    public static final int REASON_LIMIT = 500;
    public static final int QUESTION_LIMIT = 500;
    /** How many of the conversation's latest messages a case shows. */
    public static final int CONVERSATION_SHOWN = 20;
    /** Most procedures one listing returns. */
    public static final int MAX_PROCEDURES = 500;
    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The platform id recorded for a reply sent with no answer back. */
    public static final String UNCONFIRMED = OfficerReplies.UNCONFIRMED;

    private final Store store;
    private final OfficerReplySender sender;
    private final ReplyWindows windows;
    private final ProcedureTitles procedures;
    private final ProcedureDirectory directory;
    private final Duration paidRetention;
    private final Clock clock;
    private final KeyedReplies keyed;
    private final OfficerReplies replies;

    public OfficerDesk(Store store, OfficerReplySender sender, ReplyWindows windows, ProcedureTitles procedures,
                       Clock clock) {
        this(store, sender, windows, procedures, ProcedureDirectory.empty(), ViolationImport.DEFAULT_PAID_RETENTION,
                clock);
    }

    /**
     * @param directory     every procedure, for the officer choosing the one a reply is about
     * @param paidRetention how long an imported paid violation is kept
     */
    public OfficerDesk(Store store, OfficerReplySender sender, ReplyWindows windows, ProcedureTitles procedures,
                       ProcedureDirectory directory, Duration paidRetention, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.windows = Objects.requireNonNull(windows, "windows");
        this.procedures = Objects.requireNonNull(procedures, "procedures");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.paidRetention = Objects.requireNonNull(paidRetention, "paidRetention");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keyed = new KeyedReplies(store.replyRequests());
        this.replies = new OfficerReplies(store, sender, windows, clock);
    }

    /**
     * Refuses a token whose unit was merged into another: its holder's work is now the other unit's, and the
     * account must be moved there (its {@code custom:unit} changed) before it serves again.
     */
    public void admit(Officer officer) {
        if (officer.unit() == null) {
            return;
        }
        Optional<Unit> unit = store.units().find(officer.unit());
        if (unit.isPresent() && unit.get().status() instanceof Unit.Status.MergedInto(String into, LocalDate on)
                && !officer.isSupervisor()) {
            String name = store.units().find(into).map(Unit::displayName).orElse(into);
            throw refused(new Refusal.Forbidden("unit '" + officer.unit() + "' was merged into '" + into + "' ("
                    + name + ") on " + DAY.format(on) + "; its cases are in " + name + "'s queue now. Ask an "
                    + "administrator to set your account's custom:unit to '" + into + "', then sign in again"));
        }
    }

    /**
     * Every unit, active and merged, with its name: the unit records, and any unit a page names without one (its id
     * then serves as its name).
     */
    public List<Unit> units(Officer officer) {
        TreeMap<String, Unit> all = new TreeMap<>();
        store.units().all().forEach(u -> all.put(u.id(), u));
        for (String id : store.pages().units()) {
            all.putIfAbsent(id, Unit.active(id, id, null, false));
        }
        return List.copyOf(all.values());
    }

    /** The procedures whose title or id holds every word of {@code query}, by title; {@code limit} null for 50. */
    public List<ProcedureRef> procedures(String query, String limit) {
        int size = RequestFields.number(limit, "limit", 50, 1, MAX_PROCEDURES);
        String q = query == null ? "" : query.strip();
        if (q.length() > QUESTION_LIMIT) {
            throw refused(new Refusal.InvalidRequest("q has more than " + QUESTION_LIMIT + " characters"));
        }
        return directory.search(q, size);
    }

    /**
     * Imports a traffic unit's list of camera-recorded violations ({@link ViolationFile}): a supervisor for any unit,
     * an officer for the own unit when it handles traffic. A file with any bad line is refused whole.
     *
     * @param unit null for the caller's own unit
     */
    public ViolationImport.Report importViolations(Officer officer, String unit, String file) {
        String target = DeskRules.unitFor(officer, unit, "violations");
        if (!officer.isSupervisor() && !store.units().find(target).map(Unit::traffic).orElse(false)) {
            throw refused(new Refusal.Forbidden("only a traffic unit's officers (or a supervisor) import violations; '"
                    + target + "' is not recorded as a traffic unit"));
        }
        if (file == null || file.isBlank()) {
            throw refused(new Refusal.InvalidRequest("the body must be the CSV file, starting with its header: "
                    + ViolationFile.HEADER));
        }
        return switch (ViolationFile.read(file)) {
            case ViolationFile.Reading.Refused(List<ViolationFile.LineProblem> problems) ->
                    throw refused(new Refusal.InvalidFile(problems));
            case ViolationFile.Reading.Read(List<Violation> violations) ->
                    new ViolationImport(store.violations(), paidRetention, clock).run(target, violations);
        };
    }

    /**
     * One page of a unit's queue, most urgent then oldest first.
     *
     * @param status null for OPEN; @param cursor null for the first page; @param limit null for the default;
     * @param unit   null for the caller's own unit
     */
    public QueueView queue(Officer officer, String status, String cursor, String limit, String unit) {
        EscalationStatus wanted = RequestFields.status(status);
        int size = pageSize(limit);
        String queueUnit = DeskRules.unitFor(officer, unit, "queue");
        EscalationQueuePage page;
        try {
            page = store.escalations().queue(queueUnit, wanted, RequestFields.blankToNull(cursor), size);
        } catch (IllegalArgumentException e) {
            throw refused(new Refusal.InvalidCursor());
        }
        Instant now = now();
        List<EscalationSummary> shown = page.escalations().stream()
                .map(e -> new EscalationSummary(e, windows.at(e.conversation().channel(), e.citizenMessageAt(), now)
                        .deadline()))
                .toList();
        return new QueueView(queueUnit, wanted, shown, page.nextCursor());
    }

    public EscalationDetail detail(Officer officer, String id) {
        return detail(visible(officer, id));
    }

    /** OPEN → CLAIMED by the caller; claiming what the caller holds changes nothing. */
    public EscalationDetail claim(Officer officer, String id) {
        visible(officer, id);
        return detail(DeskRules.applied(store.escalations().claim(id, officer.id())));
    }

    /** As {@link #reply(Officer, String, String, String, String)} without an idempotency key: a repeat sends again. */
    public ReplyOutcome reply(Officer officer, String id, String text, String procedureId) {
        return reply(officer, id, text, procedureId, null);
    }

    /**
     * Sends the reply on the citizen's channel, then records it: the conversation message, ANSWERED by the caller,
     * the unit's count of officer replies and, for the first reply, the time it took. Nothing is sent when the
     * request is refused (bad text, unknown procedure, held by another, closed, past the channel's window).
     *
     * <p>With an {@code idempotencyKey} (the console sends one per composed reply) the first request with the key
     * sends and every repeat gets that first outcome without sending: a double click, a browser's retry or twenty at
     * once give the citizen one message. A repeat arriving while the first is sending waits for it.
     *
     * @param idempotencyKey null for none; else 1–{@value KeyedReplies#KEY_LIMIT} letters, digits, {@code - _ . :}
     */
    public ReplyOutcome reply(Officer officer, String id, String text, String procedureId, String idempotencyKey) {
        Escalation e = visible(officer, id);
        String body = RequestFields.requiredText(text, "text", REPLY_LIMIT);
        String procedure = RequestFields.blankToNull(procedureId);
        if (procedure != null) {
            requireProcedure(procedure);
        }
        String key = KeyedReplies.key(idempotencyKey);
        if (key == null) {
            return send(officer, e, body, procedure);
        }
        return keyed.once(id, key, () -> send(officer, e, body, procedure), sent -> repeated(e, sent));
    }

    /** The first outcome of a key, as a repeat of it gets it: what was sent, and the escalation as it is now. */
    private ReplyOutcome repeated(Escalation e, SentReply sent) {
        Escalation now = store.escalations().find(e.id()).orElse(e);
        return new ReplyOutcome(detail(now), new Delivery(e.conversation().channel(), ReplyMode.valueOf(sent.mode()),
                sent.platformMessageId(), sent.sentAt()));
    }

    private ReplyOutcome send(Officer officer, Escalation e, String body, String procedure) {
        OfficerReplies.Sent sent = replies.send(officer, e, body, procedure);
        if (sent.recorded()) {
            try {
                return new ReplyOutcome(detail(sent.escalation()), sent.delivery());
            } catch (StoreUnavailableException ex) {
                // Sent and recorded, but the case could not be read back: answer with what is known.
            }
        }
        return new ReplyOutcome(new EscalationDetail(sent.escalation(), null, List.of(), sent.window()), sent.delivery());
    }

    /** Closes it with a reason; one CLAIMED by another officer only that officer or a supervisor may close. */
    public EscalationDetail close(Officer officer, String id, String reason) {
        Escalation e = visible(officer, id);
        String why = RequestFields.requiredText(reason, "reason", REASON_LIMIT);
        DeskRules.requireActionable(officer, e, true);
        return detail(DeskRules.applied(store.escalations().close(id, officer.id(), officer.isSupervisor(), why)));
    }

    /**
     * Stores the exchange as a proposed sample question of a procedure, for an editor's review.
     *
     * @param question null for the citizen's message; @param answer null for the officer's latest reply
     */
    public Suggestion suggest(Officer officer, String id, String procedureId, String question, String answer) {
        Escalation e = visible(officer, id);
        String procedure = RequestFields.blankToNull(procedureId);
        if (procedure == null) {
            throw refused(new Refusal.InvalidRequest("procedureId is required: the procedure the question belongs to"));
        }
        requireProcedure(procedure);
        String q = question == null ? e.citizenText() : RequestFields.requiredText(question, "question", QUESTION_LIMIT);
        String a = answer == null ? (e.answer() == null ? null : e.answer().text())
                : RequestFields.optionalText(answer, "answer", REPLY_LIMIT);
        return store.suggestions().add(new NewSuggestion(NewSuggestion.idFor(e.id(), procedure, q), e.id(), e.unit(),
                procedure, q, a, officer.id()));
    }

    /**
     * The figures per unit and day from {@code from} to {@code to} (inclusive, {@code YYYY-MM-DD}).
     *
     * @param unit null for the caller's unit; a supervisor then gets every unit with a registered page
     */
    public StatsView stats(Officer officer, String from, String to, String unit) {
        LocalDate first = RequestFields.day(from, "from");
        LocalDate last = RequestFields.day(to, "to");
        try {
            DailyRange.days(first, last);
        } catch (IllegalArgumentException e) {
            throw refused(new Refusal.InvalidRequest(e.getMessage()));
        }
        List<String> units;
        if (RequestFields.blankToNull(unit) != null || !officer.isSupervisor()) {
            units = List.of(DeskRules.unitFor(officer, unit, "figures"));
        } else {
            TreeSet<String> all = new TreeSet<>(store.pages().units());
            // A merged unit's figures before its merge stay readable under its own id.
            store.units().all().forEach(u -> all.add(u.id()));
            if (officer.unit() != null) {
                all.add(officer.unit());
            }
            units = List.copyOf(all);
        }
        return new StatsView(first, last, units.stream()
                .map(u -> new UnitStats(u, store.counters().figures(u, first, last))).toList());
    }

    // ---- rules ----

    private Escalation visible(Officer officer, String id) {
        if (!Keys.couldBeId(id)) {
            throw refused(new Refusal.NotFound(String.valueOf(id)));
        }
        return store.escalations().find(id).filter(e -> officer.serves(e.unit()))
                .orElseThrow(() -> refused(new Refusal.NotFound(id)));
    }

    private EscalationDetail detail(Escalation e) {
        List<ConversationMessage> recent = store.conversations().recent(e.conversation(), CONVERSATION_SHOWN);
        ConversationMessage asked = e.citizenMessageId() == null || e.citizenMessageAt() == null ? null
                : store.conversations().find(e.conversation(), e.citizenMessageAt(), e.citizenMessageId()).orElse(null);
        return new EscalationDetail(e, asked, recent, replies.window(e, now()));
    }

    private void requireProcedure(String procedureId) {
        if (procedures.title(procedureId).isEmpty()) {
            throw refused(new Refusal.UnknownProcedure(procedureId));
        }
    }

    private static int pageSize(String given) {
        return RequestFields.number(given, "limit", DEFAULT_PAGE_SIZE, 1, Escalations.MAX_PAGE_SIZE);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static OfficerRequestRefused refused(Refusal refusal) {
        return new OfficerRequestRefused(refusal);
    }
}
