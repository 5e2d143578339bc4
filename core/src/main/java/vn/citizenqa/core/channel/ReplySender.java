package vn.citizenqa.core.channel;

import vn.citizenqa.core.model.ConversationKey;

/** Sends a reply to a citizen on the channel the citizen wrote on. */
public interface ReplySender {

    /**
     * @param to the citizen (and the page that answers)
     * @param inReplyTo the platform id of the message answered, or null for a message not answering one
     * @return the platform's id of the (last) message sent
     * @throws ReplyFailedException when the platform did not accept it; the caller keeps the draft to retry
     */
    String send(ConversationKey to, String inReplyTo, OutboundReply reply) throws ReplyFailedException;
}
