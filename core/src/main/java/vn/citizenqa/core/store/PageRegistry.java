package vn.citizenqa.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import vn.citizenqa.core.model.Channel;

/** The pages citizen-qa answers on, keyed by channel and page id. */
public interface PageRegistry {

    Optional<PageRegistration> find(Channel channel, String pageId);

    /** Every unit with at least one registered page, sorted (a supervisor's figures cover them all). */
    List<String> units();

    /** The unit's pages (one read), sorted by channel and page id. */
    List<PageRegistration> ofUnit(String unit);

    /** Adds or replaces a registration (loading the pages file at start, an operator's change). */
    void register(PageRegistration page);

    /**
     * Stores refreshed tokens only if the stored refresh token is still {@code usedRefreshToken}: refresh tokens are
     * single use, so of two containers refreshing at once only the first write may stand.
     */
    TokenUpdate replaceTokens(Channel channel, String pageId, String usedRefreshToken, String accessToken,
                              String refreshToken, Instant accessTokenExpiresAt);
}
