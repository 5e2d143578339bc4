package vn.citizenqa.core.channel;

import vn.citizenqa.core.model.Channel;

/**
 * How a channel shows the options under a reply: what the drafter writes for it. Messenger's quick replies hold 20
 * characters, Zalo's buttons 100; where nothing can be tapped (the command line), the options are words in the text.
 */
public enum ChannelCapability {
    QUICK_REPLIES(20),
    BUTTONS(100),
    PLAIN_TEXT(0);

    private final int optionTitleLimit;

    ChannelCapability(int optionTitleLimit) {
        this.optionTitleLimit = optionTitleLimit;
    }

    /** How long an option's title may be; 0 when options are not tapped but written into the text. */
    public int optionTitleLimit() {
        return optionTitleLimit;
    }

    public boolean tappable() {
        return optionTitleLimit > 0;
    }

    public static ChannelCapability of(Channel channel) {
        return switch (channel) {
            case MESSENGER -> QUICK_REPLIES;
            case ZALO -> BUTTONS;
        };
    }
}
