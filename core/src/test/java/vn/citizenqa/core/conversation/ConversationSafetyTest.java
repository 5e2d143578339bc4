package vn.citizenqa.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.answer.ConversationReplies;
import vn.citizenqa.core.answer.Replies;
import vn.citizenqa.core.answer.ReplyDrafter;
import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.channel.OutboundReply;
import vn.citizenqa.core.knowledge.KnowledgeBase;
import vn.citizenqa.core.model.Action;
import vn.citizenqa.core.model.Category;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.model.Decision;
import vn.citizenqa.core.model.EscalationKind;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.model.Language;
import vn.citizenqa.core.model.Priority;
import vn.citizenqa.core.model.Reply;
import vn.citizenqa.core.store.ClaimUpdate;
import vn.citizenqa.core.store.EscalationStatus;
import vn.citizenqa.core.store.ForwardingStore;
import vn.citizenqa.core.store.InProcessStore;
import vn.citizenqa.core.store.MessageClaims;
import vn.citizenqa.core.store.MessageKey;
import vn.citizenqa.core.store.MessageState;
import vn.citizenqa.core.store.MutableClock;
import vn.citizenqa.core.store.PageRegistration;
import vn.citizenqa.core.store.ReplyDraft;
import vn.citizenqa.core.store.StoreSettings;
import vn.citizenqa.core.store.StoreUnavailableException;

/** What the message intake does when the words, the store or another delivery get in the way. */
class ConversationSafetyTest {

    private static final Instant NOW = Instant.parse("2026-03-02T03:00:00Z");
    private static final String UNIT = "ca-phuong-ben-nghe";
    private static final ConversationKey CITIZEN = new ConversationKey(Channel.MESSENGER, "page-1", "psid-1");

    private final KnowledgeBase knowledge = new KnowledgeBase(List.of(
            MessageIntakeTest.procedure("dang-ky-tam-tru", "Đăng ký tạm trú", Category.RESIDENCE)));
    private final InProcessStore store = new InProcessStore(Clock.fixed(NOW, ZoneOffset.UTC), StoreSettings.defaults());
    private final MessageIntakeTest.RecordingSender sender = new MessageIntakeTest.RecordingSender();

    ConversationSafetyTest() {
        store.pages().register(new PageRegistration(Channel.MESSENGER, "page-1", UNIT, "Công an phường Bến Nghé", "token", null, null));
    }

    private MessageIntake service(Decider decider, Duration inProgressWait) {
        return new MessageIntake(new ConversationPolicy(decider, knowledge), store, sender, Clock.fixed(NOW, ZoneOffset.UTC),
                ConversationLimits.DEFAULT.withInProgressWait(inProgressWait));
    }

    private static Decision chat(String text, vn.citizenqa.core.model.ConversationContext context) {
        return new Decision(Intent.SMALL_TALK, Action.CHAT, null, List.of(), 1, null, new Reply.Greeting(), Language.VIETNAMESE);
    }

    @Test
    void wordsTheAssistantFailsOnAreHandedToOfficersInsteadOfFailingTheDelivery() {
        MessageIntake service = service((text, context) -> {
            throw new IllegalStateException("too many clauses");
        }, Duration.ZERO);

        Outcome outcome = service.handle(new InboundMessage.Text(CITIZEN, "m1", NOW, "lời lẽ khó hiểu"));

        assertInstanceOf(Outcome.Replied.class, outcome);
        assertEquals(Replies.escalated(), sender.sent.getFirst().reply().text());
        var queue = store.escalations().queue(UNIT, EscalationStatus.OPEN, null, 10).escalations();
        assertEquals(1, queue.size());
        assertEquals(Priority.NORMAL, queue.getFirst().priority());
        assertEquals(EscalationKind.Unreadable.REASON, queue.getFirst().reason());
        assertEquals("lời lẽ khó hiểu", queue.getFirst().citizenText());
    }

    @Test
    void aDuplicateWhileAnotherDeliveryHoldsTheMessageAsksToBeDeliveredAgain() {
        MessageIntake service = service(ConversationSafetyTest::chat, Duration.ofMillis(300));
        MessageKey key = new MessageKey(Channel.MESSENGER, "m1");
        var holder = store.messages().claim(key).claim(); // a delivery that claimed it and then died (or is slow)

        Outcome duplicate = service.handle(new InboundMessage.Text(CITIZEN, "m1", NOW, "xin chào"));

        assertInstanceOf(Outcome.InProgress.class, duplicate);
        assertTrue(duplicate.needsRedelivery(), "never acknowledged while nobody may answer it");
        assertEquals(List.of(), sender.sent);

        store.messages().markDecided(key, holder.owner(), new ReplyDraft.Send(Intent.SMALL_TALK, Action.CHAT,
                OutboundReply.text("Xin chào!"), null, List.of(), null, false));
        store.messages().markSent(key, holder.owner(), "out-1");
        assertInstanceOf(Outcome.AlreadyAnswered.class, service.handle(new InboundMessage.Text(CITIZEN, "m1", NOW, "xin chào")));
    }

    @Test
    void pastTheLimitACitizenGetsOneNoticeOfficersAreToldAndLaterMessagesAreKeptUnanswered() {
        MutableClock clock = new MutableClock(NOW);
        InProcessStore shared = new InProcessStore(clock, StoreSettings.defaults());
        shared.pages().register(new PageRegistration(Channel.MESSENGER, "page-1", UNIT, "Công an phường Bến Nghé", "token", null, null));
        MessageIntake service = new MessageIntake(new ConversationPolicy(ConversationSafetyTest::chat, knowledge), shared, sender,
                clock, ConversationLimits.DEFAULT.withMessagesPerMinute(3));
        List<Outcome> outcomes = new java.util.ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            outcomes.add(service.handle(new InboundMessage.Text(CITIZEN, "m" + i, clock.instant(), "tin nhắn " + i)));
            clock.advance(Duration.ofSeconds(2));
        }

