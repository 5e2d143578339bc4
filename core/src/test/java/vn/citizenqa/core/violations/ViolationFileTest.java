package vn.citizenqa.core.violations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.model.PaymentStatus;
import vn.citizenqa.core.model.VehicleType;
import vn.citizenqa.core.model.Violation;

class ViolationFileTest {

    private static final String HEADER = ViolationFile.HEADER + "\n";

    @Test
    void aGoodFileIsReadWithQuotedFieldsAndItsOffsets() {
        var read = assertInstanceOf(ViolationFile.Reading.Read.class, ViolationFile.read("\uFEFF" + HEADER
                + "51F-123.45,car,2026-11-14T08:12:00+07:00,\"Ngã tư Hàng Xanh, Bình Thạnh\",\"Vượt đèn \"\"đỏ\"\"\","
                + "Đội CSGT Bình Thạnh,unpaid\r\n\r\n"));
        Violation v = read.violations().getFirst();
        assertEquals("51F12345", v.plate().normalised());
        assertEquals(VehicleType.CAR, v.vehicle());
        assertEquals(OffsetDateTime.parse("2026-11-14T08:12:00+07:00"), v.time());
        assertEquals("Ngã tư Hàng Xanh, Bình Thạnh", v.place());
        assertEquals("Vượt đèn \"đỏ\"", v.violation());
        assertEquals(PaymentStatus.UNPAID, v.status());
    }

    @Test
    void aFileWithBadLinesIsRefusedWholeNamingEachLineAndProblem() {
        var refused = assertInstanceOf(ViolationFile.Reading.Refused.class, ViolationFile.read(HEADER
                + "51F-123.45,car,2026-11-14T08:12:00+07:00,Hàng Xanh,Vượt đèn đỏ,Đội CSGT,unpaid\n"
                + ",car,2026-11-14T08:12:00+07:00,Hàng Xanh,Vượt đèn đỏ,Đội CSGT,unpaid\n"
                + "51F-123.46,car,14/11/2026 08:12,Hàng Xanh,Vượt đèn đỏ,Đội CSGT,unpaid\n"
                + "51F-123.47,car,2026-11-14T08:12:00+07:00,Hàng Xanh,Vượt đèn đỏ,Đội CSGT,done\n"
                + "51F-123.48,tractor,2026-11-14T08:12:00+07:00,Hàng Xanh,Vượt đèn đỏ,Đội CSGT,paid\n"
                + "51F-123.49,car,2026-11-14T08:12:00,Hàng Xanh,Vượt đèn đỏ,Đội CSGT,paid\n"
                + "not-a-plate,car,2026-11-14T08:12:00+07:00,Hàng Xanh,Vượt đèn đỏ,Đội CSGT,paid\n"
                + "51F-123.45,car,2026-11-14T08:12:00+07:00,Hàng Xanh,Vượt đèn đỏ,Đội CSGT\n"));
        List<Integer> lines = refused.problems().stream().map(ViolationFile.LineProblem::line).toList();
        assertEquals(List.of(3, 4, 5, 6, 7, 8, 9), lines);
        assertTrue(refused.problems().get(0).problem().contains("plate is missing"));
        assertTrue(refused.problems().get(1).problem().contains("bad time '14/11/2026 08:12'"));
        assertTrue(refused.problems().get(2).problem().contains("unknown status 'done'"));
        assertTrue(refused.problems().get(3).problem().contains("unknown vehicle type 'tractor'"));
        assertTrue(refused.problems().get(4).problem().contains("bad time"), "a time without its offset");
        assertTrue(refused.problems().get(5).problem().contains("'not-a-plate' is not a plate"));
        assertTrue(refused.problems().get(6).problem().contains("has 6 fields"));
    }

    @Test
    void aFileWithOtherColumnsOrNoRowsIsRefused() {
        var owner = assertInstanceOf(ViolationFile.Reading.Refused.class, ViolationFile.read(
                ViolationFile.HEADER + ",owner\n51F-123.45,car,2026-11-14T08:12:00+07:00,a,b,c,unpaid,Nguyễn Văn A\n"));
        assertEquals(1, owner.problems().getFirst().line());
        assertTrue(owner.problems().getFirst().problem().contains("no owner's data"));
        assertInstanceOf(ViolationFile.Reading.Refused.class, ViolationFile.read(HEADER));
    }

    @Test
    void theSameViolationTwiceWithOtherDetailsIsAProblem() {
        var refused = assertInstanceOf(ViolationFile.Reading.Refused.class, ViolationFile.read(HEADER
                + "51F-123.45,car,2026-11-14T08:12:00+07:00,Hàng Xanh,Vượt đèn đỏ,Đội CSGT,unpaid\n"
                + "51F12345,car,2026-11-14T01:12:00Z,Hàng Xanh,Vượt đèn đỏ,Đội CSGT,paid\n"));
        assertEquals("line 3: the same violation as line 2 with other details", refused.problems().getFirst().toString());
    }
}
