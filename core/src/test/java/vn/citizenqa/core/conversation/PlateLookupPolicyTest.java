package vn.citizenqa.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.knowledge.KnowledgeBase;
import vn.citizenqa.core.model.Action;
import vn.citizenqa.core.model.Candidate;
import vn.citizenqa.core.model.Category;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.ConversationContext;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.model.Decision;
import vn.citizenqa.core.model.EscalationKind;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.model.Language;
import vn.citizenqa.core.model.PaymentStatus;
import vn.citizenqa.core.model.PlateLookup;
import vn.citizenqa.core.model.PlateNumber;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.model.Reply;
import vn.citizenqa.core.model.VehicleType;
import vn.citizenqa.core.model.Violation;
import vn.citizenqa.core.store.ConversationState;
import vn.citizenqa.core.store.Counter;
import vn.citizenqa.core.store.PageRegistration;
import vn.citizenqa.core.store.ReplyDraft;

/** What the policy makes of a message naming a plate, given what the records say of it. */
class PlateLookupPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");
    private static final ConversationKey CITIZEN = new ConversationKey(Channel.MESSENGER, "p-1", "u-1");
    private static final PageRegistration PAGE = new PageRegistration(Channel.MESSENGER, "p-1", "ca-phuong-1",
            "Công an phường 1", "token", null, null);
    private static final PlateNumber CAR = PlateNumber.parse("51F-123.45").orElseThrow();
    private static final PlateLookup FOUND = new PlateLookup.Found(CAR, List.of(new Violation(CAR, VehicleType.CAR,
            OffsetDateTime.parse("2026-11-14T08:12:00+07:00"), "Ngã tư Hàng Xanh", "Vượt đèn đỏ", "Đội CSGT Bình Thạnh",
            PaymentStatus.UNPAID)), 0, NOW);

    private final Procedure lookup = MessageIntakeTest.procedure(ConversationPolicy.PLATE_LOOKUP_PROCEDURE,
            "Tra cứu phương tiện vi phạm qua hình ảnh (phạt nguội)", Category.TRAFFIC_VIOLATION);
    private final Procedure payment = MessageIntakeTest.procedure("nop-phat-truc-tuyen",
            "Nộp phạt vi phạm giao thông trực tuyến", Category.TRAFFIC_VIOLATION);
    private final ConversationPolicy policy = new ConversationPolicy(this::decide,
            new KnowledgeBase(List.of(lookup, payment)));

    private Decision decide(String text, ConversationContext context) {
        if (text.contains("tông")) {
            return new Decision(Intent.CRIME_REPORT, Action.ESCALATE, null, List.of(), 0.9,
                    new EscalationKind.CrimeReport(List.of("tông người bỏ chạy")), new Reply.ReportReceived(), Language.VIETNAMESE);
        }
        Procedure p = text.contains("nộp phạt") ? payment : lookup;
        return new Decision(Intent.PROCEDURE, Action.ANSWER, p.ref(), List.of(new Candidate(p.id(), p.title(), 1)), 0.9,
                null, new Reply.ProcedureAnswer(p, false), Language.VIETNAMESE);
    }

    private Turn turn(String text, MessageRate rate) {
        var m = new InboundMessage.Text(CITIZEN, "m1", NOW, text);
        return policy.turn(new Incoming(m, PAGE, new ConversationState(CITIZEN, PAGE.unit(), null, List.of(), null),
                List::of, rate, true, NOW, java.util.Optional::empty, id -> false, List.of(FOUND)));
    }

    @Test
    void aPlateIsAnsweredFromTheRecordsAndCountedAsALookUp() {
        Turn t = turn("xe 51F-123.45 có bị phạt nguội không", MessageRate.WITHIN);
        ReplyDraft.Send s = assertInstanceOf(ReplyDraft.Send.class, t.draft());
        assertEquals(Action.ANSWER, s.action());
        assertEquals(ConversationPolicy.PLATE_LOOKUP_PROCEDURE, s.procedureId());
        assertTrue(s.text().contains("Biển số 51F-123.45: 1 lỗi") && s.text().contains("Đội CSGT Bình Thạnh"), s.text());
        assertEquals(List.of(Counter.QUESTIONS, Counter.ANSWERED, Counter.PLATE_LOOKUPS), t.counters());
    }

    @Test
    void aProcedureAskedWithAPlateIsAnsweredToo() {
        ReplyDraft.Send s = assertInstanceOf(ReplyDraft.Send.class,
                turn("xe 51F12345 nộp phạt online thế nào", MessageRate.WITHIN).draft());
        assertEquals("nop-phat-truc-tuyen", s.procedureId());
        assertTrue(s.text().startsWith("🚗 Biển số 51F-123.45") && s.text().contains("Nộp phạt vi phạm giao thông trực tuyến"),
                s.text());
    }

    @Test
    void aReportNamingAPlateStaysWithOfficers() {
        Turn t = turn("xe 51F-123.45 tông người rồi bỏ chạy", MessageRate.WITHIN);
        ReplyDraft.Send s = assertInstanceOf(ReplyDraft.Send.class, t.draft());
        assertEquals(Action.ESCALATE, s.action());
        assertTrue(t.escalation().isPresent());
        assertTrue(!t.counters().contains(Counter.PLATE_LOOKUPS));
    }

    @Test
    void pastTheRateLimitALookUpIsWithheldLikeAnyMessage() {
        Turn t = turn("xe 51F-123.45 có bị phạt nguội không", MessageRate.EXCEEDED);
        assertInstanceOf(ReplyDraft.Withheld.class, t.draft());
        assertEquals(List.of(), t.counters());
    }
}
