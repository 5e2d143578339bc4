package vn.citizenqa.functions.channel;

import java.util.Optional;

import vn.citizenqa.core.model.Channel;

/** Where the channel clients find a page's tokens and store refreshed ones (the page registry). */
public interface PageTokenStore {

    Optional<PageTokens> tokens(Channel channel, String pageId);

    /**
     * Stores refreshed tokens only if the page still has {@code expectedAccessToken}: when two instances
     * refresh at once, one write wins and the other re-reads.
     *
     * @return false when the tokens had already changed
     */
    boolean replaceTokens(Channel channel, String pageId, String expectedAccessToken, PageTokens fresh);
}
