package vn.citizenqa.core.channel;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.store.ConversationKey;

/**
 * One event a channel delivered, already verified and parsed. Citizens' words are {@link CitizenText#clean cleaned}
 * as they enter. Every kind the platforms send is one of these,
 * so each is handled on purpose: a new kind cannot slip through unanswered or answered by accident.
 */
public sealed interface InboundMessage {

    /** The platform's id of the event, the key a redelivery is recognised by. */
    String messageId();

    /** A kind that comes from a citizen and is answered. */
    sealed interface FromCitizen extends InboundMessage {
        /** The citizen and the page: where the reply goes. */
        ConversationKey from();

        /** When the platform says it was sent, or null when it did not say. */
        Instant sentAt();
    }

    /** A message the citizen typed. */
    record Text(ConversationKey from, String messageId, Instant sentAt, String text) implements FromCitizen {
        public Text {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(messageId, "messageId");
            text = CitizenText.clean(Objects.requireNonNull(text, "text"));
        }
    }

    /**
     * A tap on an option we offered (a Messenger quick reply or postback button). The payload is what we put
     * on the option; the title is what the citizen saw.
     */
    record Choice(ConversationKey from, String messageId, Instant sentAt, String payload, String title) implements FromCitizen {
        public Choice {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(messageId, "messageId");
            payload = CitizenText.clean(Objects.requireNonNull(payload, "payload"));
            title = CitizenText.clean(title);
        }
    }

    /**
     * Something without words: an image, sticker, file, audio, video, link or location. A caption, when the
     * platform carries one, is kept (it may be a report).
     *
     * @param kinds what was attached, e.g. "image", "sticker"
     * @param caption the text sent with it, or null
     */
    record Attachment(ConversationKey from, String messageId, Instant sentAt, List<String> kinds, String caption)
            implements FromCitizen {
        public Attachment {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(messageId, "messageId");
            kinds = List.copyOf(kinds);
            caption = CitizenText.clean(caption);
        }

        /** Stickers and GIFs are reactions, never evidence. */
        public boolean onlyReactions() {
            return !kinds.isEmpty() && kinds.stream().allMatch(k -> k.equals("sticker") || k.equals("gif"));
        }
    }

    /** The citizen followed the page (Zalo {@code follow}). */
    record Follow(ConversationKey from, String messageId, Instant sentAt) implements FromCitizen {
        public Follow {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(messageId, "messageId");
        }
    }

    /**
     * An event that must never be answered: our own echoes, delivery and read receipts, threads owned by
     * another app, unfollows. Kept so that it is logged, not silently dropped.
     *
     * @param kind the platform's name for it, e.g. "echo", "delivery", "oa_send_text"
     */
    record Ignored(Channel channel, String pageId, String messageId, String kind) implements InboundMessage {
    }
}
