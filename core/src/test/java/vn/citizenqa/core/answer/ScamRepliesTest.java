package vn.citizenqa.core.answer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.model.ScamWarning;

class ScamRepliesTest {

    private static ScamWarning warning(int signs) {
        return new ScamWarning("gia-danh", "Giả danh công an gọi điện", List.of("tự xưng công an"),
                Collections.nCopies(signs, "Gọi điện báo liên quan vụ án, bắt giữ bí mật và chuyển tiền để xác minh"),
                List.of("Tắt máy"), List.of("Điều 174 Bộ luật Hình sự"), "https://bocongan.gov.vn",
                LocalDate.of(2026, 12, 1));
    }

    @Test
    void aTrickUnderWaySaysStopNowNamesTheTrickItsSignsAndThatOfficersHaveTheCase() {
        String reply = ScamReplies.underWay(warning(2));
        assertTrue(reply.startsWith("⚠️ Đây là dấu hiệu lừa đảo: Giả danh công an gọi điện."), reply);
        assertTrue(reply.contains("Đừng chuyển tiền"), reply);
        assertTrue(reply.contains("\n• Gọi điện báo liên quan vụ án"), reply);
        assertTrue(reply.contains("đã được chuyển cho cán bộ Công an"), reply);
        assertTrue(reply.endsWith("gọi 113."), reply);
    }

    @Test
    void manySignsAreCutBeforeTheOfficersLineWhichIsAlwaysSent() {
        String reply = ScamReplies.underWay(warning(40));
        assertTrue(reply.length() <= Replies.MAX_LENGTH, reply.length() + " characters");
        assertTrue(reply.contains("…\n🚨 Tin của bạn đã được chuyển cho cán bộ Công an"), reply);
    }

    @Test
    void withoutAWarningTheGeneralRulesAndTheOfficersLine() {
        String reply = ScamReplies.underWay(null);
        assertTrue(reply.startsWith("⚠️ Đây là dấu hiệu lừa đảo. Đừng chuyển tiền"), reply);
        assertFalse(reply.contains("Dấu hiệu:"), reply);
        assertTrue(reply.contains("cán bộ sẽ liên hệ lại"), reply);
    }
}
