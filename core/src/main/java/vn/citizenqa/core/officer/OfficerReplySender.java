package vn.citizenqa.core.officer;

import vn.citizenqa.core.channel.ReplyFailedException;
import vn.citizenqa.core.model.ConversationKey;

/** Sends an officer's reply to the citizen on the channel the citizen wrote on. */
public interface OfficerReplySender {

    /**
     * @param to               the citizen and the page that answers
     * @param citizenMessageId the platform id of the citizen's message being answered
     * @param mode             {@link ReplyMode#STANDARD} or {@link ReplyMode#HUMAN_AGENT}, never CLOSED
     * @return the platform's id of the message sent
     * @throws ReplyFailedException when the channel did not accept it
     */
    String sendOfficerReply(ConversationKey to, String citizenMessageId, String text, ReplyMode mode)
            throws ReplyFailedException;
}
