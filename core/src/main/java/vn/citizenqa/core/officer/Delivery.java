package vn.citizenqa.core.officer;

import java.time.Instant;

import vn.citizenqa.core.model.Channel;

/** How an officer's reply went out. */
public record Delivery(Channel channel, ReplyMode mode, String platformMessageId, Instant sentAt) {
}
