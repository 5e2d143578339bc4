package vn.citizenqa.core.conversation;

import vn.citizenqa.core.model.ConversationContext;
import vn.citizenqa.core.model.Decision;

/** Decides one message in its conversation: {@code Assistant::decide} in production. */
@FunctionalInterface
public interface Decider {

    Decision decide(String text, ConversationContext context);
}
