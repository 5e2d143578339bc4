package vn.citizenqa.core.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The triage vocabularies of knowledge/triage read the way citizens type: capitals, no diacritics, teencode. */
class TriageTest {

    private static TriageSignals.Emergency emergency(String text) {
        return RealKnowledge.signals(text).emergency();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "nhà bên cạnh đang cháy to lắm                  | 114",
        "NHA BEN CANH DANG CHAY TO LAM                  | 114",
        "bình gas nhà em bị xì, mùi nồng nặc            | 114",
        "có người đuối nước ở hồ                        | 114",
        "co nguoi bi ket trong thang may                | 114",
        "thằng kia đang cầm dao đuổi chém người         | 113",
        "trộm đang cạy cửa nhà hàng xóm                 | 113",
        "con tôi bị bắt cóc                             | 113",
        "co nguoi dung tren lan can cau dinh nhay song  | 113",
        "tai nạn xe máy, một người bất tỉnh              | 115",
        "ông cụ ngất xỉu ngoài đường                    | 115",
        "bị điện giật nằm dưới cột điện                 | 115",
        "có cháy ở tầng 3 chung cư                      | 114",
        "ngoài đường có người bị xe tông                | 115",
        "có người ngất trên xe buýt, cần xe cấp cứu gấp | 115",
        "thằng nhỏ té xuống giếng                       | 114",
        "xe container lật đè lên xe máy                 | 114",
        "nguoi bi xe tong nam bat dong giua duong       | 115",
        "em gái em uống thuốc ngủ tự tử                 | 113",
        "chồng đang đánh tôi, tôi sợ lắm                | 113",
        "nhà kế bên nghe tiếng la hét kêu cứu           | 113",
        "có mùi khét nồng nặc và khói trong khu trọ     | 114",
        "dây điện đứt rơi xuống đường đang tóe lửa      | 115",
        "xe máy đâm vào người đi bộ, máu chảy nhiều     | 115",
        "nước lũ đang lên nhanh, người già không đi được | 114",
        "co ke dang cam sung o quan cafe                | 113",
        "bọn cướp vừa chạy về hướng cầu                 | 113",
        "Someone is drowning at the beach               | 114",
        "a man with a knife is threatening people       | 113",
        "FIRE!!!                                        | 114",
        "chay nha roi cuu voi                           | 114",
        "bị bắt nhốt trong phòng, đòi tiền chuộc        | 113",
        "có tiếng súng nổ liên tục                      | 114",
        "nhà em bị ngập tới nóc, cần cứu hộ             | 114",
        "em bị sốc phản vệ khó thở quá                  | 115",
        "có trộm vào nhà, em đang trốn trong tủ         | 113",
        "có kẻ đột nhập vào nhà lúc này                 | 113",
        "CỨU!!! có người bị đánh                        | 113",
    })
    void anEmergencyGivesTheRightNumberFirst(String text, String first) {
        TriageSignals.Emergency e = emergency(text);
        assertNotNull(e, text);
        assertEquals(first, e.numbers().getFirst(), text + " → " + e);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "thẩm duyệt phòng cháy chữa cháy cho nhà xưởng ở đâu",
        "tra cứu phạt nguội ở đâu",
        "kẹt xe quá nên chưa đi làm căn cước được",
        "ô tô bị tai nạn hư hỏng, hủy đăng ký xe thế nào",
        "dang ky thuong tru online duoc khong",
        "mat bang lai chay xe co bi phat khong",
        "lam can cuoc cho be di hoc",
        "co nguoi goi bao buu kien bi giu, bat dong phi 2tr moi giao",
        "ai đó dán đè lên mã QR của quán em",
        "người lạ nhắn tin bảo em cài ứng dụng hoàn tiền",
        "thông tin của em bị rò rỉ, giờ bọn lừa đảo gọi suốt",
    })
    void procedureQuestionsWithEmergencyLookingWordsAreNotEmergencies(String text) {
        assertNull(emergency(text), text);
    }

    @Test
    void anAmbiguousWordAloneIsNotAnEmergencyButIsWhenHappeningNow() {
        assertNull(emergency("hôm qua có vụ tai nạn ở ngã tư"));
        assertNotNull(emergency("đang có tai nạn ở ngã tư"));
        assertNotNull(emergency("tai nạn, có người bị thương"), "two different signs");
    }

    @Test
    void aWordInsideACrimeWordDoesNotCountForAnEmergency() {
        assertNull(emergency("e muon to giac duong day lua dao"), "lua dao is lừa đảo, not lửa");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "tôi bị lừa đảo chuyển khoản mất 30 triệu",
        "BI MAT TROM XE MAY TRUOC NHA",
        "hàng xóm tụ tập hút chích mỗi tối",
        "bọn tín dụng đen khủng bố điện thoại",
        "có trang facebook giả danh công an phường",
        "my wallet was stolen at the market",
        "bị mất xe máy trước cửa hàng tạp hóa",
        "thấy nhóm người lạ mặt đi xe không biển số lảng vảng",
        "shop online nhận tiền rồi không giao hàng",
        "bị người ta đăng ảnh bôi nhọ trên facebook",
        "quán nhậu mở loa to đến 12h đêm",
        "tài khoản ngân hàng bị trừ tiền không rõ lý do",
        "I was scammed by a fake shop online",
        "có người chặn xe đòi tiền",
        "nhà bên cạnh mở sòng bài",
    })
    void crimeReportsAreFound(String text) {
        assertFalse(RealKnowledge.signals(text).crime().isEmpty(), text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"cảm ơn ad nhiều ạ", "ok ad", "👍", "alo", "hi"})
    void smallTalkIsOnlySmallTalk(String text) {
        TriageSignals s = RealKnowledge.signals(text);
        assertTrue(s.smallTalk(), text);
        assertEquals(0, s.otherThanSmallTalk(), text);
    }

    @Test
    void aGreetingWithAQuestionIsNotOnlySmallTalk() {
        assertTrue(RealKnowledge.signals("chào ad, làm căn cước ở đâu").otherThanSmallTalk() > 0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "đăng ký kết hôn ở đâu", "làm giấy khai sinh cho con", "quyết toán thuế thu nhập cá nhân", "gia vang hom nay"})
    void otherAgenciesMattersAreOutOfScope(String text) {
        assertNotNull(RealKnowledge.signals(text).outOfScope(), text);
    }

    @Test
    void askingWhichAppIsNoOtherMatterButLearningEnglishIs() {
        // The police's own services have apps (VNeID, the guest register): which one is a police question.
        assertNull(RealKnowledge.signals("Nhà em cho khách thuê phòng theo ngày, báo lưu trú qua app nào vậy ạ?").outOfScope());
        assertNull(RealKnowledge.signals("co app nao xem xe minh bi phat nguoi khong").outOfScope());
        assertNotNull(RealKnowledge.signals("app nào học tiếng anh miễn phí hay vậy ad").outOfScope());
    }

    @Test
    void thueIsRentNotTax() {
        assertNull(RealKnowledge.signals("thue nha o ha dong co can khai bao tam tru").outOfScope());
    }

    @Test
    void englishIsRecognisedOnlyWithoutDiacritics() {
        assertTrue(RealKnowledge.signals("how do I renew my passport").english());
        assertFalse(RealKnowledge.signals("làm passport ở đâu").english());
        assertFalse(RealKnowledge.signals("lam passport o dau").english());
    }

    @Test
    void questionsAndTimeAreMarked() {
        assertTrue(RealKnowledge.signals("làm lại thế nào").question());
        assertTrue(RealKnowledge.signals("đang có người trèo vào nhà").present());
        assertEquals(List.of(), RealKnowledge.signals("làm căn cước").crime());
    }
    @Test
    void onlyACheckThatAsksAboutTheFraudOutweighsAnEmergency() {
        var certain = new TriageSignals.Emergency(List.of("115"), "tai nạn", true);
        var weak = new TriageSignals.Emergency(List.of("113"), "mô hình an toàn", false);
        assertTrue(new TriageSignals.Scam(TriageSignals.Scam.Kind.CHECK, "w", true, true).outweighs(certain));
        assertFalse(new TriageSignals.Scam(TriageSignals.Scam.Kind.CHECK, "w", false, true).outweighs(certain));
        assertTrue(new TriageSignals.Scam(TriageSignals.Scam.Kind.CHECK, "w", false, true).outweighs(weak));
        assertFalse(new TriageSignals.Scam(TriageSignals.Scam.Kind.CHECK, "w", true, false).outweighs(weak));
        assertFalse(new TriageSignals.Scam(TriageSignals.Scam.Kind.VICTIM, "w", true, true).outweighs(weak));
        // A stranger's demand in a trick named plainly outweighs the caller's tale of an emergency; not unnamed.
        var k = TriageSignals.Scam.Kind.CHECK;
        assertTrue(new TriageSignals.Scam(k, "w", true, false, true, true).outweighs(certain));
        assertFalse(new TriageSignals.Scam(k, "w", false, false, true, true).outweighs(certain));
        assertFalse(new TriageSignals.Scam(k, "w", true, false, true, false).outweighs(certain));
    }

    /** What someone asks the writer to do, and what the writer has not done, as the scam reading sees them. */
    @Test
    void aDemandDoubtedOrHeldBackIsACheckAndItsMoneyIsNotPaid() {
        var doubted = RealKnowledge.signals("họ bảo phải chuyển 50 triệu vào tài khoản tạm giữ, có nên tin không").scam();
        assertEquals(TriageSignals.Scam.Kind.CHECK, doubted.kind());
        assertTrue(doubted.demanded());
        assertTrue(doubted.byStranger());
        var heldBack = RealKnowledge.signals("có người bảo chỉ cần chuyển trước 400k phí mở thẻ, mình chưa chuyển").scam();
        assertEquals(TriageSignals.Scam.Kind.CHECK, heldBack.kind());
        var lost = RealKnowledge.signals("có người bảo chuyển trước 400k phí mở thẻ, mình chuyển xong thì họ không bắt máy").scam();
        assertEquals(TriageSignals.Scam.Kind.VICTIM, lost.kind());
        // A rule heard of, with no stranger asking: no check.
        assertEquals(null, RealKnowledge.signals("tôi nghe nói làm hộ chiếu phải nộp lệ phí qua cổng dịch vụ công, có đúng không").scam());
    }
}
