package vn.citizenqa.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.model.PaymentStatus;
import vn.citizenqa.core.model.PlateNumber;
import vn.citizenqa.core.model.Priority;
import vn.citizenqa.core.model.Violation;
import vn.citizenqa.core.units.MergeReport;
import vn.citizenqa.core.units.UnitChangeRefused;
import vn.citizenqa.core.units.UnitChanges;
import vn.citizenqa.core.violations.RecordedViolation;
import vn.citizenqa.core.violations.ViolationFile;
import vn.citizenqa.core.violations.ViolationImport;

/**
 * Units as records, merging one into another, and camera-recorded violations: the behaviour every {@link Store}
 * must have, run against the in-process store and DynamoDB by extending this class.
 */
public abstract class UnitsAndViolationsContract {

    private static final Instant START = Instant.parse("2026-11-30T02:00:00Z");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String FILE = ViolationFile.HEADER + "\n"
            + "51F-123.45,car,2026-11-14T08:12:00+07:00,\"Ngã tư Hàng Xanh, Bình Thạnh\",Không chấp hành hiệu lệnh "
            + "của đèn tín hiệu giao thông,Đội CSGT Bình Thạnh,unpaid\n"
            + "59X1-678.90,motorbike,2026-11-20T17:45:00+07:00,Cầu Sài Gòn,Chạy quá tốc độ quy định,"
            + "Đội CSGT Thủ Đức,paid\n";

    protected MutableClock clock;
    protected Store store;
    private UnitChanges units;

    protected abstract Store newStore(MutableClock clock, StoreSettings settings);

    @BeforeEach
    void freshStore() {
        clock = new MutableClock(START);
        store = newStore(clock, StoreSettings.defaults());
        units = new UnitChanges(store, clock, VIETNAM);
    }

    private static PageRegistration page(String id, String unit) {
        return new PageRegistration(Channel.MESSENGER, id, unit, "Trang " + id, "token-" + id, null, null);
    }

    private Escalation escalate(String messageId, String unit) {
        ConversationKey citizen = new ConversationKey(Channel.MESSENGER, "p1", "u-" + messageId);
        return store.escalations().create(new NewEscalation(
                NewEscalation.idFor(new MessageKey(Channel.MESSENGER, messageId)), unit, citizen, messageId,
                clock.instant(), Priority.URGENT, "cầm dao", Intent.EMERGENCY, "cứu với", "Gọi 113", List.of()))
                .escalation();
    }

    @Test
    void unitRecordsAreStoredWithTheirNamesAndMergesRead() {
        units.add("ca-phuong-a", "Công an phường A", "TP. Hồ Chí Minh", false);
        units.add("csgt-1", "Đội CSGT số 1", null, true);
        assertEquals(List.of("ca-phuong-a", "csgt-1"), store.units().all().stream().map(Unit::id).toList());
        Unit a = store.units().find("ca-phuong-a").orElseThrow();
        assertEquals("TP. Hồ Chí Minh", a.parent());
        assertTrue(a.isActive());
        assertTrue(store.units().find("csgt-1").orElseThrow().traffic());
        assertEquals("Công an phường Mới", units.rename("ca-phuong-a", "Công an phường Mới").displayName());
        assertEquals("Công an phường Mới", store.units().find("ca-phuong-a").orElseThrow().displayName());
    }

    @Test
    void aMergeMovesPagesAndWaitingCasesOnceAndRecordsTheMove() {
        units.add("a", "Công an phường A", "HCM", false);
        units.add("b", "Công an phường B", "HCM", false);
        store.pages().register(page("p1", "a"));
        store.pages().register(page("p2", "a"));
        store.pages().register(page("p3", "b"));
        Escalation open = escalate("m1", "a");
        Escalation claimed = escalate("m2", "a");
        store.escalations().claim(claimed.id(), "officer-a");
        store.escalations().addToCase(claimed.id(), new CaseAddition.SharedContact("m2-contact", clock.instant(),
                "Nguyễn Văn An", "0912345678", "12 Lê Lợi"));
        Escalation closed = escalate("m3", "a");
        store.escalations().close(closed.id(), "officer-a", false, "đã xử lý");

        MergeReport first = units.merge("a", "b", "operator");
        assertFalse(first.alreadyMerged());
        assertEquals(2, first.pagesMoved());
        assertEquals(2, first.escalationsMoved());
        assertEquals(LocalDate.of(2026, 11, 30), first.mergedOn());

        assertEquals(List.of("p1", "p2", "p3"), store.pages().ofUnit("b").stream().map(PageRegistration::pageId).toList());
        assertEquals(List.of(), store.pages().ofUnit("a"));
        assertEquals("token-p1", store.pages().find(Channel.MESSENGER, "p1").orElseThrow().accessToken());
        assertEquals(List.of(open.id()), ids(store.escalations().queue("b", EscalationStatus.OPEN, null, 10)));
        assertEquals(List.of(claimed.id()), ids(store.escalations().queue("b", EscalationStatus.CLAIMED, null, 10)));
        assertEquals(List.of(), ids(store.escalations().queue("a", EscalationStatus.OPEN, null, 10)));
        Escalation moved = store.escalations().find(claimed.id()).orElseThrow();
        assertEquals("officer-a", moved.holder());
        assertEquals(1, moved.additions().size(), "what joined the case moves with it");
        Escalation.StatusChange last = moved.history().getLast();
        assertEquals(EscalationStatus.CLAIMED, last.status());
        assertEquals("operator", last.by());
        assertTrue(last.note().contains("Công an phường A") && last.note().contains("Công an phường B"), last.note());
        assertEquals("a", store.escalations().find(closed.id()).orElseThrow().unit(), "closed cases stay the unit's");
        assertInstanceOf(Unit.Status.MergedInto.class, store.units().find("a").orElseThrow().status());

        clock.advance(Duration.ofDays(2));
        MergeReport again = units.merge("a", "b", "operator");
        assertEquals(new MergeReport("a", "b", LocalDate.of(2026, 11, 30), true, 0, 0), again);
        assertEquals(3, store.escalations().find(claimed.id()).orElseThrow().history().size(), "no second move");
        assertEquals("b", units.current("a").orElseThrow().id());
    }

