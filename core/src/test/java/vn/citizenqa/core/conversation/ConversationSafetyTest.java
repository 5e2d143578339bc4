package vn.citizenqa.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.answer.Replies;
import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.knowledge.KnowledgeBase;
import vn.citizenqa.core.model.Action;
import vn.citizenqa.core.model.Category;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.Decision;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.model.Priority;
import vn.citizenqa.core.store.ClaimUpdate;
import vn.citizenqa.core.store.ConversationKey;
import vn.citizenqa.core.store.ForwardingStore;
import vn.citizenqa.core.store.MessageClaims;
import vn.citizenqa.core.store.StoreUnavailableException;
import vn.citizenqa.core.store.EscalationStatus;
import vn.citizenqa.core.store.InProcessStore;
import vn.citizenqa.core.store.MessageKey;
import vn.citizenqa.core.store.MessageState;
import vn.citizenqa.core.store.PageRegistration;
import vn.citizenqa.core.store.StoreSettings;

/** What the conversation service does when the words, the store or another delivery get in the way. */
class ConversationSafetyTest {

    private static final Instant NOW = Instant.parse("2026-03-02T03:00:00Z");
    private static final String UNIT = "ca-phuong-ben-nghe";
    private static final ConversationKey CITIZEN = new ConversationKey(Channel.MESSENGER, "page-1", "psid-1");

    private final KnowledgeBase knowledge = new KnowledgeBase(List.of(
            ConversationServiceTest.procedure("dang-ky-tam-tru", "Đăng ký tạm trú", Category.RESIDENCE)));
    private final InProcessStore store = new InProcessStore(Clock.fixed(NOW, ZoneOffset.UTC), StoreSettings.defaults());
    private final ConversationServiceTest.RecordingSender sender = new ConversationServiceTest.RecordingSender();

    ConversationSafetyTest() {
        store.pages().register(new PageRegistration(Channel.MESSENGER, "page-1", UNIT, "Công an phường Bến Nghé", "token", null, null));
    }

    private ConversationService service(Decider decider, Duration inProgressWait) {
        return new ConversationService(decider, knowledge, store, sender, Clock.fixed(NOW, ZoneOffset.UTC), inProgressWait);
    }

    private static Decision chat(String text, vn.citizenqa.core.model.ConversationContext context) {
        return new Decision(Intent.SMALL_TALK, Action.CHAT, null, List.of(), 1, null, Replies.smallTalk());
    }

    @Test
    void wordsTheAssistantFailsOnAreHandedToOfficersInsteadOfFailingTheDelivery() {
        ConversationService service = service((text, context) -> {
            throw new IllegalStateException("too many clauses");
        }, Duration.ZERO);

        Outcome outcome = service.handle(new InboundMessage.Text(CITIZEN, "m1", NOW, "lời lẽ khó hiểu"));

        assertInstanceOf(Outcome.Replied.class, outcome);
        assertEquals(Replies.escalated(), sender.sent.getFirst().reply().text());
        var queue = store.escalations().queue(UNIT, EscalationStatus.OPEN, null, 10).escalations();
        assertEquals(1, queue.size());
        assertEquals(Priority.NORMAL, queue.getFirst().priority());
        assertEquals(ConversationService.UNREADABLE_REASON, queue.getFirst().reason());
        assertEquals("lời lẽ khó hiểu", queue.getFirst().citizenText());
    }

    @Test
    void aDuplicateWhileAnotherDeliveryHoldsTheMessageAsksToBeDeliveredAgain() {
        ConversationService service = service(ConversationSafetyTest::chat, Duration.ofMillis(300));
        MessageKey key = new MessageKey(Channel.MESSENGER, "m1");
        var holder = store.messages().claim(key).claim(); // a delivery that claimed it and then died (or is slow)

        Outcome duplicate = service.handle(new InboundMessage.Text(CITIZEN, "m1", NOW, "xin chào"));

        assertInstanceOf(Outcome.InProgress.class, duplicate);
        assertTrue(duplicate.needsRedelivery(), "never acknowledged while nobody may answer it");
        assertEquals(List.of(), sender.sent);

        store.messages().markDecided(key, holder.owner(), vn.citizenqa.core.store.ReplyDraft.of(chat("", null)));
        store.messages().markSent(key, holder.owner(), "out-1");
        assertInstanceOf(Outcome.AlreadyAnswered.class, service.handle(new InboundMessage.Text(CITIZEN, "m1", NOW, "xin chào")));
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
        ConversationService service = new ConversationService(ConversationSafetyTest::chat, knowledge, failingMarks, sender,
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ZERO);

        Outcome outcome = service.handle(new InboundMessage.Text(CITIZEN, "m1", NOW, "xin chào"));

        assertInstanceOf(Outcome.Replied.class, outcome);
        assertEquals(1, sender.sent.size());
        assertEquals(MessageState.DECIDED, inner.messages().find(new MessageKey(Channel.MESSENGER, "m1")).orElseThrow().state());
    }
}
