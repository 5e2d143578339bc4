package vn.citizenqa.core.officer;

import java.util.List;

import vn.citizenqa.core.store.ConversationMessage;
import vn.citizenqa.core.store.Escalation;

/**
 * One escalation with what an officer needs to answer it.
 *
 * @param citizenMessage the escalated message as the citizen wrote it, or null once the conversation expired
 * @param conversation   the conversation's latest messages, oldest first
 * @param replyWindow    counted from the citizen's latest message
 */
public record EscalationDetail(Escalation escalation, ConversationMessage citizenMessage,
                               List<ConversationMessage> conversation, ReplyWindow replyWindow) {

    public EscalationDetail {
        conversation = List.copyOf(conversation);
    }
}
