package vn.citizenqa.core.model;

import java.util.Arrays;
import java.util.Optional;

/** The chat platforms a page lives on; the wire name is how webhooks, keys and configuration spell it. */
public enum Channel {
    MESSENGER("messenger"),
    ZALO("zalo");

    private final String wireName;

    Channel(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Channel> fromWireName(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName.equalsIgnoreCase(name)).findFirst();
    }
}
