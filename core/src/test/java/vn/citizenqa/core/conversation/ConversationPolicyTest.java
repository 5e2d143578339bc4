package vn.citizenqa.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.knowledge.KnowledgeBase;
import vn.citizenqa.core.model.Action;
import vn.citizenqa.core.model.Candidate;
import vn.citizenqa.core.model.Category;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.ConversationContext;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.model.Decision;
import vn.citizenqa.core.model.EscalationKind;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.model.Language;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.model.Reply;
import vn.citizenqa.core.store.Author;
import vn.citizenqa.core.store.ConversationMessage;
import vn.citizenqa.core.store.ConversationState;
import vn.citizenqa.core.store.Counter;
import vn.citizenqa.core.store.PageRegistration;
import vn.citizenqa.core.store.ReplyDraft;

/** The conversation policy alone: what a message comes to, from what its conversation recorded, with no store. */
class ConversationPolicyTest {

    private static final Instant NOW = Instant.parse("2026-03-02T03:00:00Z");
    private static final ConversationKey CITIZEN = new ConversationKey(Channel.ZALO, "oa-1", "u-1");
    private static final PageRegistration PAGE = new PageRegistration(Channel.ZALO, "oa-1", "ca-phuong-1",
            "Công an phường 1", "token", null, null);

    private final Procedure tamTru = MessageIntakeTest.procedure("dang-ky-tam-tru", "Đăng ký tạm trú", Category.RESIDENCE);
    private final List<String> decided = new ArrayList<>();
    private final ConversationPolicy policy = new ConversationPolicy(this::decide, new KnowledgeBase(List.of(tamTru)));

    private Decision decide(String text, ConversationContext context) {
        decided.add(text);
        if (text.contains("tạm trú")) {
            return new Decision(Intent.PROCEDURE, Action.ANSWER, tamTru.ref(), List.of(new Candidate(tamTru.id(), tamTru.title(), 1)),
                    0.9, null, new Reply.ProcedureAnswer(tamTru, false), Language.VIETNAMESE);
        }
        return new Decision(Intent.SMALL_TALK, Action.CHAT, null, List.of(), 1, null, new Reply.Greeting(), Language.VIETNAMESE);
    }

    private static ConversationState state(String lastProcedure) {
        return new ConversationState(CITIZEN, PAGE.unit(), lastProcedure, List.of(), null);
    }

    private static Incoming incoming(InboundMessage.FromCitizen m, ConversationState state, List<ConversationMessage> earlier) {
        return new Incoming(m, PAGE, state, () -> earlier, MessageRate.WITHIN, false, m.sentAt());
    }

    private static ConversationMessage citizen(String id, Instant at, String text, Intent takenAs, boolean choice) {
        return ConversationMessage.fromCitizen(CITIZEN, id, at, text, new ConversationMessage.TakenAs(takenAs, choice));
    }

    private static ConversationMessage assistant(String id, Instant at, String text) {
        return ConversationMessage.of(CITIZEN, id, at, Author.ASSISTANT, null, text);
    }

    private static InboundMessage.Attachment image(String id, Instant at) {
        return new InboundMessage.Attachment(CITIZEN, id, at, List.of("image"), null);
    }

    @Test
    void anImageSoonAfterAMessageRecordedAsAReportJoinsItWithoutDecidingTheReportAgain() {
        List<ConversationMessage> earlier = List.of(citizen("m1", NOW.minusSeconds(600), "nhà tôi bị trộm", Intent.CRIME_REPORT, false),
                assistant("reply-m1", NOW.minusSeconds(599), "Cảm ơn bạn đã báo tin."));

        Turn turn = policy.turn(incoming(image("m2", NOW), state(null), earlier));

        ReplyDraft.Send draft = assertInstanceOf(ReplyDraft.Send.class, turn.draft());
        assertInstanceOf(EscalationKind.ReportAttachment.class, draft.escalation());
        assertEquals(List.of(Counter.ESCALATED), turn.counters());
        assertEquals(EscalationKind.ReportAttachment.REASON, turn.escalation().orElseThrow().reason());
        assertEquals(List.of(), decided, "earlier messages are read from what was recorded, not decided again");
        assertTrue(turn.messages().getFirst().takenAs().report(), "the image is part of the report for the next one");
    }

