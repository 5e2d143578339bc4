package vn.citizenqa.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import vn.citizenqa.core.model.ConversationKey;

/**
 * Conversation state and messages. Messages are separate items that expire after the configured retention;
 * the state expires the same time after its last save.
 */
public interface Conversations {

    Optional<ConversationState> state(ConversationKey key);

    /** Stores the state (last writer wins: it is a hint for follow-ups, not a ledger) and renews its expiry. */
    void saveState(ConversationState state);

    /** Stores a message with its raw text; storing the same (conversation, at, id) again overwrites it. */
    ConversationMessage append(ConversationMessage message);

    /** The latest {@code limit} unexpired messages, oldest first. */
    List<ConversationMessage> recent(ConversationKey key, int limit);

    /** One message, e.g. the one an escalation points to, unless it expired. */
    Optional<ConversationMessage> find(ConversationKey key, Instant at, String id);
}
