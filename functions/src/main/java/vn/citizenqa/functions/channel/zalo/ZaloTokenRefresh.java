package vn.citizenqa.functions.channel.zalo;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.channel.ReplyFailedException;
import vn.citizenqa.functions.channel.ChannelHttp;
import vn.citizenqa.functions.channel.JsonFields;
import vn.citizenqa.functions.channel.PageTokenStore;
import vn.citizenqa.functions.channel.PageTokens;

/**
 * Gets a new OA access token with the stored refresh token ({@code POST $ZALO_OAUTH_BASE/v4/oa/access_token}).
 * Zalo's refresh token is single-use, so the new pair is written back at once, on condition that no other
 * instance refreshed meanwhile; when one did, its tokens are used instead.
 */
public final class ZaloTokenRefresh {

    private final ChannelHttp http;
    private final URI endpoint;
    private final String appId;
    private final String appSecret;
    private final PageTokenStore store;

    public ZaloTokenRefresh(ChannelHttp http, String oauthBase, String appId, String appSecret, PageTokenStore store) {
        this.http = http;
        String base = oauthBase.strip();
        this.endpoint = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v4/oa/access_token");
        this.appId = appId;
        this.appSecret = appSecret;
        this.store = store;
    }

    /** Tokens that are newer than {@code expired}: refreshed here, or by another instance in the meantime. */
    public PageTokens refreshed(String oaId, PageTokens expired) throws ReplyFailedException {
        Optional<PageTokens> newer = newerThan(oaId, expired);
        if (newer.isPresent()) {
            return newer.get();
        }
        if (appSecret == null || appSecret.isEmpty()) {
            throw new ReplyFailedException("the Zalo access token of OA " + oaId + " expired and ZALO_APP_SECRET is not set to refresh it");
        }
        if (expired.refreshToken() == null || expired.refreshToken().isEmpty()) {
            throw new ReplyFailedException("the Zalo access token of OA " + oaId + " expired and no refresh token is stored");
        }
        String form = "refresh_token=" + URLEncoder.encode(expired.refreshToken(), StandardCharsets.UTF_8)
                + "&app_id=" + URLEncoder.encode(appId, StandardCharsets.UTF_8)
                + "&grant_type=refresh_token";
        ChannelHttp.Response r = http.post("Zalo OAuth", endpoint, Map.of("secret_key", appSecret),
                "application/x-www-form-urlencoded", form);
        JsonNode answer = JsonFields.object(r.body().getBytes(StandardCharsets.UTF_8));
        String access = answer == null ? null : JsonFields.text(answer, "access_token");
        String refresh = answer == null ? null : JsonFields.text(answer, "refresh_token");
        if (access == null || refresh == null) {
            // Another instance may have used the single-use refresh token first: take what it stored.
            newer = newerThan(oaId, expired);
            if (newer.isPresent()) {
                return newer.get();
            }
            String error = answer == null ? null : JsonFields.text(answer, "error");
            throw new ReplyFailedException("Zalo OAuth did not refresh the token of OA " + oaId + ": HTTP " + r.status()
                    + (error != null ? ", error " + error : ""));
        }
        PageTokens fresh = new PageTokens(access, refresh);
        if (store.replaceTokens(Channel.ZALO, oaId, expired.accessToken(), fresh)) {
            return fresh;
        }
        return newerThan(oaId, expired).orElse(fresh);
    }

    private Optional<PageTokens> newerThan(String oaId, PageTokens expired) {
        return store.tokens(Channel.ZALO, oaId).filter(t -> !t.accessToken().equals(expired.accessToken()));
    }
}
