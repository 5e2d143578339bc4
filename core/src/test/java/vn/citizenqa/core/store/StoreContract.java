package vn.citizenqa.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.citizenqa.core.channel.OutboundReply;
import vn.citizenqa.core.channel.ReplyOption;
import vn.citizenqa.core.model.Action;
import vn.citizenqa.core.model.Candidate;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.model.EscalationKind;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.model.Priority;

/**
 * The behaviour every {@link Store} must have, written once: the in-process store and the DynamoDB store each
 * run it by extending this class. Each test gets a fresh store on a clock it moves by hand.
 */
public abstract class StoreContract {

    protected static final Instant START = Instant.parse("2025-03-10T02:00:00Z");

    protected MutableClock clock;
    protected StoreSettings settings;
    protected Store store;

    /** A fresh, empty store reading time from {@code clock}. */
    protected abstract Store newStore(MutableClock clock, StoreSettings settings);

    @BeforeEach
    void freshStore() {
        clock = new MutableClock(START);
        settings = StoreSettings.defaults();
        store = newStore(clock, settings);
    }

    // ---- message claims ----

    private static MessageKey message(String id) {
        return new MessageKey(Channel.MESSENGER, id);
    }

    private static ReplyDraft answerDraft() {
        return new ReplyDraft.Send(Intent.PROCEDURE, Action.ANSWER, new OutboundReply("Bạn cần mang căn cước và tờ khai CT01.",
                List.of(new ReplyOption("Lệ phí", "Lệ phí"), new ReplyOption("Nơi nộp", "Nơi nộp"))),
                "dang-ky-tam-tru", List.of("dang-ky-tam-tru", "dang-ky-thuong-tru"), null, true);
    }

    @Test
    void aMessageIsNewOnlyTheFirstTimeItIsClaimed() {
        ClaimResult first = store.messages().claim(message("m_1"));
        ClaimResult second = store.messages().claim(message("m_1"));

        ClaimResult.New fresh = assertInstanceOf(ClaimResult.New.class, first);
        assertEquals(MessageState.RECEIVED, fresh.claim().state());
        assertInstanceOf(ClaimResult.InProgress.class, second);
        assertEquals(fresh.claim().owner(), second.claim().owner());
        assertInstanceOf(ClaimResult.New.class, store.messages().claim(new MessageKey(Channel.ZALO, "m_1")),
                "the same id on another channel is another message");
    }

    @Test
    void fiftyConcurrentClaimsOfOneMessageHaveExactlyOneWinner() throws Exception {
        List<ClaimResult> results = concurrently(50, i -> store.messages().claim(message("m_busy")));

        long winners = results.stream().filter(r -> r instanceof ClaimResult.New).count();
        long others = results.stream().filter(r -> r instanceof ClaimResult.InProgress).count();
        assertEquals(1, winners);
        assertEquals(49, others);
    }

    @Test
    void aRedeliveryAfterTheLeaseLapsedResumesWithTheStoredDraft() {
        MessageClaim claim = store.messages().claim(message("m_2")).claim();
        assertInstanceOf(ClaimUpdate.Applied.class,
                store.messages().markDecided(message("m_2"), claim.owner(), answerDraft()));

        assertInstanceOf(ClaimResult.InProgress.class, store.messages().claim(message("m_2")),
                "the deciding delivery still holds it");
        clock.advance(settings.claimLease().plusSeconds(1));
        ClaimResult.Resumed resumed = assertInstanceOf(ClaimResult.Resumed.class,
                store.messages().claim(message("m_2")));

        assertEquals(MessageState.DECIDED, resumed.claim().state());
        assertEquals(answerDraft(), resumed.claim().draft());
        assertNotEquals(claim.owner(), resumed.claim().owner());
    }

    @Test
    void aReleasedMessageIsResumedAtOnce() {
        MessageClaim claim = store.messages().claim(message("m_3")).claim();
        store.messages().markDecided(message("m_3"), claim.owner(), answerDraft());

        assertInstanceOf(ClaimUpdate.Applied.class, store.messages().release(message("m_3"), claim.owner()));

        ClaimResult.Resumed resumed = assertInstanceOf(ClaimResult.Resumed.class,
                store.messages().claim(message("m_3")));
        assertEquals(MessageState.DECIDED, resumed.claim().state());
    }

    @Test
    void aSentMessageIsNeverWorkedOnAgain() {
        MessageClaim claim = store.messages().claim(message("m_4")).claim();
        store.messages().markDecided(message("m_4"), claim.owner(), answerDraft());
        ClaimUpdate.Applied sent = assertInstanceOf(ClaimUpdate.Applied.class,
                store.messages().markSent(message("m_4"), claim.owner(), "mid.reply-4"));
        assertEquals(MessageState.SENT, sent.claim().state());

        clock.advance(Duration.ofDays(1));
        ClaimResult.AlreadySent again = assertInstanceOf(ClaimResult.AlreadySent.class,
                store.messages().claim(message("m_4")));
        assertEquals("mid.reply-4", again.claim().platformMessageId());
        assertEquals(answerDraft(), again.claim().draft());
        assertInstanceOf(ClaimUpdate.Refused.class, store.messages().release(message("m_4"), claim.owner()));
    }

    @Test
    void onlyMessagesSentAndStillLiveAreAnswered() {
        List<MessageKey> keys = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            keys.add(message("m_many_" + i)); // more than one batch read of 100
        }
        for (String id : List.of("m_many_3", "m_many_120")) {
            MessageClaim claim = store.messages().claim(message(id)).claim();
            store.messages().markDecided(message(id), claim.owner(), answerDraft());
            store.messages().markSent(message(id), claim.owner(), "mid." + id);
        }
        MessageClaim decided = store.messages().claim(message("m_many_7")).claim();
        store.messages().markDecided(message("m_many_7"), decided.owner(), answerDraft());
        store.messages().claim(message("m_many_8"));

