package vn.citizenqa.core.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.channel.ChannelCapability;
import vn.citizenqa.core.channel.OutboundReply;
import vn.citizenqa.core.channel.ReplyOption;
import vn.citizenqa.core.knowledge.KnowledgeBase;
import vn.citizenqa.core.model.Candidate;
import vn.citizenqa.core.model.Category;
import vn.citizenqa.core.model.Language;
import vn.citizenqa.core.model.OnlineService;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.model.ProcedureField;
import vn.citizenqa.core.model.Reply;

/** The words and options of each kind of reply, per language and per channel. */
class ReplyDrafterTest {

    private static final Procedure HO_CHIEU = new Procedure("cap-ho-chieu", "Cấp hộ chiếu phổ thông", "Passport", null,
            Category.IMMIGRATION, "Phòng Quản lý xuất nhập cảnh Công an tỉnh", null, List.of("Tờ khai TK01"), List.of(),
            "08 ngày làm việc", "Theo biểu phí áp dụng từ 2026-07-01 (kiểm tra trên Cổng dịch vụ công). Nộp cùng hồ sơ.",
            new OnlineService(OnlineService.Availability.FULL, List.of("https://dichvucong.bocongan.gov.vn"), null),
            List.of(), null, LocalDate.of(2026, 11, 28), List.of(), List.of(), null);
    private final ReplyDrafter drafter = new ReplyDrafter(new KnowledgeBase(List.of(HO_CHIEU)));

    private static List<String> titles(OutboundReply r) {
        return r.options().stream().map(ReplyOption::title).toList();
    }

    @Test
    void anAnswerOffersThreeDetailsAsButtonsOrNamesThemInPlainText() {
        Reply answer = new Reply.ProcedureAnswer(HO_CHIEU, false);

        OutboundReply zalo = drafter.draft(answer, Language.VIETNAMESE, ChannelCapability.BUTTONS);
        assertEquals(List.of("Hồ sơ chi tiết", "Lệ phí", "Nơi nộp"), titles(zalo));
        assertTrue(zalo.text().contains("Nhắn \"Chưa đúng\""), zalo.text());

        OutboundReply plain = drafter.draft(answer, Language.VIETNAMESE, ChannelCapability.PLAIN_TEXT);
        assertEquals(List.of(), plain.options());
        assertTrue(plain.text().endsWith("Nhắn: Hồ sơ chi tiết · Lệ phí · Nơi nộp"), plain.text());
    }

    @Test
    void aFirstAnswerToAFeeQuestionGivesTheFeeInFullAndOffersTheOtherDetails() {
        String fee = HO_CHIEU.fee();
        Reply asked = new Reply.ProcedureAnswer(HO_CHIEU, false, ProcedureField.FEE);
        OutboundReply zalo = drafter.draft(asked, Language.VIETNAMESE, ChannelCapability.BUTTONS);
        assertTrue(zalo.text().contains(Dates.inText(fee)), zalo.text());
        assertEquals(List.of("Hồ sơ chi tiết", "Nơi nộp", "Làm trực tuyến"), titles(zalo));

        String brief = drafter.text(new Reply.ProcedureAnswer(HO_CHIEU, false), Language.VIETNAMESE);
        assertFalse(brief.contains(Dates.inText(fee)), "not asked, the fee is given in brief: " + brief);
    }

    @Test
    void aDetailOffersTheOtherDetails() {
        OutboundReply fee = drafter.draft(new Reply.ProcedureDetail(HO_CHIEU, ProcedureField.FEE), Language.VIETNAMESE,
                ChannelCapability.QUICK_REPLIES);
        assertEquals(List.of("Hồ sơ chi tiết", "Nơi nộp", "Làm trực tuyến"), titles(fee));
    }

    @Test
    void datesAreWrittenDayMonthYearEvenWhenTheKnowledgeFileQuotesThemIso() {
        String fee = drafter.text(new Reply.ProcedureDetail(HO_CHIEU, ProcedureField.FEE), Language.VIETNAMESE);
        assertTrue(fee.contains("từ 01/07/2026") && fee.contains("28/11/2026"), fee);
        assertFalse(fee.matches("(?s).*\\d{4}-\\d{2}-\\d{2}.*"), fee);
        assertTrue(drafter.text(new Reply.ProcedureAnswer(HO_CHIEU, false), Language.ENGLISH).contains("reviewed 28/11/2026"));
    }

    @Test
    void aChoiceOffersAtMostThreeNumberedOptionsWithinTheChannelsTitleLimit() {
        List<Candidate> five = List.of(new Candidate("a", "Cấp hộ chiếu phổ thông", 0.9), new Candidate("b", "B", 0.8),
                new Candidate("c", "C", 0.7), new Candidate("d", "D", 0.6), new Candidate("e", "E", 0.5));
        Reply choice = new Reply.Choice(five);

        OutboundReply messenger = drafter.draft(choice, Language.VIETNAMESE, ChannelCapability.QUICK_REPLIES);
        assertEquals(List.of("1. Cấp hộ chiếu phổ…", "2. B", "3. C"), titles(messenger));
        assertEquals(List.of("1", "2", "3"), messenger.options().stream().map(ReplyOption::payload).toList());
        assertFalse(messenger.text().contains("4."), messenger.text());
        assertEquals("1. Cấp hộ chiếu phổ thông", titles(drafter.draft(choice, Language.VIETNAMESE,
                ChannelCapability.BUTTONS)).getFirst());
    }

    @Test
    void englishRepliesAreEnglishAndWhatTheConversationSaysStaysVietnamese() {
        assertTrue(drafter.text(new Reply.Greeting(), Language.ENGLISH).startsWith("Hello"));
        assertTrue(drafter.text(new Reply.EmergencyNumbers(List.of("115")), Language.ENGLISH).startsWith("115 (ambulance)"));
        assertEquals(ConversationReplies.askForWords(), drafter.text(new Reply.AskForWords(), Language.ENGLISH));
        assertEquals(List.of(), drafter.draft(new Reply.ProcedureAnswer(HO_CHIEU, false), Language.ENGLISH,
                ChannelCapability.BUTTONS).options(), "the details are Vietnamese texts: not offered in English");
    }
}
