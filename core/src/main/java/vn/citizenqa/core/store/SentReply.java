package vn.citizenqa.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An officer's reply as it went out: the platform's id of the message, when, and how it was tagged (the name of the
 * officer desk's reply mode).
 */
public record SentReply(String platformMessageId, Instant sentAt, String mode) {

    public SentReply {
        Objects.requireNonNull(platformMessageId, "platformMessageId");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(mode, "mode");
    }
}
