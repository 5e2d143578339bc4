package vn.citizenqa.core.model;

import java.util.Objects;


/** One citizen talking to one page: the page's id and the citizen's id as the platform gives them. */
public record ConversationKey(Channel channel, String pageId, String userId) {

    public ConversationKey {
        Objects.requireNonNull(channel, "channel");
        Keys.requireId(pageId, "pageId");
        Keys.requireId(userId, "userId");
    }
}
