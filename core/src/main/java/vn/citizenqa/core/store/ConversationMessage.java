package vn.citizenqa.core.store;

import java.time.Instant;
import java.util.Objects;

import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.model.Keys;

/**
 * One message of a conversation, kept with its raw text (the only place raw text is kept) until it expires.
 *
 * @param id        unique within the conversation and the same on every redelivery (the platform's message id for
 *                  a citizen's message; e.g. "reply-" + that id for the assistant's reply), so that writing it again
 *                  changes nothing
 * @param authorId  the officer's id for {@link Author#OFFICER}, else null
 * @param takenAs   for a citizen's message, what the assistant took it for when it was decided (later messages read
 *                  this instead of deciding it again); null for other authors and for messages not decided
 * @param expiresAt set by the store ({@code at} + the conversation retention); null on a message not yet stored
 */
public record ConversationMessage(ConversationKey conversation, String id, Instant at, Author author, String authorId,
                                  String text, TakenAs takenAs, Instant expiresAt) {

    /**
     * What a citizen's message was taken for.
     *
     * @param choice whether it picked one of the candidates offered just before it ("2", a button)
     */
    public record TakenAs(Intent intent, boolean choice) {
        public TakenAs {
            Objects.requireNonNull(intent, "intent");
        }

        /** A report or an emergency: later images and files are evidence for it. */
        public boolean report() {
            return intent == Intent.CRIME_REPORT || intent == Intent.EMERGENCY;
        }
    }

    public ConversationMessage {
        Objects.requireNonNull(conversation, "conversation");
        Keys.requireId(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
    }

    /** A message about to be stored; the store sets its expiry. */
    public static ConversationMessage of(ConversationKey conversation, String id, Instant at, Author author,
                                         String authorId, String text) {
        return new ConversationMessage(conversation, id, at, author, authorId, text, null, null);
    }

    /** A citizen's message about to be stored, with what it was taken for. */
    public static ConversationMessage fromCitizen(ConversationKey conversation, String id, Instant at, String text,
                                                  TakenAs takenAs) {
        return new ConversationMessage(conversation, id, at, Author.CITIZEN, null, text, takenAs, null);
    }

    public Author.Direction direction() {
        return author.direction();
    }

    public ConversationMessage expiringAt(Instant expiry) {
        return new ConversationMessage(conversation, id, at, author, authorId, text, takenAs, expiry);
    }
}
