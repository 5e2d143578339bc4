package vn.citizenqa.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.answer.ConversationReplies;
import vn.citizenqa.core.answer.Replies;
import vn.citizenqa.core.answer.ReplyDrafter;
import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.channel.OutboundReply;
import vn.citizenqa.core.channel.ReplyFailedException;
import vn.citizenqa.core.channel.ReplyOption;
import vn.citizenqa.core.channel.ReplySender;
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
import vn.citizenqa.core.model.OnlineService;
import vn.citizenqa.core.model.Priority;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.model.Reply;
import vn.citizenqa.core.store.DailyFigures;
import vn.citizenqa.core.store.Escalation;
import vn.citizenqa.core.store.EscalationStatus;
import vn.citizenqa.core.store.InProcessStore;
import vn.citizenqa.core.store.MessageKey;
import vn.citizenqa.core.store.MessageState;
import vn.citizenqa.core.store.PageRegistration;
import vn.citizenqa.core.store.StoreSettings;

class MessageIntakeTest {

    private static final Instant NOW = Instant.parse("2026-03-02T03:00:00Z");
    private static final String UNIT = "ca-phuong-ben-nghe";
    private static final ConversationKey CITIZEN = new ConversationKey(Channel.MESSENGER, "page-1", "psid-1");

    private final Procedure tamTru = procedure("dang-ky-tam-tru", "Đăng ký tạm trú", Category.RESIDENCE);
    private final Procedure hoChieu = procedure("cap-ho-chieu", "Cấp hộ chiếu phổ thông", Category.IMMIGRATION);
    private final KnowledgeBase knowledge = new KnowledgeBase(List.of(tamTru, hoChieu));
    private final InProcessStore store = new InProcessStore(Clock.fixed(NOW, ZoneOffset.UTC), StoreSettings.defaults());
    private final RecordingSender sender = new RecordingSender();
    private final List<String> decided = new CopyOnWriteArrayList<>();
    private final List<ConversationContext> contexts = new CopyOnWriteArrayList<>();
    private final MessageIntake service = new MessageIntake(new ConversationPolicy(this::decide, knowledge), store, sender,
            Clock.fixed(NOW, ZoneOffset.UTC));

    MessageIntakeTest() {
        store.pages().register(new PageRegistration(Channel.MESSENGER, "page-1", UNIT, "Công an phường Bến Nghé", "token", null, null));
    }

    /** Stands in for the assistant with a few plain rules; the service must relay whatever it decides. */
    private Decision decide(String text, ConversationContext context) {
        decided.add(text);
        contexts.add(context);
        if (text.contains("tạm trú")) {
            return new Decision(Intent.PROCEDURE, Action.ANSWER, tamTru.ref(), List.of(new Candidate(tamTru.id(), tamTru.title(), 1)), 0.9, null,
                    new Reply.ProcedureAnswer(tamTru, false), Language.VIETNAMESE);
        }
        if (text.contains("giấy tờ")) {
            List<Candidate> c = List.of(new Candidate(tamTru.id(), tamTru.title(), 1), new Candidate(hoChieu.id(), hoChieu.title(), 0.9));
            return new Decision(Intent.PROCEDURE, Action.CLARIFY, null, c, 0.5, null, new Reply.Choice(c), Language.VIETNAMESE);
        }
        if (text.contains("cháy")) {
            return new Decision(Intent.EMERGENCY, Action.ESCALATE, null, List.of(), 1, new EscalationKind.Emergency("cháy"),
                    new Reply.EmergencyNumbers(List.of("114")), Language.VIETNAMESE);
        }
        if (text.contains("lừa đảo")) {
            return new Decision(Intent.CRIME_REPORT, Action.ESCALATE, null, List.of(), 1,
                    new EscalationKind.CrimeReport(List.of("lừa đảo")), new Reply.ReportReceived(), Language.VIETNAMESE);
        }
        return new Decision(Intent.OUT_OF_SCOPE, Action.DECLINE, null, List.of(), 1, null, new Reply.Declined(null),
                Language.VIETNAMESE);
    }

    private String answerText(Procedure p) {
        return new ReplyDrafter(knowledge).text(new Reply.ProcedureAnswer(p, false), Language.VIETNAMESE);
    }

    private static InboundMessage.Text text(String mid, String text) {
        return new InboundMessage.Text(CITIZEN, mid, NOW, text);
    }

