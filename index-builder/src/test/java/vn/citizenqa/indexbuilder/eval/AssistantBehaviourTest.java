package vn.citizenqa.indexbuilder.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.citizenqa.core.model.ProcedureField;
import vn.citizenqa.core.answer.EnglishReplies;
import vn.citizenqa.core.answer.Replies;
import vn.citizenqa.core.answer.ReplyDrafter;
import vn.citizenqa.core.model.Action;
import vn.citizenqa.core.model.ConversationContext;
import vn.citizenqa.core.model.Decision;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.model.Priority;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.model.Reply;

/** What the assistant does with whole messages, over the repository's knowledge base. */
class AssistantBehaviourTest {

    private static Decision decide(String text) {
        return TestKnowledge.assistant().decide(text, ConversationContext.NONE);
    }

    private static Decision decide(String text, ConversationContext context) {
        return TestKnowledge.assistant().decide(text, context);
    }

    /** The reply as the drafter writes it. */
    private static String text(Decision d) {
        return new ReplyDrafter(TestKnowledge.assistant().knowledgeBase()).text(d.reply(), d.language());
    }

    /** The procedure as it stands on the assistant's day: a dated fee gives that day's version. */
    private static Procedure procedure(String id) {
        return TestKnowledge.assistant().knowledgeBase().get(id).on(TestKnowledge.assistant().today());
    }

    /** What a reply about the field must contain: the field's own text from the knowledge file. */
    private static String expectedPart(Procedure p, ProcedureField field) {
        return switch (field) {
            case FEE -> p.fee();
            case TIME -> p.processingTime();
            case PLACE -> p.agency();
            case DOCUMENTS -> p.documents().getFirst();
            case ONLINE -> p.online().links().isEmpty() ? Replies.PORTAL : p.online().links().getFirst();
        };
    }

