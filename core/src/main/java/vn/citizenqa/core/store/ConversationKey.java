package vn.citizenqa.core.store;

import java.util.Objects;

import vn.citizenqa.core.model.Channel;

/** One citizen talking to one page: the page's id and the citizen's id as the platform gives them. */
public record ConversationKey(Channel channel, String pageId, String userId) {

    public ConversationKey {
        Objects.requireNonNull(channel, "channel");
        Keys.requireId(pageId, "pageId");
        Keys.requireId(userId, "userId");
    }
}
