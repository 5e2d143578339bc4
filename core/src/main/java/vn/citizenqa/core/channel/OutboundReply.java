package vn.citizenqa.core.channel;

import java.util.List;
import java.util.Objects;

/** What we send a citizen: the text, and the options to tap under it (possibly none). */
public record OutboundReply(String text, List<ReplyOption> options) {

    public OutboundReply {
        Objects.requireNonNull(text, "text");
        options = options == null ? List.of() : List.copyOf(options);
    }

    public static OutboundReply text(String text) {
        return new OutboundReply(text, List.of());
    }
}