        assertEquals(java.util.Set.of(message("m_many_3"), message("m_many_120")), store.messages().answered(keys));
        assertEquals(java.util.Set.of(), store.messages().answered(List.of()));

        clock.advance(settings.claimRetention().plusSeconds(1));
        assertEquals(java.util.Set.of(), store.messages().answered(keys), "an expired claim answers nothing");
    }

    @Test
    void transitionsRefuseTheWrongCurrentState() {
        MessageClaim claim = store.messages().claim(message("m_5")).claim();

        ClaimUpdate.Refused early = assertInstanceOf(ClaimUpdate.Refused.class,
                store.messages().markSent(message("m_5"), claim.owner(), "mid.x"));
        assertEquals(MessageState.RECEIVED, early.current().state());

        store.messages().markDecided(message("m_5"), claim.owner(), answerDraft());
        ClaimUpdate.Refused twice = assertInstanceOf(ClaimUpdate.Refused.class,
                store.messages().markDecided(message("m_5"), claim.owner(), answerDraft()));
        assertEquals(MessageState.DECIDED, twice.current().state());

        store.messages().markSent(message("m_5"), claim.owner(), "mid.5");
        assertInstanceOf(ClaimUpdate.Refused.class, store.messages().markSent(message("m_5"), claim.owner(), "mid.6"));
        assertEquals("mid.5", store.messages().find(message("m_5")).orElseThrow().platformMessageId());

        ClaimUpdate.Refused unknown = assertInstanceOf(ClaimUpdate.Refused.class,
                store.messages().markDecided(message("never-claimed"), "someone", answerDraft()));
        assertNull(unknown.current());
    }

    @Test
    void aDeliveryThatLostItsLeaseCannotFinish() {
        MessageClaim slow = store.messages().claim(message("m_6")).claim();
        clock.advance(settings.claimLease().plusSeconds(1));
        MessageClaim taker = store.messages().claim(message("m_6")).claim();

        assertInstanceOf(ClaimUpdate.Refused.class,
                store.messages().markDecided(message("m_6"), slow.owner(), answerDraft()));
        assertInstanceOf(ClaimUpdate.Applied.class,
                store.messages().markDecided(message("m_6"), taker.owner(), answerDraft()));
    }

    @Test
    void anEscalationDraftKeepsItsKind() {
        for (EscalationKind kind : List.of(new EscalationKind.Emergency("cháy nhà"),
                new EscalationKind.CrimeReport(List.of("trộm cắp", "cướp giật")), new EscalationKind.Flood())) {
            ReplyDraft draft = new ReplyDraft.Send(Intent.EMERGENCY, Action.ESCALATE, OutboundReply.text("Gọi ngay 113."),
                    null, List.of(), kind, false);
            MessageKey key = message("m_7" + kind.code());
            MessageClaim claim = store.messages().claim(key).claim();
            store.messages().markDecided(key, claim.owner(), draft);

            assertEquals(draft, store.messages().find(key).orElseThrow().draft());
        }
    }

    @Test
    void aWithheldMessageIsDecidedAndSentWithoutAReply() {
        MessageClaim claim = store.messages().claim(message("m_9")).claim();
        store.messages().markDecided(message("m_9"), claim.owner(), new ReplyDraft.Withheld(Intent.SMALL_TALK));
        store.messages().markSent(message("m_9"), claim.owner(), "withheld");

        MessageClaim stored = store.messages().find(message("m_9")).orElseThrow();
        assertEquals(MessageState.SENT, stored.state());
        assertEquals(new ReplyDraft.Withheld(Intent.SMALL_TALK), stored.draft());
    }

    @Test
    void aWithheldDraftKeepsTheEscalationItOpensForARedelivery() {
        MessageClaim claim = store.messages().claim(message("m_10")).claim();
        ReplyDraft standby = new ReplyDraft.Withheld(Intent.EMERGENCY, new EscalationKind.Emergency("cháy"));
        store.messages().markDecided(message("m_10"), claim.owner(), standby);

        assertEquals(standby, store.messages().find(message("m_10")).orElseThrow().draft());
    }

    @Test
    void aClaimExpiresAfterTheClaimRetention() {
        MessageClaim claim = store.messages().claim(message("m_8")).claim();
        assertEquals(START.plus(settings.claimRetention()), claim.expiresAt());

        clock.advance(settings.claimRetention().plusSeconds(1));

        assertEquals(Optional.empty(), store.messages().find(message("m_8")));
        assertInstanceOf(ClaimResult.New.class, store.messages().claim(message("m_8")));
    }

    // ---- conversations ----

    private static final ConversationKey ANH = new ConversationKey(Channel.ZALO, "oa-123", "user-9");

    @Test
    void conversationStateIsKeptAndExpiresAfterTheRetention() {
        assertEquals(Optional.empty(), store.conversations().state(ANH));
        ConversationState state = new ConversationState(ANH, "cong-an-phuong-1", "dang-ky-tam-tru",
                List.of("a", "b"), START.minusSeconds(5));
        store.conversations().saveState(state);

        assertEquals(Optional.of(state), store.conversations().state(ANH));
        assertEquals(Optional.empty(),
                store.conversations().state(new ConversationKey(Channel.MESSENGER, "oa-123", "user-9")));

        ConversationState later = new ConversationState(ANH, "cong-an-phuong-1", null, List.of(), START);
        store.conversations().saveState(later);
        assertEquals(Optional.of(later), store.conversations().state(ANH));

        clock.advance(settings.conversationRetention().plusSeconds(1));
        assertEquals(Optional.empty(), store.conversations().state(ANH));
    }

    @Test
    void aCitizensMessageKeepsWhatItWasTakenFor() {
        var report = new ConversationMessage.TakenAs(Intent.CRIME_REPORT, false);
        var choice = new ConversationMessage.TakenAs(Intent.PROCEDURE, true);
        store.conversations().append(ConversationMessage.fromCitizen(ANH, "r-1", START, "bị cướp điện thoại", report));
        store.conversations().append(ConversationMessage.fromCitizen(ANH, "r-2", START.plusSeconds(1), "2", choice));
        store.conversations().append(ConversationMessage.of(ANH, "reply-r-2", START.plusSeconds(2), Author.ASSISTANT, null, "…"));

        List<ConversationMessage> recent = store.conversations().recent(ANH, 3);

        assertEquals(java.util.Arrays.asList(report, choice, null),
                recent.stream().map(ConversationMessage::takenAs).toList());
    }

    @Test
    void recentMessagesAreTheLatestOnesOldestFirstWithRawText() {
        for (int i = 1; i <= 5; i++) {
            store.conversations().append(ConversationMessage.of(ANH, "in-" + i, START.plusSeconds(i * 10L),
                    i % 2 == 1 ? Author.CITIZEN : Author.ASSISTANT, null, "tin " + i + " gọi 0912 345 678"));
        }

        List<ConversationMessage> recent = store.conversations().recent(ANH, 3);

        assertEquals(List.of("in-3", "in-4", "in-5"), recent.stream().map(ConversationMessage::id).toList());
        assertEquals("tin 3 gọi 0912 345 678", recent.getFirst().text(), "conversation items keep the raw text");
        assertEquals(Author.Direction.INBOUND, recent.getFirst().direction());
        assertEquals(Author.Direction.OUTBOUND, recent.get(1).direction());
        assertEquals(5, store.conversations().recent(ANH, 50).size());
    }

    @Test
    void storingTheSameMessageAgainKeepsOneCopy() {
        ConversationMessage m = ConversationMessage.of(ANH, "mid.1", START, Author.CITIZEN, null, "xin chào");
        store.conversations().append(m);
        store.conversations().append(m);

        assertEquals(1, store.conversations().recent(ANH, 10).size());
    }

    @Test
    void anOfficerMessageNamesTheOfficerAndIsFoundByItsPointer() {
        Instant at = START.plusMillis(1234);
        store.conversations().append(ConversationMessage.of(ANH, "officer-1", at, Author.OFFICER, "can-bo-an",
                "Anh mang hộ khẩu đến trụ sở."));

        ConversationMessage found = store.conversations().find(ANH, at, "officer-1").orElseThrow();
        assertEquals("can-bo-an", found.authorId());
        assertEquals(Author.OFFICER, found.author());
        assertEquals(at, found.at());
        assertEquals(Optional.empty(), store.conversations().find(ANH, at, "officer-2"));
    }

    @Test
    void messagesExpireAfterTheConfiguredRetention() {
        Store shortLived = newStore(clock, settings.withConversationRetention(Duration.ofDays(30)));
        ConversationMessage stored = shortLived.conversations().append(
                ConversationMessage.of(ANH, "mid.1", START, Author.CITIZEN, null, "số CCCD của tôi 001203004567"));
        assertEquals(START.plus(Duration.ofDays(30)), stored.expiresAt());
        assertEquals(START.plus(Duration.ofDays(30)), shortLived.conversations().recent(ANH, 1).getFirst().expiresAt());

        clock.advance(Duration.ofDays(30).plusSeconds(1));

        assertEquals(List.of(), shortLived.conversations().recent(ANH, 10));
        assertEquals(Optional.empty(), shortLived.conversations().find(ANH, START, "mid.1"));
    }

    @Test
    void theDefaultRetentionIs180Days() {
        ConversationMessage stored = store.conversations().append(
                ConversationMessage.of(ANH, "mid.1", START, Author.CITIZEN, null, "hỏi"));
        assertEquals(START.plus(Duration.ofDays(180)), stored.expiresAt());
    }

    // ---- escalations ----

    private static final String UNIT = "cong-an-phuong-ben-nghe";

    private NewEscalation escalation(String messageId, Priority priority) {
        return escalation(messageId, priority, UNIT);
    }

    private NewEscalation escalation(String messageId, Priority priority, String unit) {
        return new NewEscalation(NewEscalation.idFor(message(messageId)), unit,
                new ConversationKey(Channel.MESSENGER, "page-1", "psid-" + messageId), messageId, START.minusSeconds(3),
                priority, "tố giác trộm cắp", Intent.CRIME_REPORT,
                "Nhà tôi bị trộm, gọi tôi 0912.345.678 hoặc email an.nguyen@example.com",
                "Cảm ơn bạn, cán bộ sẽ liên hệ.",
                List.of(new Candidate("to-giac-toi-pham", "Tố giác tội phạm", 1.0)));
    }

    private Escalation created(String messageId, Priority priority) {
        return store.escalations().create(escalation(messageId, priority)).escalation();
    }

    @Test
    void anEscalationIsStoredOpenWithMaskedTextAndAPointerToTheConversation() {
        NewEscalation input = escalation("m_e1", Priority.HIGH);
        Escalations.Created first = store.escalations().create(input);

        assertTrue(first.created());
        Escalation e = store.escalations().find(input.id()).orElseThrow();
        assertEquals(EscalationStatus.OPEN, e.status());
        assertEquals("Nhà tôi bị trộm, gọi tôi [phone] hoặc email [email]", e.citizenText());
        assertEquals(input.conversation(), e.conversation());
        assertEquals("m_e1", e.citizenMessageId());
        assertEquals(input.citizenMessageAt(), e.citizenMessageAt());
        assertEquals(Priority.HIGH, e.priority());
        assertEquals(Intent.CRIME_REPORT, e.intent());
        assertEquals(input.candidates(), e.candidates());
        assertEquals(START, e.createdAt());
        assertNull(e.holder());
        assertEquals(List.of(new Escalation.StatusChange(EscalationStatus.OPEN, Escalation.ASSISTANT, START, null)),
                e.history());
    }

    @Test
    void aLocationAndContactDetailsJoinACaseOnceEachWithTheContactMasked() {
        Escalation e = created("m_join", Priority.URGENT);
        var place = new CaseAddition.SharedLocation("m_place", START.plusSeconds(30),
                new vn.citizenqa.core.model.Coordinates(10.7725, 106.698), "Chợ Bến Thành");
        var contact = new CaseAddition.SharedContact("info-1", START.plusSeconds(60), "Nguyễn Thị Lan", "0912345678",
                "12 Lê Lợi, Quận 1");
        assertInstanceOf(EscalationChange.Applied.class, store.escalations().addToCase(e.id(), place));
        store.escalations().addToCase(e.id(), contact);
        store.escalations().addToCase(e.id(), place); // a redelivery
        assertInstanceOf(EscalationChange.Applied.class, store.escalations().claim(e.id(), "officer-an"));

        Escalation stored = store.escalations().find(e.id()).orElseThrow();
        assertEquals(2, stored.additions().size(), stored.additions().toString());
        assertEquals(place, stored.additions().get(0));
        var masked = assertInstanceOf(CaseAddition.SharedContact.class, stored.additions().get(1));
        assertEquals("Nguyễn Thị Lan", masked.name());
        assertEquals("[phone]", masked.phone());
        assertEquals(EscalationStatus.CLAIMED, stored.status(), "officers' actions keep what joined");
        assertInstanceOf(EscalationChange.NotFound.class, store.escalations().addToCase("no-such-case", place));
    }

    @Test
    void theConversationRemembersTheCaseItsLatestReportOpened() {
        CaseRef open = new CaseRef("esc-1", Intent.EMERGENCY, START.minusSeconds(5));
        ConversationState state = new ConversationState(ANH, "cong-an-phuong-1", null, List.of(), START.minusSeconds(5), open);
        store.conversations().saveState(state);
        assertEquals(open, store.conversations().state(ANH).orElseThrow().lastCase());
    }

    @Test
    void creatingTheEscalationOfAMessageAgainFindsTheFirst() {
        Escalation first = created("m_e2", Priority.HIGH);
        clock.advance(Duration.ofMinutes(5));

        Escalations.Created again = store.escalations().create(escalation("m_e2", Priority.HIGH));

        assertFalse(again.created());
        assertEquals(first, again.escalation());
        assertEquals(1, store.escalations().queue(UNIT, EscalationStatus.OPEN, null, 10).escalations().size());
    }

    @Test
    void theQueueIsMostUrgentFirstThenOldestFirstAndOnlyTheUnitsOwn() {
        Escalation normalOld = created("n-old", Priority.NORMAL);
        clock.advance(Duration.ofMinutes(1));
        Escalation highOld = created("h-old", Priority.HIGH);
        clock.advance(Duration.ofMinutes(1));
        Escalation urgentOld = created("u-old", Priority.URGENT);
        clock.advance(Duration.ofMinutes(1));
        Escalation normalNew = created("n-new", Priority.NORMAL);
        clock.advance(Duration.ofMinutes(1));
        Escalation urgentNew = created("u-new", Priority.URGENT);
        store.escalations().create(escalation("other-unit", Priority.URGENT, "cong-an-phuong-khac"));
        Escalation claimed = created("claimed", Priority.URGENT);
        store.escalations().claim(claimed.id(), "can-bo-a");

        List<String> queue = store.escalations().queue(UNIT, EscalationStatus.OPEN, null, 50).escalations().stream()
                .map(Escalation::id).toList();

        assertEquals(List.of(urgentOld.id(), urgentNew.id(), highOld.id(), normalOld.id(), normalNew.id()), queue);
        assertEquals(List.of(claimed.id()), store.escalations().queue(UNIT, EscalationStatus.CLAIMED, null, 50)
                .escalations().stream().map(Escalation::id).toList());
        assertEquals(1, store.escalations().queue("cong-an-phuong-khac", EscalationStatus.OPEN, null, 50)
                .escalations().size());
    }

    @Test
    void theQueueIsReadPageByPageWithACursor() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            expected.add(created("q-" + i, i % 2 == 0 ? Priority.HIGH : Priority.NORMAL).id());
            clock.advance(Duration.ofSeconds(30));
        }
        List<String> inOrder = store.escalations().queue(UNIT, EscalationStatus.OPEN, null, 100).escalations()
                .stream().map(Escalation::id).toList();
        assertEquals(7, inOrder.size());

        List<String> paged = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            EscalationQueuePage page = store.escalations().queue(UNIT, EscalationStatus.OPEN, cursor, 3);
            page.escalations().forEach(e -> paged.add(e.id()));
            sizes.add(page.escalations().size());
            cursor = page.nextCursor();
        } while (cursor != null);

        assertEquals(inOrder, paged);
        assertEquals(List.of(3, 3, 1), sizes);
        assertTrue(paged.containsAll(expected));
    }

    @Test
    void aLastFullPageHasNoCursor() {
        created("a", Priority.NORMAL);
        created("b", Priority.NORMAL);

        assertNull(store.escalations().queue(UNIT, EscalationStatus.OPEN, null, 2).nextCursor());
        assertNull(store.escalations().queue("empty-unit", EscalationStatus.OPEN, null, 2).nextCursor());
    }

    @Test
    void aCursorTheStoreDidNotIssueIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> store.escalations().queue(UNIT, EscalationStatus.OPEN, "not-a-cursor!", 10));
        assertThrows(IllegalArgumentException.class,
                () -> store.escalations().queue(UNIT, EscalationStatus.OPEN, "bm9wZQ", 10));
        assertThrows(IllegalArgumentException.class,
                () -> store.escalations().queue(UNIT, EscalationStatus.OPEN, null, 0));
    }

    @Test
    void twoOfficersClaimingAtOnceOneWinsAndTheOtherLearnsWho() throws Exception {
        for (int round = 0; round < 5; round++) {
            Escalation e = created("race-" + round, Priority.URGENT);
            List<EscalationChange> results = concurrently(2, i -> store.escalations().claim(e.id(), "officer-" + i));

            List<EscalationChange.Applied> won = results.stream()
                    .filter(r -> r instanceof EscalationChange.Applied).map(EscalationChange.Applied.class::cast)
                    .toList();
            List<EscalationChange.HeldByOther> lost = results.stream()
                    .filter(r -> r instanceof EscalationChange.HeldByOther)
                    .map(EscalationChange.HeldByOther.class::cast).toList();
            assertEquals(1, won.size(), "round " + round);
            assertEquals(1, lost.size(), "round " + round);
            String winner = won.getFirst().escalation().holder();
            assertEquals(winner, lost.getFirst().holder());
            assertEquals(winner, store.escalations().find(e.id()).orElseThrow().holder());
        }
    }

    @Test
    void aClaimAndAnotherOfficersCloseAtOnceNeverBothSucceed() throws Exception {
        for (int round = 0; round < 12; round++) {
            Escalation e = created("claim-close-" + round, Priority.HIGH);
            List<EscalationChange> results = concurrently(2, i -> i == 0
                    ? store.escalations().claim(e.id(), "can-bo-a")
                    : store.escalations().close(e.id(), "can-bo-b", false, "không cần xử lý"));

            EscalationChange claim = results.get(0);
            EscalationChange close = results.get(1);
            Escalation stored = store.escalations().find(e.id()).orElseThrow();
            if (stored.status() == EscalationStatus.CLOSED) {
                // The close landed first: the claim found it closed.
                assertInstanceOf(EscalationChange.Applied.class, close, "round " + round);
                assertInstanceOf(EscalationChange.WrongStatus.class, claim, "round " + round);
            } else {
                // The claim landed first: the close by someone else was refused in the same conditional write.
                assertInstanceOf(EscalationChange.Applied.class, claim, "round " + round);
                assertEquals("can-bo-a", assertInstanceOf(EscalationChange.HeldByOther.class, close, "round " + round)
                        .holder());
                assertEquals(EscalationStatus.CLAIMED, stored.status());
            }
        }
    }

    @Test
    void aCaseAnotherOfficerHoldsIsClosedOnlyByThatOfficerOrASupervisor() {
        Escalation e = created("m_held", Priority.NORMAL);
        store.escalations().claim(e.id(), "can-bo-a");

        assertEquals("can-bo-a", assertInstanceOf(EscalationChange.HeldByOther.class,
                store.escalations().close(e.id(), "can-bo-b", false, "đóng hộ")).holder());
        EscalationChange.Applied bySupervisor = assertInstanceOf(EscalationChange.Applied.class,
                store.escalations().close(e.id(), "truong-ca", true, "trùng lặp"));
        assertEquals("truong-ca", bySupervisor.escalation().closure().officer());
    }

    @Test
    void claimingWhatOneAlreadyHoldsSucceedsAndChangesNothing() {
        Escalation e = created("m_c1", Priority.HIGH);
        clock.advance(Duration.ofMinutes(2));
        EscalationChange.Applied first = assertInstanceOf(EscalationChange.Applied.class,
                store.escalations().claim(e.id(), "can-bo-a"));
        assertEquals(EscalationStatus.OPEN, first.previousStatus());
        assertEquals(EscalationStatus.CLAIMED, first.escalation().status());

        clock.advance(Duration.ofMinutes(2));
        EscalationChange.Applied again = assertInstanceOf(EscalationChange.Applied.class,
                store.escalations().claim(e.id(), "can-bo-a"));

        assertEquals(first.escalation(), again.escalation());
        assertEquals(List.of(), store.escalations().queue(UNIT, EscalationStatus.OPEN, null, 10).escalations());
    }

    @Test
    void anAnswerRecordsTheOfficerTheMaskedTextAndTheTime() {
        Escalation e = created("m_a1", Priority.HIGH);
        clock.advance(Duration.ofMinutes(1));
        store.escalations().claim(e.id(), "can-bo-a");
        clock.advance(Duration.ofMinutes(9));

        EscalationChange.HeldByOther other = assertInstanceOf(EscalationChange.HeldByOther.class,
                store.escalations().answer(e.id(), "can-bo-b", "Tôi trả lời"));
        assertEquals("can-bo-a", other.holder());

        EscalationChange.Applied answered = assertInstanceOf(EscalationChange.Applied.class,
                store.escalations().answer(e.id(), "can-bo-a", "Anh gọi 0283 829 7643 hoặc đến trụ sở."));

        assertEquals(EscalationStatus.CLAIMED, answered.previousStatus());
        Escalation stored = store.escalations().find(e.id()).orElseThrow();
        assertEquals(EscalationStatus.ANSWERED, stored.status());
        assertEquals(new Escalation.OfficerAnswer("can-bo-a", "Anh gọi [phone] hoặc đến trụ sở.",
                START.plus(Duration.ofMinutes(10))), stored.answer());
        assertEquals(START.plus(Duration.ofMinutes(10)), stored.firstAnsweredAt());
    }

    @Test
    void anOpenEscalationCanBeAnsweredDirectly() {
        Escalation e = created("m_a2", Priority.NORMAL);

        EscalationChange.Applied answered = assertInstanceOf(EscalationChange.Applied.class,
                store.escalations().answer(e.id(), "can-bo-b", "Đã rõ."));

        assertEquals(EscalationStatus.OPEN, answered.previousStatus());
        assertEquals("can-bo-b", answered.escalation().holder());
    }

    @Test
    void closingRecordsTheReasonAndNothingCanBeDoneOnAClosedEscalation() {
        Escalation e = created("m_x1", Priority.NORMAL);
        store.escalations().claim(e.id(), "can-bo-a");
        clock.advance(Duration.ofMinutes(3));

        EscalationChange.Applied closed = assertInstanceOf(EscalationChange.Applied.class,
                store.escalations().close(e.id(), "can-bo-a", false, "trùng với hồ sơ 0912345678"));

        assertEquals(EscalationStatus.CLOSED, closed.escalation().status());
        assertEquals(new Escalation.Closure("can-bo-a", "trùng với hồ sơ [phone]", START.plus(Duration.ofMinutes(3))),
                closed.escalation().closure());
        assertInstanceOf(EscalationChange.WrongStatus.class, store.escalations().close(e.id(), "can-bo-a", false, "lại"));
        assertInstanceOf(EscalationChange.WrongStatus.class, store.escalations().claim(e.id(), "can-bo-b"));
        assertInstanceOf(EscalationChange.WrongStatus.class, store.escalations().answer(e.id(), "can-bo-a", "x"));
        assertEquals(EscalationStatus.CLOSED, store.escalations().find(e.id()).orElseThrow().status());
    }

    @Test
    void everyStateChangeRecordsWhoAndWhen() {
        Escalation e = created("m_h1", Priority.URGENT);
        clock.advance(Duration.ofMinutes(1));
        store.escalations().claim(e.id(), "can-bo-a");
        clock.advance(Duration.ofMinutes(1));
        store.escalations().answer(e.id(), "can-bo-a", "Đã cử tổ công tác.");
        clock.advance(Duration.ofMinutes(1));
        store.escalations().close(e.id(), "truong-ca", false, "xong");

        assertEquals(List.of(
                new Escalation.StatusChange(EscalationStatus.OPEN, Escalation.ASSISTANT, START, null),
                new Escalation.StatusChange(EscalationStatus.CLAIMED, "can-bo-a", START.plusSeconds(60), null),
                new Escalation.StatusChange(EscalationStatus.ANSWERED, "can-bo-a", START.plusSeconds(120), null),
                new Escalation.StatusChange(EscalationStatus.CLOSED, "truong-ca", START.plusSeconds(180), "xong")),
                store.escalations().find(e.id()).orElseThrow().history());
    }

    @Test
    void actingOnAnUnknownEscalationSaysSo() {
        assertEquals(Optional.empty(), store.escalations().find("E-nope"));
        assertInstanceOf(EscalationChange.NotFound.class, store.escalations().claim("E-nope", "a"));
        assertInstanceOf(EscalationChange.NotFound.class, store.escalations().answer("E-nope", "a", "x"));
        assertInstanceOf(EscalationChange.NotFound.class, store.escalations().close("E-nope", "a", false, "x"));
    }

    // ---- page registry ----

    private static PageRegistration zaloPage() {
        return new PageRegistration(Channel.ZALO, "oa-42", "cong-an-quan-1", "Công an Quận 1", "access-1",
                "refresh-1", START.plus(Duration.ofHours(25)));
    }

    @Test
    void aRegisteredPageIsFoundWithItsUnitAndTokens() {
        store.pages().register(zaloPage());

        assertEquals(Optional.of(zaloPage()), store.pages().find(Channel.ZALO, "oa-42"));
        assertEquals(Optional.empty(), store.pages().find(Channel.MESSENGER, "oa-42"));
        assertFalse(zaloPage().toString().contains("access-1"), "tokens are never logged");
        assertFalse(zaloPage().toString().contains("refresh-1"), "tokens are never logged");
    }

    @Test
    void refreshedTokensAreStoredOnlyOverTheRefreshTokenThatWasUsed() {
        store.pages().register(zaloPage());
        Instant expiry = START.plus(Duration.ofHours(50));

        TokenUpdate.Replaced replaced = assertInstanceOf(TokenUpdate.Replaced.class,
                store.pages().replaceTokens(Channel.ZALO, "oa-42", "refresh-1", "access-2", "refresh-2", expiry));
        assertEquals("refresh-2", replaced.page().refreshToken());

        TokenUpdate.Stale stale = assertInstanceOf(TokenUpdate.Stale.class,
                store.pages().replaceTokens(Channel.ZALO, "oa-42", "refresh-1", "access-3", "refresh-3", expiry));
        assertEquals("access-2", stale.current().accessToken());
        PageRegistration now = store.pages().find(Channel.ZALO, "oa-42").orElseThrow();
        assertEquals("access-2", now.accessToken());
        assertEquals(expiry, now.tokenExpiresAt());
        assertEquals("Công an Quận 1", now.displayName());
        assertInstanceOf(TokenUpdate.UnknownPage.class,
                store.pages().replaceTokens(Channel.ZALO, "oa-0", "r", "a", "r2", expiry));
    }

    @Test
    void ofTwoContainersRefreshingAtOnceOnlyOneStoresItsTokens() throws Exception {
        store.pages().register(zaloPage());

        List<TokenUpdate> results = concurrently(2, i -> store.pages().replaceTokens(Channel.ZALO, "oa-42",
                "refresh-1", "access-from-" + i, "refresh-from-" + i, START));

        assertEquals(1, results.stream().filter(r -> r instanceof TokenUpdate.Replaced).count());
        assertEquals(1, results.stream().filter(r -> r instanceof TokenUpdate.Stale).count());
    }

    @Test
    void theUnitsAreThoseWithARegisteredPage() {
        assertEquals(List.of(), store.pages().units());
        store.pages().register(zaloPage());
        store.pages().register(new PageRegistration(Channel.MESSENGER, "page-9", "cong-an-phuong-ben-nghe",
                "Công an phường Bến Nghé", "token-9", null, null));
        store.pages().register(new PageRegistration(Channel.MESSENGER, "page-10", "cong-an-quan-1",
                "Công an Quận 1 (Facebook)", "token-10", null, null));

        assertEquals(List.of("cong-an-phuong-ben-nghe", "cong-an-quan-1"), store.pages().units());
    }

    // ---- daily counters ----

    @Test
    void countersAddUpPerUnitAndDay() throws Exception {
        concurrently(20, i -> {
            store.counters().count(UNIT, START, Counter.QUESTIONS, Counter.ANSWERED);
            return null;
        });
        store.counters().count(UNIT, START, Counter.QUESTIONS, Counter.ESCALATED, Counter.EMERGENCIES);
        store.counters().count("other-unit", START, Counter.QUESTIONS);

        DailyFigures day = store.counters().figures(UNIT, LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 10))
                .getFirst();

        assertEquals(21, day.count(Counter.QUESTIONS));
        assertEquals(20, day.count(Counter.ANSWERED));
        assertEquals(1, day.count(Counter.ESCALATED));
        assertEquals(1, day.count(Counter.EMERGENCIES));
        assertEquals(0, day.count(Counter.CRIME_REPORTS));
    }

    @Test
    void daysFollowVietnameseTimeAndEveryDayOfTheRangeIsListed() {
        // 18:30 UTC on the 10th is 01:30 on the 11th in Hà Nội.
        store.counters().count(UNIT, Instant.parse("2025-03-10T18:30:00Z"), Counter.CRIME_REPORTS);
        store.counters().count(UNIT, Instant.parse("2025-03-08T03:00:00Z"), Counter.CLARIFIED);

        List<DailyFigures> figures = store.counters().figures(UNIT, LocalDate.of(2025, 3, 8), LocalDate.of(2025, 3, 11));

        assertEquals(List.of(LocalDate.of(2025, 3, 8), LocalDate.of(2025, 3, 9), LocalDate.of(2025, 3, 10),
                LocalDate.of(2025, 3, 11)), figures.stream().map(DailyFigures::day).toList());
        assertEquals(1, figures.get(0).count(Counter.CLARIFIED));
        assertEquals(0, figures.get(1).count(Counter.CLARIFIED));
        assertEquals(0, figures.get(2).count(Counter.CRIME_REPORTS));
        assertEquals(1, figures.get(3).count(Counter.CRIME_REPORTS));
    }

    @Test
    void firstResponseTimesGiveTheDaysMedianAndCountOncePerEscalation() {
        Instant noon = Instant.parse("2025-03-10T05:00:00Z");
        store.counters().recordFirstResponse(UNIT, "E1", noon, Duration.ofMinutes(4));
        store.counters().recordFirstResponse(UNIT, "E2", noon, Duration.ofMinutes(30));
        store.counters().recordFirstResponse(UNIT, "E3", noon, Duration.ofMinutes(10));
        store.counters().recordFirstResponse(UNIT, "E3", noon, Duration.ofMinutes(99));
        store.counters().recordFirstResponse(UNIT, "E4", noon.plus(Duration.ofDays(1)), Duration.ofMinutes(2));
        store.counters().recordFirstResponse(UNIT, "E5", noon.plus(Duration.ofDays(1)), Duration.ofMinutes(6));

        List<DailyFigures> figures = store.counters().figures(UNIT, LocalDate.of(2025, 3, 9), LocalDate.of(2025, 3, 11));

        assertEquals(Optional.empty(), figures.get(0).medianFirstResponse());
        assertEquals(3, figures.get(1).firstResponseTimes().size());
        assertEquals(Optional.of(Duration.ofMinutes(10)), figures.get(1).medianFirstResponse());
        assertEquals(Optional.of(Duration.ofMinutes(4)), figures.get(2).medianFirstResponse());
    }

    @Test
    void aFiguresRangeMustBeOrderedAndBounded() {
        assertThrows(IllegalArgumentException.class,
                () -> store.counters().figures(UNIT, LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 9)));
        assertThrows(IllegalArgumentException.class,
                () -> store.counters().figures(UNIT, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 3, 9)));
    }

    // ---- suggestions ----

    private static NewSuggestion suggestion(String escalationId, String question) {
        return new NewSuggestion(NewSuggestion.idFor(escalationId, "cap-ho-chieu", question), escalationId, UNIT,
                "cap-ho-chieu", question, "Bạn nộp tờ khai TK01 trên VNeID, gọi 0912.345.678 nếu cần.", "officer-a");
    }

    @Test
    void aSuggestionIsStoredPendingWithMaskedTexts() {
        NewSuggestion input = suggestion("E1", "Làm hộ chiếu cho bé cần gì? sđt tôi 0987654321");

        Suggestion stored = store.suggestions().add(input);

        assertEquals(input.id(), stored.id());
        assertEquals(SuggestionStatus.PENDING, stored.status());
        assertEquals("Làm hộ chiếu cho bé cần gì? sđt tôi [phone]", stored.question());
        assertEquals("Bạn nộp tờ khai TK01 trên VNeID, gọi [phone] nếu cần.", stored.answer());
        assertEquals("E1", stored.escalationId());
        assertEquals(UNIT, stored.unit());
        assertEquals("cap-ho-chieu", stored.procedureId());
        assertEquals("officer-a", stored.officer());
        assertEquals(START, stored.createdAt());
        assertNull(stored.exportedAt());
        assertEquals(Optional.of(stored), store.suggestions().find(input.id()));
    }

    @Test
    void proposingTheSameQuestionAgainFindsTheFirstProposal() {
        Suggestion first = store.suggestions().add(suggestion("E1", "Làm hộ chiếu cho bé cần gì?"));
        clock.advance(Duration.ofMinutes(3));

        Suggestion again = store.suggestions().add(suggestion("E1", "Làm hộ chiếu cho bé cần gì?"));

        assertEquals(first, again);
        assertEquals(1, store.suggestions().pending(10).size());
    }

    @Test
    void pendingSuggestionsAreOldestFirstAndExportedOnesLeaveTheList() {
        Suggestion a = store.suggestions().add(suggestion("E1", "câu hỏi một"));
        clock.advance(Duration.ofMinutes(1));
        Suggestion b = store.suggestions().add(suggestion("E2", "câu hỏi hai"));
        clock.advance(Duration.ofMinutes(1));
        Suggestion c = store.suggestions().add(suggestion("E3", "câu hỏi ba"));

        assertEquals(List.of(a.id(), b.id(), c.id()), store.suggestions().pending(10).stream().map(Suggestion::id).toList());
        assertEquals(List.of(a.id()), store.suggestions().pending(1).stream().map(Suggestion::id).toList());

        clock.advance(Duration.ofMinutes(1));
        assertTrue(store.suggestions().markExported(b.id()));
        assertFalse(store.suggestions().markExported(b.id()), "an exported suggestion is not exported twice");
        assertFalse(store.suggestions().markExported("S-nope"));

        assertEquals(List.of(a.id(), c.id()), store.suggestions().pending(10).stream().map(Suggestion::id).toList());
        Suggestion exported = store.suggestions().find(b.id()).orElseThrow();
        assertEquals(SuggestionStatus.EXPORTED, exported.status());
        assertEquals(START.plus(Duration.ofMinutes(3)), exported.exportedAt());
        assertThrows(IllegalArgumentException.class, () -> store.suggestions().pending(0));
    }

    @Test
    void twoExportsAtOnceTakeASuggestionOnce() throws Exception {
        Suggestion a = store.suggestions().add(suggestion("E1", "câu hỏi một"));

        List<Boolean> results = concurrently(5, i -> store.suggestions().markExported(a.id()));

        assertEquals(1, results.stream().filter(Boolean::booleanValue).count());
    }

    // ---- messages per minute (rate limit) ----

    @Test
    void aCitizensMessagesAreCountedPerMinuteUpToTheCap() {
        ConversationKey citizen = new ConversationKey(Channel.MESSENGER, "page-1", "psid-flood");
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            counts.add(store.rates().count(citizen, START.plusSeconds(i), 3));
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 4L), counts, "at the cap the count stops; each further message reads cap + 1");
        assertEquals(1L, store.rates().count(citizen, START.plusSeconds(60), 3), "the next minute starts again");
        assertEquals(1L, store.rates().count(new ConversationKey(Channel.ZALO, "page-1", "psid-flood"), START, 3),
                "another channel is another citizen");
        assertEquals(1L, store.rates().count(new ConversationKey(Channel.MESSENGER, "page-2", "psid-flood"), START, 3),
                "another page counts apart");
    }

    @Test
    void fiftyMessagesCountedAtOnceGetFiftyDistinctCounts() throws Exception {
        ConversationKey citizen = new ConversationKey(Channel.ZALO, "oa-1", "u-burst");
        List<Long> counts = concurrently(50, i -> store.rates().count(citizen, START, 30));
        List<Long> sorted = counts.stream().sorted().toList();
        List<Long> expected = new ArrayList<>();
        for (long n = 1; n <= 30; n++) {
            expected.add(n);
        }
        for (int i = 0; i < 20; i++) {
            expected.add(31L);
        }
        assertEquals(expected, sorted, "each of the first 30 gets its own number, the other 20 read the cap + 1");
    }

    // ---- helpers ----

    protected interface Task<T> {
        T run(int index) throws Exception;
    }

    /** Runs {@code n} tasks released at the same moment and returns their results. */
    protected static <T> List<T> concurrently(int n, Task<T> task) throws Exception {
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> call = () -> {
                    ready.countDown();
                    go.await();
                    return task.run(index);
                };
                futures.add(pool.submit(call));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }
}