        assertEquals(List.of(Outcome.Replied.class, Outcome.Replied.class, Outcome.Replied.class, Outcome.Replied.class,
                Outcome.Withheld.class, Outcome.Withheld.class), outcomes.stream().map(Object::getClass).toList());
        assertEquals(ConversationReplies.rateLimited(), sender.sent.get(3).reply().text(), "one notice");
        assertTrue(outcomes.stream().noneMatch(Outcome::needsRedelivery));
        var queue = shared.escalations().queue(UNIT, EscalationStatus.OPEN, null, 10).escalations();
        assertEquals(1, queue.size(), "officers see it");
        assertEquals(EscalationKind.Flood.REASON, queue.getFirst().reason());
        assertEquals(Priority.NORMAL, queue.getFirst().priority());
        assertEquals(6, shared.conversations().recent(CITIZEN, 20).stream()
                .filter(m -> m.author() == vn.citizenqa.core.store.Author.CITIZEN).count(), "every message is kept");
        assertInstanceOf(Outcome.AlreadyAnswered.class, service.handle(new InboundMessage.Text(CITIZEN, "m6", clock.instant(),
                "tin nhắn 6")), "a withheld message redelivered is done");

        clock.advance(Duration.ofMinutes(1));
        assertInstanceOf(Outcome.Replied.class, service.handle(new InboundMessage.Text(CITIZEN, "m7", clock.instant(), "lại")),
                "the next minute is answered again");
        for (int i = 8; i <= 12; i++) {
            service.handle(new InboundMessage.Text(CITIZEN, "m" + i, clock.instant(), "tin nhắn " + i));
        }
        assertEquals(7, sender.sent.size(), "m7–m9 answered, m10–m12 past the limit");
        assertEquals(1, sender.sent.stream().filter(x -> x.reply().text().equals(ConversationReplies.rateLimited())).count(),
                "past the limit again within the hour: no second notice");
        assertEquals(1, shared.escalations().queue(UNIT, EscalationStatus.OPEN, null, 10).escalations().size());
    }

    @Test
    void theCitizensLinksAndPhoneNumbersNeverComeBackInAReplyButTheKnowledgeBasesDo() {
        String typed = "Gọi 0912 345 678 hoặc +84 912 345 679, vào https://evil.example.com/otp và bit.ly/abc, hoặc "
                + "dichvucong.bocongan.gov.vn";
        // A decision whose words carry the citizen's own (a vocabulary naming who handles the matter, matched on them).
        MessageIntake service = service((text, context) -> new Decision(Intent.OUT_OF_SCOPE, Action.DECLINE, null, List.of(), 1,
                null, new Reply.Declined(text), Language.VIETNAMESE), Duration.ZERO);

        service.handle(new InboundMessage.Text(CITIZEN, "m1", NOW, typed));

        String reply = sender.sent.getFirst().reply().text();
        for (String echoed : List.of("0912 345 678", "912 345 679", "evil.example.com", "bit.ly/abc")) {
            assertFalse(reply.contains(echoed), "echoed " + echoed + ": " + reply);
        }
        assertTrue(reply.contains(EchoGuard.HIDDEN_PHONE) && reply.contains(EchoGuard.HIDDEN_LINK), reply);
        assertTrue(reply.contains("dichvucong.bocongan.gov.vn"), "the official portal the answers give stays");

        var tamTru = knowledge.procedures().iterator().next();
        MessageIntake answering = service((text, context) -> new Decision(Intent.PROCEDURE, Action.ANSWER, tamTru.ref(),
                List.of(), 1, null, new Reply.ProcedureAnswer(tamTru, false), Language.VIETNAMESE), Duration.ZERO);
        answering.handle(new InboundMessage.Text(CITIZEN, "m2", NOW, "tạm trú trên dichvucong.bocongan.gov.vn thế nào"));
        assertEquals(new ReplyDrafter(knowledge).text(new Reply.ProcedureAnswer(tamTru, false), Language.VIETNAMESE),
                sender.sent.get(1).reply().text(), "the knowledge base's own answer is untouched");
    }

    @Test
    void aReplySentWhileTheStoreFailsToMarkItSentIsAcknowledgedNotSentAgain() {
        InProcessStore inner = store;
        var failingMarks = new ForwardingStore(inner) {
            @Override
            public MessageClaims messages() {
                return new ForwardingStore.Claims(store.messages()) {
                    @Override
                    public ClaimUpdate markSent(MessageKey key, String owner, String platformMessageId) {
                        throw new StoreUnavailableException("throttled", null);
                    }
                };
            }
        };
        MessageIntake service = new MessageIntake(new ConversationPolicy(ConversationSafetyTest::chat, knowledge), failingMarks,
                sender, Clock.fixed(NOW, ZoneOffset.UTC), ConversationLimits.DEFAULT.withInProgressWait(Duration.ZERO));

        Outcome outcome = service.handle(new InboundMessage.Text(CITIZEN, "m1", NOW, "xin chào"));

        assertInstanceOf(Outcome.Replied.class, outcome);
        assertEquals(1, sender.sent.size());
        assertEquals(MessageState.SENDING, inner.messages().find(new MessageKey(Channel.MESSENGER, "m1")).orElseThrow().state());
    }
}
