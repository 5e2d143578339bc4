package vn.citizenqa.core.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.citizenqa.core.model.PlateNumber;
import vn.citizenqa.core.model.ProcedureRef;
import vn.citizenqa.core.store.Counter;
import vn.citizenqa.core.store.InProcessStore;
import vn.citizenqa.core.store.MutableClock;
import vn.citizenqa.core.store.StoreSettings;
import vn.citizenqa.core.units.UnitChanges;
import vn.citizenqa.core.violations.ViolationFile;
import vn.citizenqa.core.violations.ViolationImport;

/** What the desk does with units (merged ones refuse their officers), procedures and violation lists. */
class OfficerDeskUnitsTest {

    private static final Instant START = Instant.parse("2026-11-20T02:00:00Z");
    private static final Officer OF_A = new Officer("officer-a", "a", Role.OFFICER);
    private static final Officer OF_TRAFFIC = new Officer("officer-t", "csgt", Role.OFFICER);
    private static final Officer CHIEF = new Officer("chief", null, Role.SUPERVISOR);
    private static final String FILE = ViolationFile.HEADER + "\n"
            + "51F-123.45,car,2026-11-14T08:12:00+07:00,Hàng Xanh,Vượt đèn đỏ,Đội CSGT Bình Thạnh,unpaid\n";

    private MutableClock clock;
    private InProcessStore store;
    private OfficerDesk desk;
    private UnitChanges units;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(START);
        store = new InProcessStore(clock, StoreSettings.defaults());
        desk = new OfficerDesk(store, new OfficerDeskTest.RecordingSender(), ReplyWindows.defaults(),
                id -> Optional.empty(), new ProcedureDirectory(List.of(
                        new ProcedureRef("dang-ky-tam-tru", "Đăng ký tạm trú"),
                        new ProcedureRef("xoa-dang-ky-tam-tru", "Xóa đăng ký tạm trú"),
                        new ProcedureRef("cap-ho-chieu", "Cấp hộ chiếu phổ thông"))),
                Duration.ofDays(30), clock);
        units = new UnitChanges(store, clock, StoreSettings.VIETNAM);
        units.add("a", "Công an phường A", "TP. Hồ Chí Minh", false);
        units.add("b", "Công an phường B", "TP. Hồ Chí Minh", false);
        units.add("csgt", "Đội CSGT Bình Thạnh", "TP. Hồ Chí Minh", true);
    }

    private static Refusal refused(Runnable action) {
        return assertThrows(OfficerRequestRefused.class, action::run).refusal();
    }

    @Test
    void aMergedUnitsTokenIsRefusedNamingTheUnitItWasMergedInto() {
        desk.admit(OF_A);
        units.merge("a", "b", "operator");
        Refusal r = refused(() -> desk.admit(OF_A));
        assertInstanceOf(Refusal.Forbidden.class, r);
        assertTrue(r.message().contains("'b' (Công an phường B) on 20/11/2026") && r.message().contains("custom:unit"),
                r.message());
        desk.admit(new Officer("officer-b", "b", Role.OFFICER));
        desk.admit(CHIEF);
    }

    @Test
    void aSupervisorsFiguresStillListAMergedUnitUnderItsOwnId() {
        store.counters().count("a", START, Counter.QUESTIONS);
        units.merge("a", "b", "operator");
        StatsView view = desk.stats(CHIEF, "2026-11-20", "2026-11-20", null);
        assertEquals(1, view.units().stream().filter(u -> u.unit().equals("a")).findFirst().orElseThrow()
                .total().count(Counter.QUESTIONS));
        assertEquals(List.of("a", "b", "csgt"), desk.units(CHIEF).stream().map(vn.citizenqa.core.store.Unit::id).toList());
    }

    @Test
    void theTotalsMedianFirstReplyIsOverEveryUnitsReplies() {
        store.counters().recordFirstResponse("a", "e1", START, Duration.ofMinutes(2));
        store.counters().recordFirstResponse("b", "e2", START, Duration.ofMinutes(4));
        store.counters().recordFirstResponse("b", "e3", START, Duration.ofMinutes(30));
        StatsView view = desk.stats(CHIEF, "2026-11-20", "2026-11-20", null);
        assertEquals(Optional.of(Duration.ofMinutes(4)), view.total().medianFirstResponse());
    }

    @Test
    void theProcedureListSearchesEveryProcedureWithOrWithoutDiacritics() {
        assertEquals(List.of("dang-ky-tam-tru", "xoa-dang-ky-tam-tru"),
                desk.procedures("tam tru", null).stream().map(ProcedureRef::id).toList());
        assertEquals(List.of("cap-ho-chieu"), desk.procedures("Hộ chiếu", null).stream().map(ProcedureRef::id).toList());
        assertEquals(3, desk.procedures(null, null).size());
        assertEquals(1, desk.procedures("", "1").size());
        assertInstanceOf(Refusal.InvalidRequest.class, refused(() -> desk.procedures("x", "0")));
    }

    @Test
    void aTrafficUnitsOfficerOrASupervisorImportsViolationsAndOthersAreRefused() {
        ViolationImport.Report r = desk.importViolations(OF_TRAFFIC, null, FILE);
        assertEquals(1, r.added());
        assertEquals(1, store.violations().ofPlate(PlateNumber.parse("51F12345").orElseThrow()).size());
        assertEquals(1, desk.importViolations(CHIEF, "csgt", FILE).unchanged());
        assertInstanceOf(Refusal.Forbidden.class, refused(() -> desk.importViolations(OF_A, null, FILE)));
        assertInstanceOf(Refusal.Forbidden.class, refused(() -> desk.importViolations(OF_TRAFFIC, "a", FILE)));
    }

    @Test
    void aBadFileIsRefusedWithItsLinesAndNothingIsImported() {
        Refusal r = refused(() -> desk.importViolations(OF_TRAFFIC, null, FILE
                + "51F-999.99,car,yesterday,Hàng Xanh,Vượt đèn đỏ,Đội CSGT,unpaid\n"));
        var invalid = assertInstanceOf(Refusal.InvalidFile.class, r);
        assertEquals(3, invalid.problems().getFirst().line());
        assertEquals(List.of(), store.violations().ofPlate(PlateNumber.parse("51F12345").orElseThrow()));
        assertTrue(store.violations().updatedAt().isEmpty());
        assertEquals(LocalDate.of(2026, 11, 20), LocalDate.ofInstant(START, StoreSettings.VIETNAM));
    }
}
