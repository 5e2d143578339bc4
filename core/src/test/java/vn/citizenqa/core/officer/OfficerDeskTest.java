package vn.citizenqa.core.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.citizenqa.core.channel.ReplyFailedException;
import vn.citizenqa.core.model.Candidate;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.model.Priority;
import vn.citizenqa.core.store.Author;
import vn.citizenqa.core.store.ConversationMessage;
import vn.citizenqa.core.store.ConversationState;
import vn.citizenqa.core.store.Counter;
import vn.citizenqa.core.store.DailyFigures;
import vn.citizenqa.core.store.Escalation;
import vn.citizenqa.core.store.EscalationStatus;
import vn.citizenqa.core.store.InProcessStore;
import vn.citizenqa.core.store.MessageKey;
import vn.citizenqa.core.store.MutableClock;
import vn.citizenqa.core.store.NewEscalation;
import vn.citizenqa.core.store.PageRegistration;
import vn.citizenqa.core.store.StoreSettings;
import vn.citizenqa.core.store.Suggestion;
import vn.citizenqa.core.store.SuggestionStatus;

class OfficerDeskTest {

    private static final Instant START = Instant.parse("2026-11-20T02:00:00Z");
    private static final String WARD = "cong-an-phuong-ben-nghe";
    private static final String DISTRICT = "cong-an-quan-1";

    private static final Officer AN = new Officer("officer-an", WARD, Role.OFFICER);
    private static final Officer BINH = new Officer("officer-binh", WARD, Role.OFFICER);
    private static final Officer CUONG = new Officer("officer-cuong", DISTRICT, Role.OFFICER);
    private static final Officer CHIEF = new Officer("chief", null, Role.SUPERVISOR);

