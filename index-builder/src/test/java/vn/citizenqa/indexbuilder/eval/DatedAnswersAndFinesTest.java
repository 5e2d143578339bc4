package vn.citizenqa.indexbuilder.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.answer.ReplyDrafter;
import vn.citizenqa.core.knowledge.KnowledgeReview;
import vn.citizenqa.core.model.Action;
import vn.citizenqa.core.model.ConversationContext;
import vn.citizenqa.core.model.Decision;

/** The knowledge base as of a day (the reduced passport fee ends on 31/12/2026) and the fines answered from it. */
class DatedAnswersAndFinesTest {

    private static Decision ask(LocalDate day, String text) {
        return TestKnowledge.assistant().on(day).decide(text, ConversationContext.NONE);
    }

    /** The reply as the drafter writes it. */
    private static String text(Decision d) {
        return new ReplyDrafter(TestKnowledge.assistant().knowledgeBase()).text(d.reply(), d.language());
    }

    @Test
    void thePassportFeeIsTheReducedOneInDecember2026AndTheStandardOneInJanuary2027() {
        Decision december = ask(LocalDate.of(2026, 12, 15), "làm hộ chiếu hết bao nhiêu tiền");
        assertEquals("cap-ho-chieu", december.procedure().id(), Evaluation.describe(december));
        assertTrue(text(december).contains("100.000 đồng khi cấp mới"), text(december));
        assertFalse(text(december).contains("400.000"), text(december));

        Decision january = ask(LocalDate.of(2027, 1, 5), "làm hộ chiếu hết bao nhiêu tiền");
        assertEquals("cap-ho-chieu", january.procedure().id(), Evaluation.describe(january));
        assertFalse(text(january).contains("100.000 đồng khi cấp mới"), text(january));
        assertTrue(text(january).contains("200.000 đồng khi cấp mới, 400.000 đồng"), text(january));
        assertTrue(text(january).contains("kiểm tra mức thu trên Cổng dịch vụ công"), text(january));
    }

    @Test
    void theReviewOnTheFirstOfDecemberListsThePassportAndSupportToolFeesEndingOnTheLastDay() {
        KnowledgeReview review = KnowledgeReview.of(TestKnowledge.procedures(), LocalDate.of(2026, 12, 1));
        var ending = review.ending().stream().map(KnowledgeReview.Ending::entryId).toList();
        assertTrue(ending.contains("cap-ho-chieu") && ending.contains("giay-phep-cong-cu-ho-tro"), ending.toString());
        assertTrue(review.ending().stream().allMatch(e -> e.fact().until().equals(LocalDate.of(2026, 12, 31))
                && e.next() != null), review.describe(LocalDate.of(2026, 12, 1)));
        assertTrue(review.stale().isEmpty(), review.describe(LocalDate.of(2026, 12, 1)));
        // A year and a day after the review every entry is stale, and nothing ends any more.
        KnowledgeReview later = KnowledgeReview.of(TestKnowledge.procedures(), LocalDate.of(2027, 12, 2));
        assertEquals(TestKnowledge.procedures().size(), later.stale().size());
        assertTrue(later.ending().isEmpty());
    }

    @Test
    void aRedLightOnAMotorbikeIsAnsweredWithTheRangeThePointsAndTheDecreeForMotorbikesOnly() {
        Decision d = ask(LocalDate.of(2026, 12, 1), "vượt đèn đỏ xe máy phạt bao nhiêu");
        assertEquals(Action.ANSWER, d.action(), Evaluation.describe(d));
        assertEquals("vuot-den-do", d.procedure().id());
        assertTrue(text(d).contains("4.000.000–6.000.000 đồng, trừ 4 điểm giấy phép lái xe"), text(d));
        assertTrue(text(d).contains("điểm c khoản 7 Điều 7") && text(d).contains("Nghị định 168/2024/NĐ-CP"), text(d));
        assertFalse(text(d).contains("18.000.000"), "the car's fine is not the first answer to a motorbike question");
    }

    @Test
    void aMessageAskingTheFineAndHowToGetTheImpoundedVehicleBackGetsBoth() {
        Decision d = ask(LocalDate.of(2026, 12, 1), "bị giữ xe vì vượt đèn đỏ, phạt bao nhiêu và làm sao lấy xe lại");
        assertEquals(Action.ANSWER, d.action(), Evaluation.describe(d));
        assertTrue(text(d).contains("4.000.000–6.000.000 đồng"), text(d));
        assertTrue(text(d).contains("Nhận lại phương tiện bị tạm giữ"), text(d));
    }

    @Test
    void aFineFollowUpGivesEveryVehicleAndTheNotes() {
        Decision d = TestKnowledge.assistant().on(LocalDate.of(2026, 12, 1))
                .decide("phạt bao nhiêu", ConversationContext.about("nong-do-con"));
        assertEquals("nong-do-con", d.procedure().id(), Evaluation.describe(d));
        assertTrue(text(d).contains("Xe máy") && text(d).contains("Ô tô") && text(d).contains("30.000.000–40.000.000"),
                text(d));
    }

    @Test
    void aProcedureTitleThatSharesAFinesWordsIsAnsweredWithTheProcedure() {
        Decision d = ask(LocalDate.of(2026, 12, 1), "Cấp đổi giấy phép lái xe");
        assertEquals("cap-doi-gplx", d.procedure() == null ? d.candidates().getFirst().id() : d.procedure().id(),
                Evaluation.describe(d));
    }

    /** The fine a citizen's own words name: the speed limit, a pupil's class, a missing turn signal. */
    private static String fineNamed(String text) {
        Decision d = ask(LocalDate.of(2026, 12, 1), text);
        return d.procedure() == null ? Evaluation.describe(d) : d.procedure().id();
    }

    @Test
    void aSpeedLimitNamedInAFineQuestionIsSpeeding() {
        assertEquals("chay-qua-toc-do", fineNamed("đường đó tốc độ cho phép 50 mà tôi chạy 70 thì bị phạt bao nhiêu"));
        assertEquals("chay-qua-toc-do", fineNamed("vượt giới hạn tốc độ 15km/h xe máy phạt thế nào"));
    }

    @Test
    void aPupilOfTheUpperSecondaryClassesRidingIsTheUnderEighteenFine() {
        assertEquals("nguoi-duoi-18-tuoi-lai-xe",
                fineNamed("con em đang học lớp 11 đi xe máy 110cc bị công an giữ, phạt thế nào"));
    }

    @Test
    void aMissingTurnSignalAloneIsTheTurningFineAndWithALaneChangeTheLaneFine() {
        assertEquals("chuyen-huong-khong-xi-nhan", fineNamed("xe máy không xi nhan bị phạt bao nhiêu tiền"));
        assertEquals("chuyen-lan-sai-quy-dinh", fineNamed("ô tô chuyển làn không xi nhan trên cao tốc phạt bao nhiêu"));
    }
}
