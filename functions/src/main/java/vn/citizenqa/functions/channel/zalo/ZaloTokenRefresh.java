package vn.citizenqa.functions.channel.zalo;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import vn.citizenqa.core.channel.ReplyFailedException;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.store.PageRegistration;
import vn.citizenqa.core.store.PageRegistry;
import vn.citizenqa.core.store.TokenUpdate;
import vn.citizenqa.functions.channel.ChannelHttp;
import vn.citizenqa.functions.channel.JsonFields;

/**
 * Gets a new OA access token with the stored refresh token ({@code POST $ZALO_OAUTH_BASE/v4/oa/access_token}).
 * Zalo's refresh token is single-use, so the new pair is written back at once through the page registry's
 * conditional update; when another container refreshed first, its tokens are used instead.
 *
 * <p>Within one process only one refresh per OA runs at a time: the others wait for it and then find its tokens in the
 * store (a second refresh would spend the new single-use token, or fail on the old one). Across containers, a
 * refresh that Zalo refuses re-reads the store for a moment, as the winner may not have written its tokens yet.
 */
public final class ZaloTokenRefresh {

    private final ChannelHttp http;
    private final URI endpoint;
    private final String appId;
    private final String appSecret;
    private final PageRegistry pages;
    private final Clock clock;
    private final java.util.concurrent.ConcurrentHashMap<String, Object> refreshing = new java.util.concurrent.ConcurrentHashMap<>();
    /** How long a refused refresh waits for another container's tokens to appear in the store. */
    static final java.time.Duration WINNER_WAIT = java.time.Duration.ofSeconds(2);

    public ZaloTokenRefresh(ChannelHttp http, String oauthBase, String appId, String appSecret, PageRegistry pages, Clock clock) {
        this.http = http;
        this.endpoint = ChannelHttp.endpoint(oauthBase, "/v4/oa/access_token");
        this.appId = appId;
        this.appSecret = appSecret;
        this.pages = pages;
        this.clock = clock;
    }

    /** The page with an access token newer than {@code expired}'s: refreshed here, or by another container meanwhile. */
    public PageRegistration refreshed(PageRegistration expired) throws ReplyFailedException {
        synchronized (refreshing.computeIfAbsent(expired.pageId(), k -> new Object())) {
            return refreshAlone(expired);
        }
    }

    private PageRegistration refreshAlone(PageRegistration expired) throws ReplyFailedException {
        String oaId = expired.pageId();
        Optional<PageRegistration> newer = newerThan(expired);
        if (newer.isPresent()) {
            return newer.get();
        }
        if (appSecret == null || appSecret.isEmpty()) {
            throw new ReplyFailedException("the access token of Zalo OA " + oaId + " expired and ZALO_APP_SECRET is not set to refresh it");
        }
        if (expired.refreshToken() == null || expired.refreshToken().isEmpty()) {
            throw new ReplyFailedException("the access token of Zalo OA " + oaId + " expired and no refresh token is stored for it");
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
            // Another container may have spent the single-use refresh token first: take what it stored.
            newer = awaitNewerThan(expired);
            if (newer.isPresent()) {
                return newer.get();
            }
            String error = answer == null ? null : JsonFields.text(answer, "error");
            throw new ReplyFailedException("Zalo OAuth did not refresh the token of OA " + oaId + ": HTTP " + r.status()
                    + (error != null ? ", error " + error : ""));
        }
        TokenUpdate update = pages.replaceTokens(Channel.ZALO, oaId, expired.refreshToken(), access, refresh,
                expiry(JsonFields.text(answer, "expires_in")));
        return switch (update) {
            case TokenUpdate.Replaced replaced -> replaced.page();
            case TokenUpdate.Stale stale -> stale.current();
            case TokenUpdate.UnknownPage unknown -> throw new ReplyFailedException("Zalo OA " + oaId + " left the page registry");
        };
    }

    private Instant expiry(String expiresInSeconds) {
        try {
            return expiresInSeconds == null ? null : clock.instant().plusSeconds(Long.parseLong(expiresInSeconds.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The winner's tokens, re-read for up to {@link #WINNER_WAIT}: its OAuth answer may be on its way to the store. */
    private Optional<PageRegistration> awaitNewerThan(PageRegistration expired) {
        long deadline = System.nanoTime() + WINNER_WAIT.toNanos();
        while (true) {
            Optional<PageRegistration> newer = newerThan(expired);
            if (newer.isPresent() || System.nanoTime() > deadline) {
                return newer;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return newer;
            }
        }
    }

    private Optional<PageRegistration> newerThan(PageRegistration expired) {
        return pages.find(Channel.ZALO, expired.pageId()).filter(p -> !p.accessToken().equals(expired.accessToken()));
    }
}