    @Test
    void anImageLongAfterTheReportOrAfterOtherTalkAsksForWords() {
        List<ConversationMessage> old = List.of(citizen("m1", NOW.minusSeconds(7200), "nhà tôi bị trộm", Intent.CRIME_REPORT, false));
        List<ConversationMessage> talk = List.of(citizen("m1", NOW.minusSeconds(60), "xin chào", Intent.SMALL_TALK, false));

        for (List<ConversationMessage> earlier : List.of(old, talk, List.<ConversationMessage>of())) {
            Turn turn = policy.turn(incoming(image("m2", NOW), state(null), earlier));
            ReplyDraft.Send draft = assertInstanceOf(ReplyDraft.Send.class, turn.draft());
            assertEquals(Action.CHAT, draft.action());
            assertTrue(turn.escalation().isEmpty());
        }
    }

    @Test
    void aWrongAnswerEscalatesTheQuestionAChoiceWasMadeFor() {
        List<ConversationMessage> earlier = List.of(
                citizen("m1", NOW.minusSeconds(90), "giấy tờ", Intent.PROCEDURE, false),
                assistant("reply-m1", NOW.minusSeconds(89), "Bạn hỏi thủ tục nào?"),
                citizen("m2", NOW.minusSeconds(60), "1", Intent.PROCEDURE, true),
                assistant("reply-m2", NOW.minusSeconds(59), "📋 Đăng ký tạm trú"));
        var wrong = new InboundMessage.Text(CITIZEN, "m3", NOW, "Chưa đúng");

        Turn turn = policy.turn(incoming(wrong, state(tamTru.id()), earlier));

        var escalation = turn.escalation().orElseThrow();
        assertEquals(EscalationKind.WrongAnswer.REASON, escalation.reason());
        assertEquals("giấy tờ (chọn 1)", escalation.citizenText());
        assertEquals("📋 Đăng ký tạm trú", escalation.draftReply());
        assertEquals("m1", escalation.citizenMessageId());
        assertNull(turn.next().lastProcedureId(), "follow-ups no longer build on the wrong answer");
        assertEquals(List.of(), decided);
    }

    @Test
    void pastTheLimitOnlyAnEmergencyIsStillAnswered() {
        var chat = new InboundMessage.Text(CITIZEN, "m1", NOW, "xin chào");
        Turn first = policy.turn(new Incoming(chat, PAGE, state(null), List::of, MessageRate.JUST_EXCEEDED, false, NOW));
        ReplyDraft.Send notice = assertInstanceOf(ReplyDraft.Send.class, first.draft());
        assertInstanceOf(EscalationKind.Flood.class, notice.escalation());
        assertEquals(ConversationPolicy.floodKey(CITIZEN, NOW).messageId().substring(0, 10), "rate-limit");

        Turn again = policy.turn(new Incoming(chat, PAGE, state(null), List::of, MessageRate.JUST_EXCEEDED, true, NOW));
        assertInstanceOf(ReplyDraft.Withheld.class, again.draft(), "officers were told already this hour");
        assertEquals(1, again.messages().size(), "the message is still kept");

        ConversationPolicy emergencies = new ConversationPolicy((text, context) -> new Decision(Intent.EMERGENCY,
                Action.ESCALATE, null, List.of(), 1, new EscalationKind.Emergency("cháy"),
                new Reply.EmergencyNumbers(List.of("114")), Language.VIETNAMESE), new KnowledgeBase(List.of(tamTru)));
        Turn fire = emergencies.turn(new Incoming(chat, PAGE, state(null), List::of, MessageRate.EXCEEDED, true, NOW));
        ReplyDraft.Send urgent = assertInstanceOf(ReplyDraft.Send.class, fire.draft());
        assertTrue(urgent.text().startsWith("114"), urgent.text());
        assertEquals(List.of(Counter.QUESTIONS, Counter.ESCALATED, Counter.EMERGENCIES), fire.counters());
    }

    @Test
    void aResumedDraftWritesTheSameRecordsAndCountsNothing() {
        ConversationState offered = new ConversationState(CITIZEN, PAGE.unit(), null, List.of(tamTru.id()), null);
        var question = new InboundMessage.Text(CITIZEN, "m3", NOW, "đăng ký tạm trú");

        Turn answered = policy.turn(incoming(question, offered, List.of()));
        Turn resumed = policy.resumed(incoming(question, offered, List.of()), answered.draft());

        assertEquals(answered.messages(), resumed.messages());
        assertEquals(answered.next(), resumed.next());
        assertEquals(List.of(Counter.QUESTIONS, Counter.ANSWERED), answered.counters());
        assertEquals(List.of(), resumed.counters());
        assertEquals(tamTru.id(), resumed.next().lastProcedureId());
        assertEquals(List.of(), resumed.next().lastCandidateIds(), "an answer ends the choice");
    }
}