    @Test
    void aQuestionIsAnsweredOnceAndRecorded() {
        Outcome outcome = service.handle(text("m1", "đăng ký tạm trú cần gì"));
        assertInstanceOf(Outcome.Replied.class, outcome);
        assertEquals(1, sender.sent.size());
        assertEquals(CITIZEN, sender.sent.getFirst().to());
        assertEquals(answerText(tamTru), sender.sent.getFirst().reply().text());
        assertEquals(List.of("Hồ sơ chi tiết", "Lệ phí", "Nơi nộp"),
                sender.sent.getFirst().reply().options().stream().map(ReplyOption::payload).toList());
        var claim = store.messages().find(new MessageKey(Channel.MESSENGER, "m1")).orElseThrow();
        assertEquals(MessageState.SENT, claim.state());
        assertEquals("dang-ky-tam-tru", assertInstanceOf(vn.citizenqa.core.store.ReplyDraft.Send.class, claim.draft()).procedureId());
        assertEquals(2, store.conversations().recent(CITIZEN, 10).size());
        assertEquals("dang-ky-tam-tru", store.conversations().state(CITIZEN).orElseThrow().lastProcedureId());
        DailyFigures day = today();
        assertEquals(1, day.count(vn.citizenqa.core.store.Counter.QUESTIONS));
        assertEquals(1, day.count(vn.citizenqa.core.store.Counter.ANSWERED));
    }

    @Test
    void aRedeliveredAnsweredMessageIsNotAnsweredDecidedOrCountedAgain() {
        service.handle(text("m1", "đăng ký tạm trú cần gì"));
        assertInstanceOf(Outcome.AlreadyAnswered.class, service.handle(text("m1", "đăng ký tạm trú cần gì")));
        assertEquals(1, sender.sent.size());
        assertEquals(1, decided.size());
        assertEquals(1, today().count(vn.citizenqa.core.store.Counter.QUESTIONS));
    }

    @Test
    void aFailedSendIsResentFromTheStoredDraftOnRedelivery() {
        sender.failures.set(1);
        Outcome first = service.handle(text("m1", "đăng ký tạm trú cần gì"));
        assertTrue(assertInstanceOf(Outcome.SendFailed.class, first).needsRedelivery());
        assertEquals(MessageState.DECIDED, store.messages().find(new MessageKey(Channel.MESSENGER, "m1")).orElseThrow().state());
        assertInstanceOf(Outcome.Replied.class, service.handle(text("m1", "đăng ký tạm trú cần gì")));
        assertEquals(1, sender.sent.size());
        assertEquals(List.of("Hồ sơ chi tiết", "Lệ phí", "Nơi nộp"),
                sender.sent.getFirst().reply().options().stream().map(ReplyOption::title).toList());
        assertEquals(1, decided.size(), "the redelivery sends the stored draft without deciding again");
        assertEquals(1, today().count(vn.citizenqa.core.store.Counter.QUESTIONS));
    }

