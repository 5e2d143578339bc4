package vn.citizenqa.core.store;

import java.time.Instant;
import java.util.Objects;

import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.Keys;

/**
 * A page (Facebook page or Zalo OA) citizen-qa answers on: the unit it belongs to and the channel tokens.
 * {@link #toString()} leaves the tokens out, so a registration can be logged.
 *
 * @param refreshToken   the single-use refresh token (Zalo), or null
 * @param tokenExpiresAt when the access token expires, or null when unknown / not expiring
 */
public record PageRegistration(Channel channel, String pageId, String unit, String displayName, String accessToken,
                               String refreshToken, Instant tokenExpiresAt) {

    public PageRegistration {
        Objects.requireNonNull(channel, "channel");
        Keys.requireId(pageId, "pageId");
        Keys.requireId(unit, "unit");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(accessToken, "accessToken");
    }

    public PageRegistration withTokens(String newAccessToken, String newRefreshToken, Instant newExpiry) {
        return new PageRegistration(channel, pageId, unit, displayName, newAccessToken, newRefreshToken, newExpiry);
    }

    @Override
    public String toString() {
        return "PageRegistration[channel=" + channel + ", pageId=" + pageId + ", unit=" + unit + ", displayName="
                + displayName + ", tokenExpiresAt=" + tokenExpiresAt + "]";
    }
}
