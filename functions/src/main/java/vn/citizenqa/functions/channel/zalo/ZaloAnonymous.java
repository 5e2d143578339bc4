package vn.citizenqa.functions.channel.zalo;

import java.util.Optional;

/**
 * A Zalo user who writes to the OA without following it ({@code anonymous_send_*}). Zalo names such a thread by two
 * ids, the anonymous user's and the conversation's, and a reply must name both; so the conversation's user id holds
 * them together ({@code anonymous:<anonymous id>:<conversation id>}), and the client sends to that pair.
 */
public final class ZaloAnonymous {

    static final String PREFIX = "anonymous:";

    private ZaloAnonymous() {
    }

    /** The user id of an anonymous thread; without a conversation id no reply can be sent, but the thread is kept. */
    static String userId(String anonymousId, String conversationId) {
        if (anonymousId == null || anonymousId.indexOf(':') >= 0 || (conversationId != null && conversationId.indexOf(':') >= 0)) {
            return null;
        }
        return PREFIX + anonymousId + ":" + (conversationId == null ? "" : conversationId);
    }

    /** The pair a user id stands for, or empty for a follower's plain id. */
    static Optional<Recipient> recipient(String userId) {
        if (userId == null || !userId.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = userId.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        String anonymous = colon < 0 ? rest : rest.substring(0, colon);
        String conversation = colon < 0 || colon == rest.length() - 1 ? null : rest.substring(colon + 1);
        return Optional.of(new Recipient(anonymous, conversation));
    }

    /** Whether a conversation's user id is an anonymous thread. */
    public static boolean isAnonymous(String userId) {
        return userId != null && userId.startsWith(PREFIX);
    }

    /** @param conversationId null when Zalo did not send one: such a thread cannot be answered */
    record Recipient(String anonymousId, String conversationId) {
    }
}
