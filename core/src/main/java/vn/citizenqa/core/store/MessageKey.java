package vn.citizenqa.core.store;

import java.util.Objects;

import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.Keys;

/** One inbound platform message: the platform's own message id is unique within its channel. */
public record MessageKey(Channel channel, String messageId) {

    public MessageKey {
        Objects.requireNonNull(channel, "channel");
        Keys.requireId(messageId, "messageId");
    }
}