    private MutableClock clock;
    private InProcessStore store;
    private RecordingSender sender;
    private OfficerDesk desk;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(START);
        store = new InProcessStore(clock, StoreSettings.defaults());
        sender = new RecordingSender();
        desk = deskWith(ReplyWindows.defaults());
    }

    private OfficerDesk deskWith(ReplyWindows windows) {
        Map<String, String> titles = Map.of("cap-ho-chieu", "Cấp hộ chiếu", "to-giac-toi-pham", "Tố giác tội phạm");
        return new OfficerDesk(store, sender, windows, id -> Optional.ofNullable(titles.get(id)), clock);
    }

    /** A citizen's message on the page, stored as the conversation service stores it, and its escalation. */
    private Escalation escalated(String messageId, String unit, Priority priority, Channel channel, String text) {
        ConversationKey conversation = new ConversationKey(channel, "page-" + unit, "citizen-" + messageId);
        Instant at = clock.instant();
        store.conversations().append(ConversationMessage.of(conversation, messageId, at, Author.CITIZEN, null, text));
        store.conversations().append(ConversationMessage.of(conversation, "reply-" + messageId, at, Author.ASSISTANT,
                null, "Cán bộ sẽ liên hệ với bạn."));
        store.conversations().saveState(new ConversationState(conversation, unit, null, List.of(), at));
        return store.escalations().create(new NewEscalation(NewEscalation.idFor(new MessageKey(channel, messageId)),
                unit, conversation, messageId, at, priority, "tố giác", Intent.CRIME_REPORT, text,
                "Cán bộ sẽ liên hệ với bạn.", List.of(new Candidate("to-giac-toi-pham", "Tố giác tội phạm", 0.9))))
                .escalation();
    }

    private Escalation escalated(String messageId) {
        return escalated(messageId, WARD, Priority.HIGH, Channel.MESSENGER, "Xe tôi bị trộm, gọi 0912345678");
    }

    private static Refusal refusal(Supplier<?> action) {
        return assertThrows(OfficerRequestRefused.class, action::get).refusal();
    }

    // ---- queue and case ----

    @Test
    void theQueueIsTheUnitsOwnMostUrgentFirst() {
        Escalation normal = escalated("m1", WARD, Priority.NORMAL, Channel.MESSENGER, "hỏi");
        clock.advance(Duration.ofMinutes(1));
        Escalation urgent = escalated("m2", WARD, Priority.URGENT, Channel.MESSENGER, "cứu với");
        escalated("m3", DISTRICT, Priority.URGENT, Channel.MESSENGER, "cháy nhà");

        QueueView queue = desk.queue(AN, null, null, null, null);

        assertEquals(WARD, queue.unit());
        assertEquals(EscalationStatus.OPEN, queue.status());
        assertEquals(List.of(urgent.id(), normal.id()),
                queue.escalations().stream().map(s -> s.escalation().id()).toList());
        assertEquals(urgent.citizenMessageAt().plus(Duration.ofDays(7)), queue.escalations().getFirst().replyDeadline());
        assertNull(queue.nextCursor());
    }

    @Test
    void theQueueIsReadPageByPage() {
        for (int i = 0; i < 3; i++) {
            escalated("m" + i);
            clock.advance(Duration.ofSeconds(1));
        }
        QueueView first = desk.queue(AN, "open", null, "2", null);
        QueueView second = desk.queue(AN, "OPEN", first.nextCursor(), "2", null);

        assertEquals(2, first.escalations().size());
        assertEquals(1, second.escalations().size());
        assertNull(second.nextCursor());
    }

    @Test
    void badQueueParametersAreRefusedWithWhatIsValid() {
        Refusal.InvalidStatus status = assertInstanceOf(Refusal.InvalidStatus.class,
                refusal(() -> desk.queue(AN, "PENDING", null, null, null)));
        assertEquals(List.of("OPEN", "CLAIMED", "ANSWERED", "CLOSED"), status.validValues());
        assertTrue(status.message().contains("PENDING"));
        assertInstanceOf(Refusal.InvalidRequest.class, refusal(() -> desk.queue(AN, null, null, "0", null)));
        assertInstanceOf(Refusal.InvalidRequest.class, refusal(() -> desk.queue(AN, null, null, "101", null)));
        assertInstanceOf(Refusal.InvalidRequest.class, refusal(() -> desk.queue(AN, null, null, "ten", null)));
        assertInstanceOf(Refusal.InvalidCursor.class, refusal(() -> desk.queue(AN, null, "bm90LWEtY3Vyc29y", null, null)));
    }

    @Test
    void anOfficerSeesOnlyTheOwnUnitsQueueAndASupervisorAnyNamedOne() {
        Escalation district = escalated("m1", DISTRICT, Priority.URGENT, Channel.ZALO, "cháy");

        assertInstanceOf(Refusal.Forbidden.class, refusal(() -> desk.queue(AN, null, null, null, DISTRICT)));
        assertEquals(WARD, desk.queue(AN, null, null, null, WARD).unit());
        assertEquals(List.of(district.id()), desk.queue(CHIEF, null, null, null, DISTRICT).escalations().stream()
                .map(s -> s.escalation().id()).toList());
        assertInstanceOf(Refusal.InvalidRequest.class, refusal(() -> desk.queue(CHIEF, null, null, null, null)),
                "a supervisor without a unit names one");
    }

    @Test
    void anotherUnitsEscalationIsReportedAsUnknownWhateverTheAction() {
        Escalation ward = escalated("m1");

        for (Supplier<?> action : List.<Supplier<?>>of(
                () -> desk.detail(CUONG, ward.id()),
                () -> desk.claim(CUONG, ward.id()),
                () -> desk.reply(CUONG, ward.id(), "Chào bạn", null),
                () -> desk.close(CUONG, ward.id(), "xong"),
                () -> desk.suggest(CUONG, ward.id(), "cap-ho-chieu", null, null))) {
            assertEquals(new Refusal.NotFound(ward.id()), refusal(action));
        }
        assertEquals(new Refusal.NotFound("E-none"), refusal(() -> desk.detail(AN, "E-none")));
        assertEquals(List.of(), sender.sent);
        assertEquals(EscalationStatus.OPEN, store.escalations().find(ward.id()).orElseThrow().status());
        assertEquals(ward.id(), desk.detail(CHIEF, ward.id()).escalation().id(), "a supervisor serves every unit");
    }

    @Test
    void aCaseShowsTheCitizensOwnWordsTheConversationTheDraftAndTheWindow() {
        Escalation e = escalated("m1");
        clock.advance(Duration.ofHours(2));

        EscalationDetail detail = desk.detail(AN, e.id());

        assertEquals("Xe tôi bị trộm, gọi 0912345678", detail.citizenMessage().text(), "unmasked for the unit");
        assertEquals("Xe tôi bị trộm, gọi [phone]", detail.escalation().citizenText());
        assertEquals(List.of(Author.CITIZEN, Author.ASSISTANT),
                detail.conversation().stream().map(ConversationMessage::author).toList());
        assertEquals("to-giac-toi-pham", detail.escalation().candidates().getFirst().id());
        assertEquals(new ReplyWindow(Channel.MESSENGER, START, ReplyMode.STANDARD, START.plus(Duration.ofHours(24)),
                START.plus(Duration.ofDays(7))), detail.replyWindow());
    }

    // ---- claim ----

    @Test
    void aSecondOfficersClaimIsRefusedNamingTheHolder() {
        Escalation e = escalated("m1");

        EscalationDetail claimed = desk.claim(AN, e.id());
        Refusal second = refusal(() -> desk.claim(BINH, e.id()));

        assertEquals(EscalationStatus.CLAIMED, claimed.escalation().status());
        assertEquals("officer-an", claimed.escalation().holder());
        assertEquals(new Refusal.HeldByOther("officer-an"), second);
        assertTrue(second.message().contains("officer-an"));
        assertEquals(EscalationStatus.CLAIMED, desk.claim(AN, e.id()).escalation().status(), "claiming again is harmless");
    }

    // ---- reply ----

    @Test
    void aReplyWithinADayGoesOutOnceAsAStandardResponseAndIsRecorded() {
        Escalation e = escalated("m1");
        desk.claim(AN, e.id());
        clock.advance(Duration.ofMinutes(30));

        ReplyOutcome outcome = desk.reply(AN, e.id(), "  Bạn đến trụ sở công an phường để trình báo.  ", null);

        assertEquals(List.of(new Sent(e.conversation(), "m1", "Bạn đến trụ sở công an phường để trình báo.",
                ReplyMode.STANDARD)), sender.sent);
        Escalation answered = outcome.escalation().escalation();
        assertEquals(EscalationStatus.ANSWERED, answered.status());
        assertEquals("officer-an", answered.answer().officer());
        assertEquals(List.of(EscalationStatus.OPEN, EscalationStatus.CLAIMED, EscalationStatus.ANSWERED),
                answered.history().stream().map(Escalation.StatusChange::status).toList());
        assertEquals(new Delivery(Channel.MESSENGER, ReplyMode.STANDARD, "sent-1", START.plus(Duration.ofMinutes(30))),
                outcome.delivery());
        ConversationMessage last = outcome.escalation().conversation().getLast();
        assertEquals(Author.OFFICER, last.author());
        assertEquals("officer-an", last.authorId());
        assertEquals("Bạn đến trụ sở công an phường để trình báo.", last.text());

        DailyFigures today = store.counters().figures(WARD, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 20))
                .getFirst();
        assertEquals(1, today.count(Counter.OFFICER_REPLIES));
        assertEquals(Optional.of(Duration.ofMinutes(30)), today.medianFirstResponse());
    }

    @Test
    void replyingToAnOpenEscalationClaimsItFirst() {
        Escalation e = escalated("m1");

        Escalation answered = desk.reply(BINH, e.id(), "Chào bạn", null).escalation().escalation();

        assertEquals("officer-binh", answered.holder());
        assertEquals(List.of(EscalationStatus.OPEN, EscalationStatus.CLAIMED, EscalationStatus.ANSWERED),
                answered.history().stream().map(Escalation.StatusChange::status).toList());
    }

    @Test
    void aFollowUpReplyCountsAsAReplyButNotAsAnotherFirstResponse() {
        Escalation e = escalated("m1");
        clock.advance(Duration.ofMinutes(10));
        desk.reply(AN, e.id(), "Chào bạn", null);
        clock.advance(Duration.ofMinutes(50));
        desk.reply(AN, e.id(), "Bạn cần thêm gì không?", null);

        DailyFigures today = store.counters().figures(WARD, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 20))
                .getFirst();
        assertEquals(2, today.count(Counter.OFFICER_REPLIES));
        assertEquals(List.of(Duration.ofMinutes(10)), today.firstResponseTimes());
        assertEquals(2, sender.sent.size());
    }

    @Test
    void afterADayMessengerRepliesGoAsAHumanAgent() {
        Escalation e = escalated("m1");
        clock.advance(Duration.ofHours(30));

        ReplyOutcome outcome = desk.reply(AN, e.id(), "Xin lỗi đã trả lời muộn.", null);

        assertEquals(ReplyMode.HUMAN_AGENT, outcome.delivery().mode());
        assertEquals(ReplyMode.HUMAN_AGENT, sender.sent.getFirst().mode());
    }

    @Test
    void pastSevenDaysAMessengerReplyIsRefusedAndNothingIsSent() {
        Escalation e = escalated("m1");
        desk.claim(AN, e.id());
        clock.advance(Duration.ofDays(7).plusMinutes(1));

        Refusal.ReplyWindowClosed refused = assertInstanceOf(Refusal.ReplyWindowClosed.class,
                refusal(() -> desk.reply(AN, e.id(), "Chào bạn", null)));

        assertEquals(ReplyMode.CLOSED, refused.window().mode());
        assertTrue(refused.message().contains("7 days"), refused.message());
        assertEquals(List.of(), sender.sent);
        assertEquals(EscalationStatus.CLAIMED, store.escalations().find(e.id()).orElseThrow().status());
        assertEquals(0, store.counters().figures(WARD, LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 27))
                .getFirst().count(Counter.OFFICER_REPLIES));
    }

    @Test
    void zaloRepliesFollowTheConfiguredWindow() {
        Escalation e = escalated("z1", WARD, Priority.HIGH, Channel.ZALO, "hỏi");
        clock.advance(Duration.ofHours(47));
        assertEquals(ReplyMode.STANDARD, desk.reply(AN, e.id(), "Chào bạn", null).delivery().mode());

        clock.advance(Duration.ofHours(2));
        assertInstanceOf(Refusal.ReplyWindowClosed.class, refusal(() -> desk.reply(AN, e.id(), "Còn đó không?", null)));

        OfficerDesk longer = deskWith(new ReplyWindows(Duration.ofHours(72)));
        assertEquals(ReplyMode.STANDARD, longer.reply(AN, e.id(), "Còn đó không?", null).delivery().mode());
        assertEquals(2, sender.sent.size());
    }

    @Test
    void theWindowRunsFromTheCitizensLatestMessage() {
        Escalation e = escalated("m1");
        clock.advance(Duration.ofDays(6));
        store.conversations().saveState(new ConversationState(e.conversation(), WARD, null, List.of(), clock.instant()));
        clock.advance(Duration.ofDays(2));

        assertEquals(ReplyMode.HUMAN_AGENT, desk.reply(AN, e.id(), "Chào bạn", null).delivery().mode());
    }

    @Test
    void replyTextMustHaveOneTo2000CharactersAfterTrimming() {
        Escalation e = escalated("m1");

        assertInstanceOf(Refusal.InvalidRequest.class, refusal(() -> desk.reply(AN, e.id(), "   \n ", null)));
        assertInstanceOf(Refusal.InvalidRequest.class, refusal(() -> desk.reply(AN, e.id(), null, null)));
        Refusal tooLong = refusal(() -> desk.reply(AN, e.id(), "ạ".repeat(2001), null));
        assertTrue(tooLong.message().contains("2001"), tooLong.message());
        assertEquals(List.of(), sender.sent);

        desk.reply(AN, e.id(), "  " + "ạ".repeat(2000) + "  ", null);
        assertEquals(2000, sender.sent.getFirst().text().length());
    }

    @Test
    void anotherOfficersClaimOrAnswerBlocksAReplyAndNothingIsSent() {
        Escalation e = escalated("m1");
        desk.claim(AN, e.id());

        assertEquals(new Refusal.HeldByOther("officer-an"), refusal(() -> desk.reply(BINH, e.id(), "Chào", null)));
        desk.reply(AN, e.id(), "Chào bạn", null);
        assertEquals(new Refusal.HeldByOther("officer-an"), refusal(() -> desk.reply(BINH, e.id(), "Chào", null)));
        assertEquals(1, sender.sent.size());
    }

    @Test
    void twoOfficersReplyingAtOnceSendOneReply() throws Exception {
        Escalation e = escalated("m1");
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<String>> outcomes = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            for (Officer o : List.of(AN, BINH)) {
                outcomes.add(pool.submit(() -> {
                    go.await();
                    try {
                        desk.reply(o, e.id(), "Chào bạn, tôi là " + o.id(), null);
                        return "sent";
                    } catch (OfficerRequestRefused r) {
                        return r.refusal().getClass().getSimpleName();
                    }
                }));
            }
            go.countDown();
        }
        List<String> results = new ArrayList<>();
        for (var f : outcomes) {
            results.add(f.get());
        }

        assertEquals(List.of("HeldByOther", "sent"), results.stream().sorted().toList());
        assertEquals(1, sender.sent.size());
        assertEquals(sender.sent.getFirst().text(), "Chào bạn, tôi là " + store.escalations().find(e.id()).orElseThrow().holder());
    }

    @Test
    void aChannelFailureRecordsNothing() {
        Escalation e = escalated("m1");
        desk.claim(AN, e.id());
        sender.failing = true;

        Refusal failed = refusal(() -> desk.reply(AN, e.id(), "Chào bạn", null));

        assertInstanceOf(Refusal.ChannelFailed.class, failed);
        Escalation after = store.escalations().find(e.id()).orElseThrow();
        assertEquals(EscalationStatus.CLAIMED, after.status());
        assertNull(after.answer());
        assertEquals(2, store.conversations().recent(e.conversation(), 10).size());
    }

    @Test
    void aReplyAboutAProcedureMakesItTheConversationsLastProcedure() {
        Escalation e = escalated("m1");

        assertEquals(new Refusal.UnknownProcedure("khong-co"),
                refusal(() -> desk.reply(AN, e.id(), "Chào bạn", "khong-co")));
        assertEquals(List.of(), sender.sent);

        desk.reply(AN, e.id(), "Bạn làm hộ chiếu trên VNeID.", "cap-ho-chieu");

        ConversationState state = store.conversations().state(e.conversation()).orElseThrow();
        assertEquals("cap-ho-chieu", state.lastProcedureId());
        assertEquals(START, state.lastUserMessageAt(), "the citizen's last message time is kept");
    }

    // ---- close ----

    @Test
    void nothingCanBeDoneOnAClosedEscalation() {
        Escalation e = escalated("m1");
        desk.reply(AN, e.id(), "Chào bạn", null);

        EscalationDetail closed = desk.close(AN, e.id(), "  Đã hướng dẫn xong  ");

        assertEquals(EscalationStatus.CLOSED, closed.escalation().status());
        assertEquals(new Escalation.Closure("officer-an", "Đã hướng dẫn xong", clock.instant()),
                closed.escalation().closure());
        Escalation.StatusChange last = closed.escalation().history().getLast();
        assertEquals("officer-an", last.by());
        assertEquals("Đã hướng dẫn xong", last.note());
        for (Supplier<?> action : List.<Supplier<?>>of(
                () -> desk.claim(AN, e.id()),
                () -> desk.reply(AN, e.id(), "Thêm", null),
                () -> desk.close(AN, e.id(), "lại"))) {
            assertEquals(new Refusal.Closed(e.id()), refusal(action));
        }
        assertEquals(1, sender.sent.size());
    }

    @Test
    void closingNeedsAReasonAndAClaimedOneIsTheHoldersOrASupervisorsToClose() {
        Escalation e = escalated("m1");
        desk.claim(AN, e.id());

        assertInstanceOf(Refusal.InvalidRequest.class, refusal(() -> desk.close(AN, e.id(), " ")));
        assertInstanceOf(Refusal.InvalidRequest.class, refusal(() -> desk.close(AN, e.id(), "x".repeat(501))));
        assertEquals(new Refusal.HeldByOther("officer-an"), refusal(() -> desk.close(BINH, e.id(), "trùng")));

        EscalationDetail closed = desk.close(CHIEF, e.id(), "trùng với vụ khác");
        assertEquals("chief", closed.escalation().closure().officer());
    }

    // ---- suggestions ----

    @Test
    void aSuggestionKeepsTheCitizensQuestionAndTheOfficersAnswerByDefault() {
        Escalation e = escalated("m1", WARD, Priority.NORMAL, Channel.MESSENGER, "làm hộ chiếu cho bé 3 tuổi cần gì");
        desk.reply(AN, e.id(), "Bạn mang giấy khai sinh của bé.", "cap-ho-chieu");

        Suggestion s = desk.suggest(AN, e.id(), "cap-ho-chieu", null, null);

        assertEquals("làm hộ chiếu cho bé 3 tuổi cần gì", s.question());
        assertEquals("Bạn mang giấy khai sinh của bé.", s.answer());
        assertEquals("officer-an", s.officer());
        assertEquals(WARD, s.unit());
        assertEquals(SuggestionStatus.PENDING, s.status());
        assertEquals(List.of(s), store.suggestions().pending(10));

        Suggestion edited = desk.suggest(AN, e.id(), "cap-ho-chieu", " Làm hộ chiếu cho trẻ em cần giấy tờ gì? ", "");
        assertEquals("Làm hộ chiếu cho trẻ em cần giấy tờ gì?", edited.question());
        assertNull(edited.answer());
    }

    @Test
    void aSuggestionNamesAKnownProcedure() {
        Escalation e = escalated("m1");

        assertInstanceOf(Refusal.InvalidRequest.class, refusal(() -> desk.suggest(AN, e.id(), null, null, null)));
        assertEquals(new Refusal.UnknownProcedure("khong-co"),
                refusal(() -> desk.suggest(AN, e.id(), "khong-co", null, null)));
        assertInstanceOf(Refusal.InvalidRequest.class,
                refusal(() -> desk.suggest(AN, e.id(), "cap-ho-chieu", "x".repeat(501), null)));
        assertEquals(List.of(), store.suggestions().pending(10));
    }

    // ---- figures ----

    @Test
    void figuresAreTheOwnUnitsForAnOfficerAndEveryUnitsForASupervisor() {
        store.pages().register(new PageRegistration(Channel.MESSENGER, "p1", WARD, "Phường Bến Nghé", "t", null, null));
        store.pages().register(new PageRegistration(Channel.ZALO, "p2", DISTRICT, "Quận 1", "t", null, null));
        store.counters().count(WARD, START, Counter.QUESTIONS, Counter.ESCALATED, Counter.CRIME_REPORTS);
        store.counters().count(DISTRICT, START, Counter.QUESTIONS);
        Escalation e = escalated("m1");
        clock.advance(Duration.ofMinutes(4));
        desk.reply(AN, e.id(), "Chào bạn", null);

        StatsView own = desk.stats(AN, "2026-11-19", "2026-11-20", null);
        assertEquals(List.of(WARD), own.units().stream().map(UnitStats::unit).toList());
        UnitStats ward = own.units().getFirst();
        assertEquals(2, ward.days().size());
        DailyFigures day = ward.days().get(1);
        assertEquals(LocalDate.of(2026, 11, 20), day.day());
        assertEquals(1, day.count(Counter.QUESTIONS));
        assertEquals(1, day.count(Counter.ESCALATED));
        assertEquals(1, day.count(Counter.OFFICER_REPLIES));
        assertEquals(Optional.of(Duration.ofMinutes(4)), day.medianFirstResponse());
        assertEquals(1, ward.total().count(Counter.CRIME_REPORTS));
        assertNull(ward.total().day());

        assertInstanceOf(Refusal.Forbidden.class, refusal(() -> desk.stats(AN, "2026-11-19", "2026-11-20", DISTRICT)));
        assertEquals(List.of(WARD, DISTRICT), desk.stats(CHIEF, "2026-11-20", "2026-11-20", null).units().stream()
                .map(UnitStats::unit).toList());
        assertEquals(List.of(DISTRICT), desk.stats(CHIEF, "2026-11-20", "2026-11-20", DISTRICT).units().stream()
                .map(UnitStats::unit).toList());
    }

    @Test
    void figuresNeedAnOrderedBoundedRangeOfDays() {
        for (Supplier<?> bad : List.<Supplier<?>>of(
                () -> desk.stats(AN, null, "2026-11-20", null),
                () -> desk.stats(AN, "20/11/2026", "2026-11-20", null),
                () -> desk.stats(AN, "2026-11-21", "2026-11-20", null),
                () -> desk.stats(AN, "2024-01-01", "2026-11-20", null))) {
            Refusal r = refusal(bad);
            assertInstanceOf(Refusal.InvalidRequest.class, r);
            assertNotNull(r.message());
        }
    }

    // ---- the channel, recorded ----

    record Sent(ConversationKey to, String citizenMessageId, String text, ReplyMode mode) {
    }

    /** Stands in for the channel clients, which have their own tests against a loopback HTTP server. */
    static final class RecordingSender implements OfficerReplySender {
        final List<Sent> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        boolean failing;

        @Override
        public String sendOfficerReply(ConversationKey to, String citizenMessageId, String text, ReplyMode mode)
                throws ReplyFailedException {
            if (failing) {
                throw new ReplyFailedException("HTTP 500");
            }
            sent.add(new Sent(to, citizenMessageId, text, mode));
            return "sent-" + sent.size();
        }
    }
}
