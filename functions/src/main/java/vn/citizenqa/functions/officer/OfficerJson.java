package vn.citizenqa.functions.officer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.citizenqa.core.model.Candidate;
import vn.citizenqa.core.model.ProcedureRef;
import vn.citizenqa.core.officer.Delivery;
import vn.citizenqa.core.officer.EscalationDetail;
import vn.citizenqa.core.store.CaseAddition;
import vn.citizenqa.core.officer.EscalationSummary;
import vn.citizenqa.core.officer.QueueView;
import vn.citizenqa.core.officer.Refusal;
import vn.citizenqa.core.officer.ReplyOutcome;
import vn.citizenqa.core.officer.ReplyWindow;
import vn.citizenqa.core.officer.StatsView;
import vn.citizenqa.core.officer.UnitStats;
import vn.citizenqa.core.store.ConversationMessage;
import vn.citizenqa.core.store.Counter;
import vn.citizenqa.core.store.DailyFigures;
import vn.citizenqa.core.store.Escalation;
import vn.citizenqa.core.store.Suggestion;
import vn.citizenqa.core.store.Unit;
import vn.citizenqa.core.violations.ViolationFile;
import vn.citizenqa.core.violations.ViolationImport;

/** The officer API's bodies, exactly as {@code /openapi/officer-api.yaml} describes them. */
public final class OfficerJson {