    @Test
    void aMergeThatCannotBeMadeIsRefusedWithTheReason() {
        units.add("a", "A", null, false);
        units.add("b", "B", null, false);
        units.add("c", "C", null, false);
        assertTrue(assertThrows(UnitChangeRefused.class, () -> units.merge("a", "nowhere", "op")).getMessage()
                .contains("no unit 'nowhere'"));
        assertThrows(UnitChangeRefused.class, () -> units.merge("a", "a", "op"));
        units.merge("a", "b", "op");
        assertTrue(assertThrows(UnitChangeRefused.class, () -> units.merge("a", "c", "op")).getMessage()
                .contains("already merged into 'b'"));
        assertTrue(assertThrows(UnitChangeRefused.class, () -> units.merge("c", "a", "op")).getMessage()
                .contains("merge into 'b' instead"));
    }

    private static List<String> ids(EscalationQueuePage page) {
        return page.escalations().stream().map(Escalation::id).toList();
    }

    private List<Violation> read(String text) {
        return assertInstanceOf(ViolationFile.Reading.Read.class, ViolationFile.read(text)).violations();
    }

    @Test
    void importedViolationsAreFoundByPlateHoweverItIsTypedAndASecondImportChangesNothing() {
        ViolationImport importer = new ViolationImport(store.violations(), Duration.ofDays(30), clock);
        ViolationImport.Report first = importer.run("csgt-1", read(FILE));
        assertEquals(2, first.added());
        List<RecordedViolation> car = store.violations().ofPlate(PlateNumber.parse("51f 123 45").orElseThrow());
        assertEquals(1, car.size());
        assertEquals("Ngã tư Hàng Xanh, Bình Thạnh", car.getFirst().violation().place());
        assertEquals(PaymentStatus.UNPAID, car.getFirst().violation().status());
        assertEquals(null, car.getFirst().expiresAt());
        RecordedViolation bike = store.violations().ofPlate(PlateNumber.parse("59X167890").orElseThrow()).getFirst();
        assertEquals(START.plus(Duration.ofDays(30)), bike.expiresAt());
        assertEquals(START, store.violations().updatedAt().orElseThrow());

        clock.advance(Duration.ofHours(1));
        ViolationImport.Report again = importer.run("csgt-1", read(FILE));
        assertEquals(new ViolationImport.Report("csgt-1", 0, 0, 2, START.plus(Duration.ofHours(1))), again);
        assertEquals(car, store.violations().ofPlate(PlateNumber.parse("51F-123.45").orElseThrow()));

        ViolationImport.Report newer = importer.run("csgt-1", read(FILE.replace("unpaid", "paid")));
        assertEquals(1, newer.updated());
        RecordedViolation paid = store.violations().ofPlate(PlateNumber.parse("51F12345").orElseThrow()).getFirst();
        assertEquals(PaymentStatus.PAID, paid.violation().status());
        assertEquals(START.plus(Duration.ofHours(1)).plus(Duration.ofDays(30)), paid.expiresAt());

        clock.advance(Duration.ofDays(31));
        assertEquals(List.of(), store.violations().ofPlate(PlateNumber.parse("51F12345").orElseThrow()),
                "a paid violation expires");
    }

    @Test
    void aPlateWithoutRecordsHasNone() {
        assertEquals(List.of(), store.violations().ofPlate(PlateNumber.parse("30A-999.99").orElseThrow()));
        assertTrue(store.violations().updatedAt().isEmpty());
    }
}
