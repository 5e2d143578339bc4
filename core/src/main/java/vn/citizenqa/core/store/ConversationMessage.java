package vn.citizenqa.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One message of a conversation, kept with its raw text (the only place raw text is kept) until it expires.
 *
 * @param id        unique within the conversation and the same on every redelivery (the platform's message id for
 *                  a citizen's message; e.g. "reply-" + that id for the assistant's reply), so that writing it again
 *                  changes nothing
 * @param authorId  the officer's id for {@link Author#OFFICER}, else null
 * @param expiresAt set by the store ({@code at} + the conversation retention); null on a message not yet stored
 */
public record ConversationMessage(ConversationKey conversation, String id, Instant at, Author author, String authorId,
                                  String text, Instant expiresAt) {

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
        return new ConversationMessage(conversation, id, at, author, authorId, text, null);
    }

    public Author.Direction direction() {
        return author.direction();
    }

    public ConversationMessage expiringAt(Instant expiry) {
        return new ConversationMessage(conversation, id, at, author, authorId, text, expiry);
    }
}