    /**
     * Writes {@code <}, {@code >}, {@code &}, {@code '} and the JavaScript line separators as {@code \\uXXXX}: the
     * same JSON to a parser, but citizens' words can never become markup or script, even where a page or a proxy
     * takes the body for HTML.
     */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
    }

    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        HtmlSafeEscapes() {
            for (char c : "<>&'".toCharArray()) {
                ascii[c] = ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 || ch == 0x2029 ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }

    private OfficerJson() {
    }

    public static ObjectNode queue(QueueView q) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("unit", q.unit());
        root.put("status", q.status().name());
        ArrayNode items = root.putArray("escalations");
        for (EscalationSummary s : q.escalations()) {
            summary(items.addObject(), s.escalation(), s.replyDeadline());
        }
        root.put("nextCursor", q.nextCursor());
        return root;
    }

    public static ObjectNode detail(EscalationDetail d) {
        ObjectNode root = MAPPER.createObjectNode();
        Escalation e = d.escalation();
        summary(root, e, d.replyWindow().deadline());
        if (d.citizenMessage() == null) {
            root.putNull("citizenMessage");
        } else {
            message(root.putObject("citizenMessage"), d.citizenMessage());
        }
        ArrayNode conversation = root.putArray("conversation");
        d.conversation().forEach(m -> message(conversation.addObject(), m));
        ObjectNode draft = root.putObject("draft");
        draft.put("reply", e.draftReply());
        ArrayNode candidates = draft.putArray("candidates");
        for (Candidate c : e.candidates()) {
            candidates.addObject().put("id", c.id()).put("title", c.title()).put("score", c.score());
        }
        window(root.putObject("replyWindow"), d.replyWindow());
        if (e.answer() == null) {
            root.putNull("answer");
        } else {
            root.putObject("answer").put("officer", e.answer().officer()).put("text", e.answer().text())
                    .put("at", time(e.answer().at()));
        }
        if (e.closure() == null) {
            root.putNull("closure");
        } else {
            root.putObject("closure").put("officer", e.closure().officer()).put("reason", e.closure().reason())
                    .put("at", time(e.closure().at()));
        }
        ArrayNode history = root.putArray("history");
        for (Escalation.StatusChange c : e.history()) {
            history.addObject().put("status", c.status().name()).put("by", c.by()).put("at", time(c.at()))
                    .put("note", c.note());
        }
        // The latest place and contact details, as the console's "Vị trí, liên hệ" panel shows them.
        CaseAddition.SharedLocation place = null;
        CaseAddition.SharedContact contact = null;
        for (CaseAddition a : e.additions()) {
            switch (a) {
                case CaseAddition.SharedLocation l -> place = l;
                case CaseAddition.SharedContact c -> contact = c;
            }
        }
        if (place == null) {
            root.putNull("location");
        } else {
            root.putObject("location").put("latitude", place.point().latitude()).put("longitude", place.point().longitude())
                    .put("title", place.placeName());
        }
        if (contact == null) {
            root.putNull("contact");
        } else {
            root.putObject("contact").put("name", contact.name()).put("phone", contact.phone()).put("address", contact.address());
        }
        ArrayNode additions = root.putArray("additions");
        for (CaseAddition a : e.additions()) {
            ObjectNode o = additions.addObject();
            o.put("messageId", a.messageId()).put("at", time(a.at()));
            switch (a) {
                case CaseAddition.SharedLocation l -> o.put("kind", "location").put("latitude", l.point().latitude())
                        .put("longitude", l.point().longitude()).put("placeName", l.placeName())
                        .put("mapLink", l.point().mapLink());
                case CaseAddition.SharedContact c -> o.put("kind", "contact").put("name", c.name()).put("phone", c.phone())
                        .put("address", c.address());
            }
        }
        return root;
    }

    public static ObjectNode replied(ReplyOutcome outcome) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("escalation", detail(outcome.escalation()));
        Delivery d = outcome.delivery();
        root.putObject("delivery").put("channel", d.channel().wireName()).put("mode", d.mode().name())
                .put("platformMessageId", d.platformMessageId()).put("sentAt", time(d.sentAt()));
        return root;
    }

    public static ObjectNode suggestion(Suggestion s) {
        return MAPPER.createObjectNode()
                .put("id", s.id())
                .put("escalationId", s.escalationId())
                .put("unit", s.unit())
                .put("procedureId", s.procedureId())
                .put("question", s.question())
                .put("answer", s.answer())
                .put("officer", s.officer())
                .put("createdAt", time(s.createdAt()))
                .put("status", s.status().name());
    }

    public static ObjectNode stats(StatsView stats) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("from", stats.from().toString());
        root.put("to", stats.to().toString());
        ArrayNode units = root.putArray("units");
        for (UnitStats u : stats.units()) {
            ObjectNode unit = units.addObject();
            unit.put("unit", u.unit());
            ArrayNode days = unit.putArray("days");
            u.days().forEach(d -> figures(days.addObject(), d));
            figures(unit.putObject("total"), u.total());
        }
        figures(root.putObject("total"), stats.total());
        return root;
    }

    public static ObjectNode units(List<Unit> units) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode items = root.putArray("units");
        for (Unit u : units) {
            ObjectNode o = items.addObject().put("id", u.id()).put("name", u.displayName()).put("parent", u.parent())
                    .put("traffic", u.traffic());
            switch (u.status()) {
                case Unit.Status.Active a -> o.put("status", "ACTIVE").putNull("mergedInto").putNull("mergedOn");
                case Unit.Status.MergedInto(String into, LocalDate on) ->
                        o.put("status", "MERGED").put("mergedInto", into).put("mergedOn", on.toString());
            }
        }
        return root;
    }

    public static ObjectNode procedures(List<ProcedureRef> procedures) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode items = root.putArray("procedures");
        procedures.forEach(p -> items.addObject().put("id", p.id()).put("title", p.title()));
        return root;
    }

    public static ObjectNode imported(ViolationImport.Report r) {
        return MAPPER.createObjectNode().put("unit", r.unit()).put("added", r.added()).put("updated", r.updated())
                .put("unchanged", r.unchanged()).put("importedAt", time(r.importedAt()));
    }

    public static ObjectNode error(String code, String message) {
        return MAPPER.createObjectNode().put("error", code).put("message", message);
    }

    /** The error body of a refusal, with the fields its kind adds. */
    public static ObjectNode error(String code, Refusal refusal) {
        ObjectNode body = error(code, refusal.message());
        switch (refusal) {
            case Refusal.HeldByOther(String holder) -> body.put("holder", holder);
            case Refusal.InvalidStatus(String ignored, List<String> valid) -> {
                ArrayNode values = body.putArray("validValues");
                valid.forEach(values::add);
            }
            case Refusal.ReplyWindowClosed(ReplyWindow w, String ignored) -> window(body.putObject("replyWindow"), w);
            case Refusal.InvalidFile(List<ViolationFile.LineProblem> problems) -> {
                ArrayNode lines = body.putArray("problems");
                problems.forEach(p -> lines.addObject().put("line", p.line()).put("problem", p.problem()));
            }
            default -> {
                // the code and message say it all
            }
        }
        return body;
    }

    private static void summary(ObjectNode o, Escalation e, Instant replyDeadline) {
        o.put("id", e.id());
        o.put("unit", e.unit());
        o.put("channel", e.conversation().channel().wireName());
        o.put("pageId", e.conversation().pageId());
        o.put("status", e.status().name());
        o.put("priority", e.priority().name());
        o.put("intent", e.intent() == null ? null : e.intent().name());
        o.put("reason", e.reason());
        o.put("citizenText", e.citizenText());
        o.put("citizenMessageAt", time(e.citizenMessageAt()));
        o.put("createdAt", time(e.createdAt()));
        o.put("holder", e.holder());
        o.put("replyDeadline", time(replyDeadline));
    }

    private static void message(ObjectNode o, ConversationMessage m) {
        o.put("id", m.id()).put("at", time(m.at())).put("author", m.author().name()).put("authorId", m.authorId())
                .put("text", m.text());
    }

    private static void window(ObjectNode o, ReplyWindow w) {
        o.put("channel", w.channel().wireName())
                .put("lastCitizenMessageAt", time(w.lastCitizenMessageAt()))
                .put("mode", w.mode().name())
                .put("standardUntil", time(w.standardUntil()))
                .put("deadline", time(w.deadline()));
    }

    private static void figures(ObjectNode o, DailyFigures f) {
        LocalDate day = f.day();
        o.put("day", day == null ? null : day.toString());
        o.put("questions", f.count(Counter.QUESTIONS));
        o.put("answered", f.count(Counter.ANSWERED));
        o.put("clarified", f.count(Counter.CLARIFIED));
        o.put("escalated", f.count(Counter.ESCALATED));
        o.put("crimeReports", f.count(Counter.CRIME_REPORTS));
        o.put("emergencies", f.count(Counter.EMERGENCIES));
        o.put("officerReplies", f.count(Counter.OFFICER_REPLIES));
        o.put("plateLookups", f.count(Counter.PLATE_LOOKUPS));
        o.put("firstReplies", f.firstResponseTimes().size());
        o.put("medianFirstReplySeconds", f.medianFirstResponse().map(Duration::toSeconds).orElse(null));
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
