package vn.citizenqa.core.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.conversation.UnreachableStore;
import vn.citizenqa.core.model.Action;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.store.ClaimResult;
import vn.citizenqa.core.store.InProcessStore;
import vn.citizenqa.core.store.MessageClaim;
import vn.citizenqa.core.store.MessageKey;
import vn.citizenqa.core.store.ReplyDraft;
import vn.citizenqa.core.store.StoreUnavailableException;

class AdmissionTest {

    private final InProcessStore store = new InProcessStore();
    private final List<InboundMessage.FromCitizen> queued = new ArrayList<>();
    private final Admission admission = new Admission(store, queued::addAll);

    private static InboundMessage.Text text(String user, String id) {
        return new InboundMessage.Text(new ConversationKey(Channel.ZALO, "oa-1", user), id, Instant.now(), "xin chào");
    }

    @Test
    void aThousandMessagesAreQueuedInTheirOrder() {
        List<InboundMessage.FromCitizen> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(text("user-" + i % 7, "z" + i));
        }
        assertEquals(new Admission.Admitted(1000, 0), admission.admit(many));
        assertEquals(many, queued);
    }

    @Test
    void aRedeliveryOfAnAnsweredMessageIsNotQueuedAgainButOneStillBeingAnsweredIs() {
        MessageClaim sent = ((ClaimResult.New) store.messages().claim(new MessageKey(Channel.ZALO, "z-sent"))).claim();
        store.messages().markDecided(sent.key(), sent.owner(), new ReplyDraft.Send(Intent.SMALL_TALK, Action.CHAT, vn.citizenqa.core.channel.OutboundReply.text("Chào bạn"), null, List.of(), null, false));
        store.messages().markSent(sent.key(), sent.owner(), "reply-1");
        store.messages().claim(new MessageKey(Channel.ZALO, "z-working"));

        assertEquals(new Admission.Admitted(2, 1), admission.admit(List.of(text("u", "z-sent"), text("u", "z-working"),
                text("u", "z-new"))));
        assertEquals(List.of("z-working", "z-new"), queued.stream().map(InboundMessage::messageId).toList());
    }

    @Test
    void anUnreachableStoreQueuesNothing() {
        Admission down = new Admission(new UnreachableStore(store), queued::addAll);
        assertThrows(StoreUnavailableException.class, () -> down.admit(List.of(text("u", "z1"), text("u", "z2"))));
        assertEquals(List.of(), queued);
    }
}
