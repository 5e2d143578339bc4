package vn.citizenqa.core.channel;

import java.util.Objects;

import vn.citizenqa.core.model.Channel;

/**
 * One citizen on one page: where a message came from and where its reply goes. Every id is a string as
 * the platform sent it (Zalo ids overflow a long).
 */
public record Conversant(Channel channel, String pageId, String userId) {

    public Conversant {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(pageId, "pageId");
        Objects.requireNonNull(userId, "userId");
    }
}