    @Test
    void followUpsAnswerTheFieldOfTheProcedureLastDiscussed() throws IOException {
        List<String> lines = Files.readAllLines(TestKnowledge.DIR.resolve("eval/followups.tsv"), StandardCharsets.UTF_8);
        List<String> misses = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            Procedure p = procedure(f[0]);
            Decision d = decide(f[1], ConversationContext.about(f[0]));
            String part = expectedPart(p, ProcedureField.of(f[2]));
            if (d.action() != Action.ANSWER || !d.procedure().id().equals(f[0]) || !text(d).contains(part)) {
                misses.add(line + " → " + Evaluation.describe(d) + "\n" + text(d));
            }
        }
        assertTrue(misses.isEmpty(), String.join("\n\n", misses));
    }

    @Test
    void aFollowUpNamingAnotherProcedureIsAboutThatOne() {
        Decision d = decide("còn làm hộ chiếu thì lệ phí bao nhiêu", ConversationContext.about("dang-ky-tam-tru"));
        assertEquals("cap-ho-chieu", d.procedure() == null ? d.candidates().getFirst().id() : d.procedure().id(),
                Evaluation.describe(d));
    }

    @Test
    void aNumberAnswersTheCandidateOfferedAtThatPlace() {
        List<String> offered = List.of("cap-the-can-cuoc", "cap-doi-the-can-cuoc", "cap-lai-the-can-cuoc");
        ConversationContext ctx = new ConversationContext(null, offered);
        for (String reply : List.of("2", "số 2", "cái thứ 2 ạ", "hai")) {
            Decision d = decide(reply, ctx);
            assertEquals(Action.ANSWER, d.action(), reply);
            assertEquals("cap-doi-the-can-cuoc", d.procedure().id(), reply);
            assertEquals(new Reply.ProcedureAnswer(procedure("cap-doi-the-can-cuoc"), true), d.reply(), reply);
        }
    }

    @Test
    void aButtonPayloadWithTheIdAnswersThatCandidate() {
        ConversationContext ctx = new ConversationContext(null, List.of("cap-ho-chieu", "trinh-bao-mat-ho-chieu"));
        assertEquals("trinh-bao-mat-ho-chieu", decide("trinh-bao-mat-ho-chieu", ctx).procedure().id());
    }

    @Test
    void aNumberOutOfRangeOrWithoutAnOfferIsAnOrdinaryMessage() {
        ConversationContext ctx = new ConversationContext(null, List.of("cap-ho-chieu", "trinh-bao-mat-ho-chieu"));
        assertFalse(decide("5", ctx).action() == Action.ANSWER && decide("5", ctx).confidence() == 1.0);
        assertNull(decide("2").procedure());
    }

    @Test
    void anEnglishQuestionGetsAnEnglishAnswer() {
        Decision d = decide("How can I pay a traffic fine online?");
        assertEquals("nop-phat-truc-tuyen", new Evaluation.Outcome(new LabelledQuestion("", "", 0), d).firstId(),
                Evaluation.describe(d));
        if (d.action() == Action.ANSWER) {
            Procedure p = procedure("nop-phat-truc-tuyen");
            assertTrue(text(d).contains(p.titleEn()) && text(d).contains("Vietnamese"), text(d));
        } else {
            assertTrue(text(d).startsWith("Which of these"), text(d));
        }
    }

    @Test
    void anEmergencyEscalatesUrgentlyWithTheNumbersFirst() {
        Decision d = decide("CHAY NHA O HEM 12 CUU VOI");
        assertEquals(Intent.EMERGENCY, d.intent());
        assertEquals(Action.ESCALATE, d.action());
        assertEquals(Priority.URGENT, d.escalation().priority());
        assertTrue(text(d).startsWith("114"), text(d));
        assertTrue(text(decide("Help! There is a fire in my building")).startsWith("114 (fire and rescue)"));
    }

    @Test
    void aCrimeReportEscalatesHighWithAnAcknowledgement() {
        Decision d = decide("xe máy của em bị trộm mất trước cổng trường sáng nay");
        assertEquals(Intent.CRIME_REPORT, d.intent());
        assertEquals(Priority.HIGH, d.escalation().priority());
        assertEquals(Replies.crimeReportAcknowledged(), text(d));
    }

    @Test
    void aScamVictimEscalatesHighWithWhatToDoInTheNextMinutes() {
        Decision d = decide("kẻ giả nhân viên ngân hàng lừa tôi chuyển 12 triệu, giờ tôi phải làm gì?");
        assertEquals(Intent.CRIME_REPORT, d.intent());
        assertEquals(Priority.HIGH, d.escalation().priority());
        String reply = text(d);
        assertTrue(reply.contains("tổng đài ngân hàng") && reply.contains("biên lai") && reply.contains("lấy lại tiền"),
                reply);
    }

    @Test
    void aScamCheckIsAnsweredWithAWarningAndTheOfferToReport() {
        Decision d = decide("có cuộc gọi báo tôi nợ cước, sắp bị khóa sim, bảo bấm số 9, có phải lừa không?");
        assertEquals(Intent.SCAM_CHECK, d.intent());
        assertEquals(Action.WARN, d.action());
        String reply = text(d);
        assertTrue(reply.startsWith("⚠️ Cảnh báo lừa đảo: Giả nhân viên ngân hàng, nhà mạng"), reply);
        assertTrue(reply.contains("Điều 174") && reply.contains("tôi muốn trình báo"), reply);
        assertTrue(reply.length() <= Replies.MAX_LENGTH);
    }

    @Test
    void askingHowToReportACrimeIsTheProcedure() {
        Decision d = decide("thủ tục tố giác tội phạm như thế nào");
        assertEquals(Intent.PROCEDURE, d.intent());
        assertEquals("to-giac-tin-bao-toi-pham", new Evaluation.Outcome(new LabelledQuestion("", "", 0), d).firstId());
    }

    @Test
    void aProcedureQuestionWithACrimeWordIsStillTheProcedure() {
        Decision d = decide("bị móc túi mất căn cước rồi, giờ làm lại căn cước thế nào ạ");
        assertEquals(Intent.PROCEDURE, d.intent(), Evaluation.describe(d));
    }

    @Test
    void anotherAgencysMatterIsDeclinedWithWhoHandlesIt() {
        Decision d = decide("đăng ký kết hôn ở đâu ạ");
        assertEquals(Action.DECLINE, d.action());
        assertEquals(Intent.OUT_OF_SCOPE, d.intent());
        assertTrue(text(d).contains("Ủy ban nhân dân"), text(d));
    }

    @Test
    void aPoliceQuestionNoProcedureMatchesGoesToOfficers() {
        Decision d = decide("công an tỉnh có tuyển dụng cán bộ không");
        assertEquals(Action.ESCALATE, d.action(), Evaluation.describe(d));
        assertEquals(Priority.NORMAL, d.escalation().priority());
        assertEquals(Replies.escalated(), text(d));
    }

    @Test
    void somethingElseEntirelyIsDeclined() {
        Decision d = decide("kể chuyện cười đi ad");
        assertEquals(Action.DECLINE, d.action(), Evaluation.describe(d));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "cảm ơn ad", "👍👍", "?!"})
    void smallTalkAndEmptyMessagesGetAChatReply(String text) {
        Decision d = decide(text);
        assertEquals(Action.CHAT, d.action());
        assertEquals(Replies.smallTalk(), text(d));
    }

    @Test
    void aVeryLongMessageIsStillDecided() {
        Decision d = decide("làm căn cước ".repeat(5000));
        assertEquals(Intent.PROCEDURE, d.intent());
        assertTrue(text(d).length() <= Replies.MAX_LENGTH);
    }

    @Test
    void everyReplyFitsTheChannelLimit() {
        for (Procedure p : TestKnowledge.procedures()) {
            assertTrue(Replies.answer(p).length() <= Replies.MAX_LENGTH, p.id());
            assertTrue(EnglishReplies.answer(p).length() <= Replies.MAX_LENGTH, p.id());
            for (ProcedureField f : ProcedureField.values()) {
                assertTrue(Replies.field(p, f).length() <= Replies.MAX_LENGTH, p.id() + " " + f);
            }
        }
    }

    /** Longer messages are cut at 2,000 characters; one that long, made of words the index has, is still decided. */
    @Test
    void aPastedPageOfTheKnowledgeBasesOwnWordsIsStillDecided() {
        StringBuilder distinctWords = new StringBuilder();
        StringBuilder pastedSteps = new StringBuilder();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Procedure p : TestKnowledge.assistant().knowledgeBase().procedures()) {
            pastedSteps.append(String.join(" ", p.steps())).append(' ');
            List<String> texts = new ArrayList<>(p.documents());
            texts.addAll(p.steps());
            texts.addAll(p.sampleQuestions());
            texts.addAll(p.aliases());
            for (String text : texts) {
                for (String w : text.split("[\\s\\p{Punct}]+")) {
                    if (!w.isBlank() && seen.add(w.toLowerCase(java.util.Locale.ROOT))) {
                        distinctWords.append(w).append(' ');
                    }
                }
            }
        }
        for (StringBuilder page : List.of(distinctWords, pastedSteps)) {
            assertTrue(page.length() >= 2000, "the knowledge base gives a page of 2,000 characters");
            Decision d = decide(page.substring(0, 2000));
            assertFalse(text(d).isBlank());
        }
    }

    @Test
    void aMessageThatSaysWhatTellsASiblingApartIsOfferedBothRatherThanAnsweredWithTheFirst() {
        // "đời chủ" is what names the transfer through several owners, and nothing the plain transfer is called by.
        Decision d = decide("Xe em mua lại đã qua mấy đời chủ, giờ sang tên thế nào?");
        assertEquals(Action.CLARIFY, d.action(), Evaluation.describe(d));
        assertEquals(java.util.Set.of("sang-ten-xe", "sang-ten-xe-qua-nhieu-doi-chu"),
                java.util.Set.of(d.candidates().get(0).id(), d.candidates().get(1).id()));
        // Nothing of a foreigner's in the message: the citizen's procedure is answered though the foreigner's is second.
        Decision citizen = decide("Em muốn gia hạn tạm trú ở phòng trọ thì làm sao?");
        assertEquals(Action.ANSWER, citizen.action(), Evaluation.describe(citizen));
        assertEquals("gia-han-tam-tru", citizen.procedure().id());
    }

    @Test
    void anotherAgencysPaperThatAPoliceProcedureIsAskedAboutIsPartOfThePoliceQuestion() {
        // The identity card's sample questions ask about a lost birth certificate: the card is what is asked.
        Decision d = decide("Em bị mất giấy khai sinh, giờ làm căn cước được không ạ?");
        assertEquals(Action.ANSWER, d.action(), Evaluation.describe(d));
        assertEquals("cap-the-can-cuoc", d.procedure().id());
        // The birth certificate itself is still the other agency's.
        assertEquals(Action.DECLINE, decide("Làm lại giấy khai sinh bị mất ở đâu?").action());
    }

    @Test
    void anotherAgencysWordBesideAPoliceProcedureSaidInFullIsContext() {
        // "nhập hộ khẩu" says the whole of a name of permanent residence; "sổ hồng" is the land office's paper, context.
        Decision d = decide("mua nhà chưa có sổ hồng thì có nhập hộ khẩu được không ad");
        assertEquals(Action.ANSWER, d.action(), Evaluation.describe(d));
        assertEquals("dang-ky-thuong-tru", d.procedure().id());
        // A joint procedure named for the other agency's matter too is offered, not answered: the birth certificate
        // may be all that is asked.
        assertEquals(Action.CLARIFY, decide("vợ mới sinh bé, làm khai sinh với nhập khẩu cho bé trên mạng được không ạ").action());
        // Part of a police name ("lần đầu… xe… mới mua") beside the other agency's matter: still that agency's.
        assertEquals(Action.DECLINE, decide("đăng kiểm lần đầu cho xe tải mới mua").action());
        assertEquals(Action.DECLINE, decide("làm sổ hồng ở đâu").action());
    }

    @Test
    void aPoliceQuestionWithOneProcedureFoundShortOfAnAnswerIsOfferedIt() {
        // The fines set aside, the licence's re-issue is all that is left, at 0.8–0.9: offered, not passed to officers.
        Decision d = decide("Chào các anh chị. Lúc chuyển nhà tôi làm thất lạc cả bằng lái xe máy và bằng ô tô hạng C. "
                + "Tôi làm lại cả hai bằng cùng lúc được không, có phải chờ xác minh lâu không?");
        assertEquals(Action.CLARIFY, d.action(), Evaluation.describe(d));
        assertEquals(List.of("cap-lai-gplx"), d.candidates().stream().map(c -> c.id()).toList());
        assertTrue(text(d).startsWith("Có phải bạn đang hỏi về thủ tục này?"), text(d));
    }

    @Test
    void anotherAgencysWordComparedHeldOrDoneInTheAskingClauseIsContext() {
        // Compared with: the police record is what is to be corrected; the joint birth procedure does not lead.
        Decision compared = decide("Ngày sinh trên VNeID của em sai so với giấy khai sinh, sửa ở đâu ạ?");
        assertEquals(Intent.PROCEDURE, compared.intent(), Evaluation.describe(compared));
        assertEquals("dieu-chinh-thong-tin-csdl-dan-cu", compared.candidates().getFirst().id());
        // A paper brought for a police procedure the story names.
        Decision held = decide("Em lấy chồng ở Nam Định, nay muốn nhập khẩu về nhà chồng. Em cần mang giấy đăng ký kết "
                + "hôn với căn cước thôi hay phải thêm gì nữa ạ?");
        assertEquals(Intent.PROCEDURE, held.intent(), Evaluation.describe(held));
        assertEquals("dang-ky-thuong-tru", held.candidates().getFirst().id());
        // Done already.
        Decision done = decide("Chúng tôi đã đăng ký kết hôn, giờ chuyển hộ khẩu cho vợ về nhà tôi thì làm thế nào?");
        assertEquals(Action.ANSWER, done.action(), Evaluation.describe(done));
        assertEquals("dang-ky-thuong-tru", done.procedure().id());
        // Asked, beside something done: still the other agency's.
        assertEquals(Action.DECLINE, decide("Đã có giấy xác nhận độc thân rồi, đăng ký kết hôn ở đâu ạ?").action());
    }

    @Test
    void theJointBirthProcedureLeadsOnlyWhenTheBirthRegistrationIsAsked() {
        // The birth certificate is had: the newborn's residence alone is asked.
        Decision had = decide("Bé nhà em được 2 tháng, đã có giấy khai sinh rồi, giờ nhập khẩu cho bé thế nào ạ?");
        assertEquals(Action.CLARIFY, had.action(), Evaluation.describe(had));
        assertEquals("dang-ky-thuong-tru", had.candidates().getFirst().id());
        // Both at once: the joint procedure.
        Decision both = decide("làm khai sinh và nhập khẩu cho con mới sinh cùng lúc được không");
        assertEquals("lien-thong-khai-sinh-thuong-tru", both.candidates().getFirst().id(), Evaluation.describe(both));
    }
}