    @Test
    void twentyConcurrentDeliveriesGiveOneReply() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            outcomes.add(pool.submit(() -> {
                start.await();
                return service.handle(text("m1", "đăng ký tạm trú cần gì"));
            }));
        }
        start.countDown();
        int replied = 0;
        for (Future<Outcome> f : outcomes) {
            Outcome o = f.get();
            replied += o instanceof Outcome.Replied ? 1 : 0;
            assertTrue(!o.needsRedelivery());
        }
        pool.shutdown();
        assertEquals(1, replied);
        assertEquals(1, sender.sent.size());
        assertEquals(1, decided.size());
    }

    @Test
    void anUnknownPageIsNotAnsweredNorStored() {
        var stranger = new InboundMessage.Text(new ConversationKey(Channel.MESSENGER, "page-x", "psid-1"), "m9", NOW, "tạm trú");
        assertInstanceOf(Outcome.UnknownPage.class, service.handle(stranger));
        assertEquals(List.of(), sender.sent);
        assertTrue(store.messages().find(new MessageKey(Channel.MESSENGER, "m9")).isEmpty());
    }

    @Test
    void ignoredKindsAreNeverAnswered() {
        assertInstanceOf(Outcome.Ignored.class, service.handle(new InboundMessage.Ignored(Channel.MESSENGER, "page-1", "m_e", "echo")));
        assertEquals(List.of(), sender.sent);
    }

    @Test
    void aClarifyOffersNumberedOptionsAndTheNextMessageGoesToTheAssistantWithThem() {
        service.handle(text("m1", "cần giấy tờ gì"));
        OutboundReply clarify = sender.sent.getFirst().reply();
        assertEquals(List.of("1", "2"), clarify.options().stream().map(ReplyOption::payload).toList());
        assertEquals("2. Cấp hộ chiếu phổ…", clarify.options().get(1).title(), "within a quick reply's 20 characters");

        service.handle(new InboundMessage.Choice(CITIZEN, "m2", NOW.plusSeconds(5), "2", "2. Cấp hộ chiếu…"));
        assertEquals(List.of("cần giấy tờ gì", "2"), decided, "the assistant's picker reads the choice");
        assertEquals(List.of(tamTru.id(), hoChieu.id()), contexts.getLast().lastCandidateIds());
    }

    @Test
    void theAssistantSeesWhatWasOfferedAndWhatWasAnswered() {
        service.handle(text("m1", "cần giấy tờ gì"));
        service.handle(text("m2", "còn cái khác?"));
        assertEquals(List.of(tamTru.id(), hoChieu.id()), contexts.getLast().lastCandidateIds());
        service.handle(text("m3", "đăng ký tạm trú"));
        service.handle(text("m4", "lệ phí bao nhiêu?"));
        assertEquals(new ConversationContext(tamTru.id(), List.of()), contexts.getLast());
    }

    @Test
    void aNumberOutsideTheOfferedOptionsIsAQuestionLikeAnyOther() {
        service.handle(text("m1", "cần giấy tờ gì"));
        service.handle(text("m2", "7"));
        assertEquals("7", decided.getLast());
        assertEquals(Replies.decline(), sender.sent.get(1).reply().text());
    }

    @Test
    void wrongAnswerFeedbackEscalatesWithTheQuestionAndTheAnswerGiven() {
        service.handle(text("m1", "đăng ký tạm trú cần gì"));
        service.handle(new InboundMessage.Choice(CITIZEN, "m2", NOW.plusSeconds(30), "Chưa đúng", "Chưa đúng"));
        assertEquals(ConversationReplies.wrongAnswerEscalated(), sender.sent.get(1).reply().text());
        List<Escalation> queue = store.escalations().queue(UNIT, EscalationStatus.OPEN, null, 10).escalations();
        assertEquals(1, queue.size());
        Escalation e = queue.getFirst();
        assertEquals(Priority.NORMAL, e.priority());
        assertEquals(EscalationKind.WrongAnswer.REASON, e.reason());
        assertEquals("đăng ký tạm trú cần gì", e.citizenText());
        assertEquals(answerText(tamTru), e.draftReply());
        assertEquals("m1", e.citizenMessageId());
        assertEquals(1, decided.size(), "feedback is not a question for the assistant");
    }

    @Test
    void helpfulFeedbackIsThanked() {
        service.handle(text("m1", "đăng ký tạm trú cần gì"));
        service.handle(text("m2", "hữu ích"));
        assertEquals(ConversationReplies.thanksForFeedback(), sender.sent.get(1).reply().text());
        assertTrue(store.escalations().queue(UNIT, EscalationStatus.OPEN, null, 10).escalations().isEmpty());
    }

    @Test
    void aDetailTappedUnderAnAnswerGivesThatFieldAndOffersTheOthers() {
        service.handle(text("m1", "đăng ký tạm trú cần gì"));
        service.handle(new InboundMessage.Choice(CITIZEN, "m2", NOW.plusSeconds(20), "Lệ phí", "Lệ phí"));

        OutboundReply fee = sender.sent.get(1).reply();
        assertTrue(fee.text().startsWith("💰 Lệ phí đăng ký tạm trú: Miễn phí"), fee.text());
        assertEquals(List.of("Hồ sơ chi tiết", "Nơi nộp", "Làm trực tuyến"),
                fee.options().stream().map(ReplyOption::payload).toList());
        assertEquals(List.of("đăng ký tạm trú cần gì"), decided, "an offered detail is not searched");
        assertEquals(tamTru.id(), store.conversations().state(CITIZEN).orElseThrow().lastProcedureId());
        assertEquals(2, today().count(vn.citizenqa.core.store.Counter.ANSWERED));
    }

    @Test
    void anEmergencyIsEscalatedUrgentAndCounted() {
        service.handle(text("m1", "nhà bên cạnh đang cháy"));
        Escalation e = store.escalations().queue(UNIT, EscalationStatus.OPEN, null, 10).escalations().getFirst();
        assertEquals(Priority.URGENT, e.priority());
        assertEquals(Intent.EMERGENCY, e.intent());
        assertEquals(Replies.emergency(List.of("114")), sender.sent.getFirst().reply().text());
        assertEquals(1, today().count(vn.citizenqa.core.store.Counter.EMERGENCIES));
        assertEquals(1, today().count(vn.citizenqa.core.store.Counter.ESCALATED));
    }

    @Test
    void aStickerGetsAskedForWordsAndAnImageAfterAReportIsEscalated() {
        service.handle(new InboundMessage.Attachment(CITIZEN, "m1", NOW, List.of("sticker"), null));
        assertEquals(ConversationReplies.askForWords(), sender.sent.getFirst().reply().text());
        assertTrue(store.escalations().queue(UNIT, EscalationStatus.OPEN, null, 10).escalations().isEmpty());

        service.handle(text("m2", "tôi bị lừa đảo chuyển tiền"));
        service.handle(new InboundMessage.Attachment(CITIZEN, "m3", NOW.plusSeconds(60), List.of("image"), null));
        assertEquals(ConversationReplies.attachmentForReport(), sender.sent.get(2).reply().text());
        List<Escalation> queue = store.escalations().queue(UNIT, EscalationStatus.OPEN, null, 10).escalations();
        assertEquals(2, queue.size());
        assertTrue(queue.stream().anyMatch(e -> e.citizenMessageId().equals("m3") && e.priority() == Priority.HIGH));
    }

    @Test
    void anImageWithACaptionIsAnsweredByItsWords() {
        service.handle(new InboundMessage.Attachment(CITIZEN, "m1", NOW, List.of("image"), "đăng ký tạm trú cần gì"));
        assertEquals(answerText(tamTru), sender.sent.getFirst().reply().text());
    }

    @Test
    void aNewFollowerIsWelcomedWithWhatThePageHelpsWith() {
        service.handle(new InboundMessage.Follow(CITIZEN, "follow:psid-1:1", NOW));
        String welcome = sender.sent.getFirst().reply().text();
        assertTrue(welcome.contains("Công an phường Bến Nghé"));
        assertTrue(welcome.contains(Category.RESIDENCE.label()) && welcome.contains(Category.IMMIGRATION.label()));
        assertTrue(!welcome.contains(Category.FIRE_SAFETY.label()), "only what the knowledge base covers");
        assertEquals(List.of(), decided);
    }

    @Test
    void theGetStartedButtonIsWelcomedLikeAFollow() {
        service.handle(new InboundMessage.Choice(CITIZEN, "m1", NOW, ConversationPolicy.GET_STARTED, "Bắt đầu"));
        assertTrue(sender.sent.getFirst().reply().text().startsWith("Chào mừng bạn đến với trang Công an phường Bến Nghé"));
        assertEquals(List.of(), decided);
    }

    @Test
    void aStoreFailurePropagatesSoTheWebhookAnswers503() {
        var failing = new MessageIntake(new ConversationPolicy(this::decide, knowledge), new UnreachableStore(store), sender,
                Clock.systemUTC());
        assertThrows(vn.citizenqa.core.store.StoreUnavailableException.class, () -> failing.handle(text("m1", "tạm trú")));
        assertEquals(List.of(), sender.sent);
    }

    private DailyFigures today() {
        return store.counters().figures(UNIT, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2)).getFirst();
    }

    static Procedure procedure(String id, String title, Category category) {
        return new Procedure(id, title, null, null, category, "Công an cấp xã", null, List.of("Tờ khai CT01"), List.of("Nộp hồ sơ"),
                "03 ngày làm việc", "Miễn phí", new OnlineService(OnlineService.Availability.FULL, List.of(), null), List.of(), null,
                LocalDate.of(2026, 1, 1), List.of(), List.of(), null);
    }

    record Sent(ConversationKey to, String inReplyTo, OutboundReply reply) {
    }

    static final class RecordingSender implements ReplySender {
        final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger failures = new AtomicInteger();

        @Override
        public String send(ConversationKey to, String inReplyTo, OutboundReply reply) throws ReplyFailedException {
            if (failures.getAndDecrement() > 0) {
                throw new ReplyFailedException("channel down");
            }
            sent.add(new Sent(to, inReplyTo, reply));
            return "out-" + sent.size();
        }
    }
}
