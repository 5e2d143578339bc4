package vn.citizenqa.core.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.model.Candidate;
import vn.citizenqa.core.model.Category;
import vn.citizenqa.core.model.OnlineService;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.model.ProcedureField;

class RepliesTest {

    private static Procedure procedure(List<String> documents) {
        return new Procedure("dang-ky-tam-tru", "Đăng ký tạm trú", "Temporary residence registration", "1.004194",
                Category.RESIDENCE, "Công an cấp xã nơi dự kiến tạm trú", null, documents, List.of("Nộp hồ sơ"),
                "03 ngày làm việc", "15.000 đồng", new OnlineService(OnlineService.Availability.PARTIAL,
                        List.of("https://dichvucong.bocongan.gov.vn"), "Nộp qua VNeID"),
                List.of("Luật Cư trú"), "https://dichvucong.bocongan.gov.vn", LocalDate.of(2026, 11, 28),
                List.of("a", "b", "c", "d"), List.of(), null);
    }

    @Test
    void anAnswerStatesWhereDocumentsTimeFeeOnlineAndTheReviewDate() {
        String r = Replies.answer(procedure(List.of("Tờ khai CT01")));
        for (String part : List.of("Công an cấp xã", "Tờ khai CT01", "03 ngày làm việc", "15.000 đồng",
                "https://dichvucong.bocongan.gov.vn", "28/11/2026")) {
            assertTrue(r.contains(part), part + " missing from\n" + r);
        }
    }

    @Test
    void aLongListOfDocumentsIsNamedInBriefInTheFirstAnswerAndInFullAsADetail() {
        String doc = "Giấy tờ chứng minh chỗ ở hợp pháp (hợp đồng thuê nhà, giấy tờ nhà đất), bản sao hoặc bản chụp từ bản gốc";
        Procedure p = procedure(Collections.nCopies(12, doc));
        String r = Replies.answer(p);
        assertTrue(r.length() <= 700, r.length() + "\n" + r);
        assertTrue(r.contains("15.000 đồng") && r.contains("28/11/2026") && r.contains("(và 9 giấy tờ khác)"), r);
        assertTrue(r.contains("Giấy tờ chứng minh chỗ ở hợp pháp (hợp đồng thuê nhà, giấy tờ nhà đất);")
                || r.contains("Giấy tờ chứng minh chỗ ở hợp pháp;"), r);
        String all = Replies.field(p, ProcedureField.DOCUMENTS);
        assertEquals(12, all.split("\n• ", -1).length - 1, all);
        assertTrue(all.length() <= Replies.MAX_LENGTH);
    }

    @Test
    void aFollowUpAnswersTheFieldAsked() {
        Procedure p = procedure(List.of("Tờ khai CT01"));
        assertTrue(Replies.field(p, ProcedureField.FEE).contains("15.000 đồng"));
        assertTrue(Replies.field(p, ProcedureField.TIME).contains("03 ngày làm việc"));
        assertTrue(Replies.field(p, ProcedureField.PLACE).contains("Công an cấp xã"));
        assertTrue(Replies.field(p, ProcedureField.DOCUMENTS).contains("Tờ khai CT01"));
        assertTrue(Replies.field(p, ProcedureField.ONLINE).contains("trực tuyến"));
        assertTrue(Replies.field(p, ProcedureField.FEE).contains("28/11/2026"), "with the review date");
    }

    @Test
    void anEmergencyReplyStartsWithTheNumbers() {
        assertTrue(Replies.emergency(List.of("114", "115")).startsWith("114 (Cứu hỏa, cứu nạn), 115 (Cấp cứu)"));
        assertTrue(EnglishReplies.emergency(List.of("113")).startsWith("113 (police)"));
    }

    @Test
    void aCrimeReportReplyAcknowledgesGives113AndAsksForNoSecret() {
        for (String r : List.of(Replies.crimeReportAcknowledged(), EnglishReplies.crimeReportAcknowledged())) {
            assertTrue(r.contains("113"), r);
            String lower = r.toLowerCase(Locale.ROOT);
            // OTP, passwords and money appear only in the warning that the police never ask for them.
            int warning = Math.max(lower.indexOf("không bao giờ yêu cầu"), lower.indexOf("never ask"));
            assertTrue(warning >= 0, r);
            for (String secret : List.of("otp", "mật khẩu", "password", "chuyển tiền", "money")) {
                int at = lower.indexOf(secret);
                assertTrue(at < 0 || at > warning, secret + " outside the warning: " + r);
            }
        }
    }

    @Test
    void clarifyNumbersTheCandidates() {
        String r = Replies.clarify(List.of(new Candidate("a", "Cấp thẻ căn cước", 0.5), new Candidate("b", "Cấp đổi thẻ căn cước", 0.3)));
        assertTrue(r.contains("\n1. Cấp thẻ căn cước\n2. Cấp đổi thẻ căn cước"), r);
    }

    @Test
    void aDeclineSaysWhatThePageHelpsWithAndGivesTheNumbers() {
        String r = Replies.decline("cơ quan thuế");
        assertTrue(r.contains("cơ quan thuế") && r.contains("căn cước") && r.contains("113"), r);
        assertFalse(Replies.decline().contains("thẩm quyền"));
    }

    @Test
    void anEnglishAnswerHasTheEnglishTitleTheLinkAndAnOfferToContinueInVietnamese() {
        String r = EnglishReplies.answer(procedure(List.of("Tờ khai CT01")));
        assertTrue(r.startsWith("📋 Temporary residence registration"), r);
        assertTrue(r.contains("https://dichvucong.bocongan.gov.vn") && r.contains("Vietnamese"), r);
    }

    @Test
    void fitCutsAtAWord() {
        String text = "chữ ".repeat(800);
        String fitted = Replies.fit(text);
        assertTrue(fitted.length() <= Replies.MAX_LENGTH);
        assertEquals('…', fitted.charAt(fitted.length() - 1));
    }
}
