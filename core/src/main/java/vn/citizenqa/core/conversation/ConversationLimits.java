package vn.citizenqa.core.conversation;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits the conversation service keeps.
 *
 * @param messagesPerMinute how many messages one citizen may send one page in a minute and still get automatic
 *                          replies; the next gets one notice (and officers an escalation), later ones no reply until
 *                          the next minute. 0 turns the limit off.
 * @param inProgressWait    how long a delivery that finds another working on the same message waits for it to be
 *                          sent before asking the platform to deliver again later
 */
public record ConversationLimits(int messagesPerMinute, Duration inProgressWait) {

    /**
     * 20 a minute: a person typing a question a few words at a time stays well under it; a bot or a flood of
     * pastes does not. A duplicate usually finds its twin sent within a second; 1.5 s keeps under Zalo's 2 s.
     */
    public static final ConversationLimits DEFAULT = new ConversationLimits(20, Duration.ofMillis(1500));

    public ConversationLimits {
        if (messagesPerMinute < 0) {
            throw new IllegalArgumentException("messagesPerMinute must not be negative: " + messagesPerMinute);
        }
        Objects.requireNonNull(inProgressWait, "inProgressWait");
    }

    public ConversationLimits withMessagesPerMinute(int perMinute) {
        return new ConversationLimits(perMinute, inProgressWait);
    }

    public ConversationLimits withInProgressWait(Duration wait) {
        return new ConversationLimits(messagesPerMinute, wait);
    }
}
