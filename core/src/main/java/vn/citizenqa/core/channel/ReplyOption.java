package vn.citizenqa.core.channel;

import java.util.Objects;

/**
 * An option offered under a reply (a Messenger quick reply, a Zalo button). The payload is exactly what a
 * citizen could also type ("2", "Chưa đúng"), because a Zalo {@code oa.query.show} button sends its payload
 * back as the citizen's own text: both channels then come back the same way.
 */
public record ReplyOption(String title, String payload) {

    public ReplyOption {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(payload, "payload");
    }
}
