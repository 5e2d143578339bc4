package vn.citizenqa.core.channel;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.model.Coordinates;

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

    /**
     * A place the citizen shared (Messenger's location attachment, Zalo's {@code user_send_location}). Zalo puts the
     * place's name where a text goes: it is the name of a place, never a question to search.
     *
     * @param placeName the place's name or address as the platform gave it, or null
     */
    record Location(ConversationKey from, String messageId, Instant sentAt, Coordinates point, String placeName)
            implements FromCitizen {
        public Location {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(point, "point");
            placeName = blankToNull(CitizenText.clean(placeName));
        }
    }

    /**
     * Contact details the citizen chose to send through Zalo's information form ({@code user_submit_info}). Personal
     * data: kept raw only on the expiring conversation.
     *
     * @param name    the name given, or null
     * @param phone   the phone number given, or null
     * @param address the address given (street, ward, district, city joined), or null
     */
    record ContactDetails(ConversationKey from, String messageId, Instant sentAt, String name, String phone, String address)
            implements FromCitizen {
        public ContactDetails {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(messageId, "messageId");
            name = blankToNull(CitizenText.clean(name));
            phone = blankToNull(CitizenText.clean(phone));
            address = blankToNull(CitizenText.clean(address));
        }

        public boolean isEmpty() {
            return name == null && phone == null && address == null;
        }
    }

    /**
     * The new text of a message the citizen edited (Messenger {@code message_edits}). Its id is the edit's own
     * ({@code editedMessageId} and the edit's number), so a redelivered edit is recognised and a later edit is not.
     *
     * @param editedMessageId the platform's id of the message as first sent
     */
    record Edit(ConversationKey from, String messageId, Instant sentAt, String editedMessageId, String text)
            implements FromCitizen {
        public Edit {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(editedMessageId, "editedMessageId");
            text = CitizenText.clean(Objects.requireNonNull(text, "text"));
        }
    }

    /**
     * A gesture without words: a reaction put on a message (Messenger {@code message_reactions}, Zalo
     * {@code user_reacted_message}) or a like sticker (Messenger's thumbs-up button).
     *
     * @param reactedToId the platform's id of the message reacted to, or null for a sticker
     */
    record Reaction(ConversationKey from, String messageId, Instant sentAt, Gesture gesture, String reactedToId)
            implements FromCitizen {
        public Reaction {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(gesture, "gesture");
        }
    }

    /** What a reaction says, as far as it says anything. */
    enum Gesture {
        /** Like, love, thumbs up, heart: the answer helped. */
        APPROVAL,
        /** Dislike, angry, thumbs down: the answer did not help. */
        DISAPPROVAL,
        /** Laughter, surprise, sadness…: nothing an answer can be judged by. */
        OTHER
    }

    /**
     * A citizen's message delivered while another app holds the thread (Messenger's handover protocol: the Page
     * Inbox or another bot answers it). Never replied to; an emergency or a report in it still reaches officers.
     */
    record Standby(FromCitizen message) implements FromCitizen {
        public Standby {
            Objects.requireNonNull(message, "message");
            if (message instanceof Standby) {
                throw new IllegalArgumentException("a standby message wraps the message itself");
            }
        }

        @Override
        public ConversationKey from() {
            return message.from();
        }

        @Override
        public String messageId() {
            return message.messageId();
        }

        @Override
        public Instant sentAt() {
            return message.sentAt();
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

    /**
     * The platform warned, blocked or unblocked the page (Messenger {@code messaging_policy_enforcement}): nothing to
     * answer, but operators must know at once, since a blocked page answers nobody.
     *
     * @param action e.g. "warning", "block", "unblock"
     * @param reason the platform's explanation, or null
     */
    record PolicyEnforcement(Channel channel, String pageId, String action, String reason) implements InboundMessage {
        public PolicyEnforcement {
            Objects.requireNonNull(channel, "channel");
            action = action == null ? "unknown" : action;
            reason = CitizenText.clean(reason);
        }

        @Override
        public String messageId() {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
