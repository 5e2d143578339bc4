package vn.citizenqa.core.answer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.model.Category;
import vn.citizenqa.core.model.OnlineService;
import vn.citizenqa.core.model.PaymentStatus;
import vn.citizenqa.core.model.PlateLookup;
import vn.citizenqa.core.model.PlateNumber;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.model.VehicleType;
import vn.citizenqa.core.model.Violation;

class PlateRepliesTest {

    private static final Instant AS_OF = Instant.parse("2026-11-30T17:30:00Z");
    private static final PlateNumber CAR = PlateNumber.parse("51F-123.45").orElseThrow();
    private static final Procedure PAYMENT = new Procedure("nop-phat-truc-tuyen",
            "Nộp phạt vi phạm giao thông trực tuyến", null, null, Category.TRAFFIC_VIOLATION, null, null, List.of(),
            List.of(), null, null, new OnlineService(OnlineService.Availability.FULL, List.of(), null), List.of(),
            "https://dichvucong.gov.vn", LocalDate.of(2026, 11, 28), List.of(), List.of(), null);

    private static Violation violation(String time, PaymentStatus status) {
        return new Violation(CAR, VehicleType.CAR, OffsetDateTime.parse(time), "Ngã tư Hàng Xanh",
                "Không chấp hành hiệu lệnh của đèn tín hiệu giao thông", "Đội CSGT Bình Thạnh", status);
    }

    @Test
    void unresolvedViolationsAreListedWithDayTimePlaceWhoHandlesItHowToResolveAndTheDataDate() {
        String r = PlateReplies.lookup(List.of(new PlateLookup.Found(CAR,
                List.of(violation("2026-11-14T08:12:00+07:00", PaymentStatus.UNPAID)), 1, AS_OF)), Optional.of(PAYMENT));
        assertTrue(r.contains("51F-123.45"), r);
        assertTrue(r.contains("14/11/2026 lúc 08:12, Ngã tư Hàng Xanh: Không chấp hành hiệu lệnh"), r);
        assertTrue(r.contains("Đơn vị giải quyết: Đội CSGT Bình Thạnh"), r);
        assertTrue(r.contains("Nộp phạt vi phạm giao thông trực tuyến): https://dichvucong.gov.vn"), r);
        assertTrue(r.contains("dữ liệu cập nhật đến 01/12/2026"), "the data's date in Vietnam's calendar: " + r);
        assertTrue(r.contains("1 lỗi khác đã nộp phạt"), r);
        assertFalse(r.matches("(?s).*\\d+[.,]\\d{3} ?(đ|đồng).*"), "no amount is ever stated: " + r);
    }

    @Test
    void aPlateWithOnlyPaidViolationsIsSaidToBePaid() {
        String r = PlateReplies.lookup(List.of(new PlateLookup.Found(CAR, List.of(), 2, AS_OF)), Optional.of(PAYMENT));
        assertTrue(r.contains("2 lỗi") && r.contains("đã nộp phạt"), r);
        assertFalse(r.contains("Cách giải quyết"), r);
    }

    @Test
    void aPlateWithoutRecordsGetsTheDataDateAndTheOfficialLookUps() {
        String r = PlateReplies.lookup(List.of(new PlateLookup.NoRecord(CAR, AS_OF)), Optional.of(PAYMENT));
        assertTrue(r.contains("không có vi phạm nào trong dữ liệu của chúng tôi tính đến ngày 01/12/2026"), r);
        assertTrue(r.contains("https://www.csgt.vn") && r.contains("VNeID"), r);
    }
}
