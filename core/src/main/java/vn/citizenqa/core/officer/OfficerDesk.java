package vn.citizenqa.core.officer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import vn.citizenqa.core.channel.ReplyFailedException;
import vn.citizenqa.core.model.ProcedureRef;
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
import vn.citizenqa.core.store.Keys;
import vn.citizenqa.core.store.NewSuggestion;
import vn.citizenqa.core.store.Store;
import vn.citizenqa.core.store.Suggestion;
import vn.citizenqa.core.store.Unit;
import vn.citizenqa.core.violations.Violation;
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

    private static final List<String> STATUSES = Arrays.stream(EscalationStatus.values()).map(Enum::name).toList();

    private final Store store;
    private final OfficerReplySender sender;
    private final ReplyWindows windows;
    private final ProcedureTitles procedures;
    private final ProcedureDirectory directory;
    private final Duration paidRetention;
    private final Clock clock;

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
        int size = number(limit, "limit", 50, 1, MAX_PROCEDURES);
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
        String target = unitFor(officer, unit, "violations");
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
        EscalationStatus wanted = status(status);
        int size = pageSize(limit);
        String queueUnit = unitFor(officer, unit, "queue");
        EscalationQueuePage page;
        try {
            page = store.escalations().queue(queueUnit, wanted, blankToNull(cursor), size);
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
        return detail(applied(store.escalations().claim(id, officer.id())));
    }

    /**
     * Sends the reply on the citizen's channel, then records it: the conversation message, ANSWERED by the caller,
     * the unit's count of officer replies and, for the first reply, the time it took. Nothing is sent when the
     * request is refused (bad text, unknown procedure, held by another, closed, past the channel's window).
     */
    public ReplyOutcome reply(Officer officer, String id, String text, String procedureId) {
        Escalation e = visible(officer, id);
        String body = requiredText(text, "text", REPLY_LIMIT);
        String procedure = blankToNull(procedureId);
        if (procedure != null) {
            requireProcedure(procedure);
        }
        requireActionable(officer, e, false);
        ReplyWindow window = window(e, now());
        if (!window.isOpen()) {
            throw refused(new Refusal.ReplyWindowClosed(window, windows.whyClosed(window)));
        }
        if (e.status() == EscalationStatus.OPEN) {
            // Hold it before sending, so that no other officer's reply can go out at the same time.
            e = applied(store.escalations().claim(id, officer.id()));
        }
        String platformMessageId;
        try {
            platformMessageId = sender.sendOfficerReply(e.conversation(), e.citizenMessageId(), body, window.mode());
        } catch (ReplyFailedException ex) {
            throw refused(new Refusal.ChannelFailed("the " + e.conversation().channel().wireName()
                    + " channel did not accept the reply (" + ex.getMessage() + "); nothing was recorded, try again"));
        }
        // The citizen has the text now: record it whatever happened to the escalation meanwhile.
        Instant sentAt = now();
        store.conversations().append(ConversationMessage.of(e.conversation(), "officer-" + platformMessageId, sentAt,
                Author.OFFICER, officer.id(), body));
        if (procedure != null) {
            rememberProcedure(e, procedure);
        }
        store.counters().count(e.unit(), sentAt, Counter.OFFICER_REPLIES);
        EscalationChange change = store.escalations().answer(id, officer.id(), body);
        Escalation now = e;
        if (change instanceof EscalationChange.Applied(Escalation answered, EscalationStatus ignored)) {
            now = answered;
            if (isFirstAnswer(answered)) {
                store.counters().recordFirstResponse(answered.unit(), answered.id(), sentAt,
                        Duration.between(answered.createdAt(), sentAt));
            }
        } else {
            now = store.escalations().find(id).orElse(e);
        }
        return new ReplyOutcome(detail(now), new Delivery(e.conversation().channel(), window.mode(),
                platformMessageId, sentAt));
    }

    /** Closes it with a reason; one CLAIMED by another officer only that officer or a supervisor may close. */
    public EscalationDetail close(Officer officer, String id, String reason) {
        Escalation e = visible(officer, id);
        String why = requiredText(reason, "reason", REASON_LIMIT);
        requireActionable(officer, e, true);
        return detail(applied(store.escalations().close(id, officer.id(), why)));
    }

    /**
     * Stores the exchange as a proposed sample question of a procedure, for an editor's review.
     *
     * @param question null for the citizen's message; @param answer null for the officer's latest reply
     */
    public Suggestion suggest(Officer officer, String id, String procedureId, String question, String answer) {
        Escalation e = visible(officer, id);
        String procedure = blankToNull(procedureId);
        if (procedure == null) {
            throw refused(new Refusal.InvalidRequest("procedureId is required: the procedure the question belongs to"));
        }
        requireProcedure(procedure);
        String q = question == null ? e.citizenText() : requiredText(question, "question", QUESTION_LIMIT);
        String a = answer == null ? (e.answer() == null ? null : e.answer().text())
                : optionalText(answer, "answer", REPLY_LIMIT);
        return store.suggestions().add(new NewSuggestion(NewSuggestion.idFor(e.id(), procedure, q), e.id(), e.unit(),
                procedure, q, a, officer.id()));
    }

    /**
     * The figures per unit and day from {@code from} to {@code to} (inclusive, {@code YYYY-MM-DD}).
     *
     * @param unit null for the caller's unit; a supervisor then gets every unit with a registered page
     */
    public StatsView stats(Officer officer, String from, String to, String unit) {
        LocalDate first = day(from, "from");
        LocalDate last = day(to, "to");
        try {
            DailyRange.days(first, last);
        } catch (IllegalArgumentException e) {
            throw refused(new Refusal.InvalidRequest(e.getMessage()));
        }
        List<String> units;
        if (blankToNull(unit) != null || !officer.isSupervisor()) {
            units = List.of(unitFor(officer, unit, "figures"));
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

    /** Closed escalations take no action; one another officer holds only that officer (or, to close, a supervisor). */
    private static void requireActionable(Officer officer, Escalation e, boolean closing) {
        if (e.status() == EscalationStatus.CLOSED) {
            throw refused(new Refusal.Closed(e.id()));
        }
        boolean heldByOther = e.holder() != null && !e.holder().equals(officer.id())
                && (e.status() == EscalationStatus.CLAIMED || (!closing && e.status() == EscalationStatus.ANSWERED));
        if (heldByOther && !(closing && officer.isSupervisor())) {
            throw refused(new Refusal.HeldByOther(e.holder()));
        }
    }

    private static Escalation applied(EscalationChange change) {
        return switch (change) {
            case EscalationChange.Applied(Escalation e, EscalationStatus ignored) -> e;
            case EscalationChange.HeldByOther(Escalation ignored, String holder) ->
                    throw refused(new Refusal.HeldByOther(holder));
            case EscalationChange.WrongStatus(Escalation e) -> throw refused(e.status() == EscalationStatus.CLOSED
                    ? new Refusal.Closed(e.id()) : new Refusal.HeldByOther(String.valueOf(e.holder())));
            case EscalationChange.NotFound(String id) -> throw refused(new Refusal.NotFound(id));
        };
    }

    private static boolean isFirstAnswer(Escalation answered) {
        return answered.history().stream().filter(c -> c.status() == EscalationStatus.ANSWERED).count() == 1;
    }

    private String unitFor(Officer officer, String requested, String what) {
        String unit = blankToNull(requested);
        if (unit == null) {
            if (officer.unit() == null) {
                throw refused(new Refusal.InvalidRequest("name the unit whose " + what + " to show: unit=…"));
            }
            return officer.unit();
        }
        if (!officer.serves(unit)) {
            throw refused(new Refusal.Forbidden("officers see only their own unit's " + what + "; "
                    + "other units' are for supervisors"));
        }
        if (!Keys.couldBeId(unit)) {
            throw refused(new Refusal.InvalidRequest("'" + unit + "' is not a unit name"));
        }
        return unit;
    }

    private EscalationDetail detail(Escalation e) {
        List<ConversationMessage> recent = store.conversations().recent(e.conversation(), CONVERSATION_SHOWN);
        ConversationMessage asked = e.citizenMessageId() == null || e.citizenMessageAt() == null ? null
                : store.conversations().find(e.conversation(), e.citizenMessageAt(), e.citizenMessageId()).orElse(null);
        return new EscalationDetail(e, asked, recent, window(e, now()));
    }

    /** The window runs from the citizen's latest message, which may be later than the escalated one. */
    private ReplyWindow window(Escalation e, Instant now) {
        Instant last = e.citizenMessageAt();
        Instant latest = store.conversations().state(e.conversation())
                .map(ConversationState::lastUserMessageAt).orElse(null);
        if (latest != null && (last == null || latest.isAfter(last))) {
            last = latest;
        }
        return windows.at(e.conversation().channel(), last == null ? e.createdAt() : last, now);
    }

    private void rememberProcedure(Escalation e, String procedureId) {
        ConversationState before = store.conversations().state(e.conversation()).orElse(null);
        store.conversations().saveState(new ConversationState(e.conversation(),
                before == null ? e.unit() : before.unit(), procedureId, List.of(),
                before == null ? null : before.lastUserMessageAt()));
    }

    private void requireProcedure(String procedureId) {
        if (procedures.title(procedureId).isEmpty()) {
            throw refused(new Refusal.UnknownProcedure(procedureId));
        }
    }

    // ---- parsing ----

    private static EscalationStatus status(String given) {
        String s = blankToNull(given);
        if (s == null) {
            return EscalationStatus.OPEN;
        }
        try {
            return EscalationStatus.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw refused(new Refusal.InvalidStatus(given, STATUSES));
        }
    }

    private static int pageSize(String given) {
        return number(given, "limit", DEFAULT_PAGE_SIZE, 1, Escalations.MAX_PAGE_SIZE);
    }

    private static int number(String given, String name, int absent, int min, int max) {
        String s = blankToNull(given);
        if (s == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(s.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw refused(new Refusal.InvalidRequest(name + " must be a whole number from " + min + " to " + max
                + ", not '" + given + "'"));
    }

    private static LocalDate day(String given, String name) {
        if (blankToNull(given) == null) {
            throw refused(new Refusal.InvalidRequest(name + " is required, as YYYY-MM-DD"));
        }
        try {
            return LocalDate.parse(given.strip());
        } catch (DateTimeParseException e) {
            throw refused(new Refusal.InvalidRequest(name + " must be a day as YYYY-MM-DD, not '" + given + "'"));
        }
    }

    /** Trimmed, 1..limit characters. */
    private static String requiredText(String given, String name, int limit) {
        String t = given == null ? "" : given.strip();
        if (t.isEmpty()) {
            throw refused(new Refusal.InvalidRequest(name + " is required and must not be blank"));
        }
        return withinLimit(t, name, limit);
    }

    /** Trimmed, at most limit characters; blank is null. */
    private static String optionalText(String given, String name, int limit) {
        String t = given.strip();
        return t.isEmpty() ? null : withinLimit(t, name, limit);
    }

    private static String withinLimit(String t, String name, int limit) {
        int length = t.codePointCount(0, t.length());
        if (length > limit) {
            throw refused(new Refusal.InvalidRequest(name + " has " + length + " characters; at most " + limit));
        }
        return t;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static OfficerRequestRefused refused(Refusal refusal) {
        return new OfficerRequestRefused(refusal);
    }
}
