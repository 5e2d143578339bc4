package vn.citizenqa.functions.channel.zalo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.citizenqa.core.channel.OutboundReply;
import vn.citizenqa.core.channel.ReplyFailedException;
import vn.citizenqa.core.channel.ReplyOption;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.store.InProcessStore;
import vn.citizenqa.core.store.PageRegistration;
import vn.citizenqa.functions.channel.ChannelHttp;
import vn.citizenqa.standin.ChannelStandIn;

class ZaloClientTest {

    private static final String OA = "388613280878808645";
    private final ChannelStandIn zalo = start();
    private final InProcessStore store = new InProcessStore();
    private final ChannelHttp http = new ChannelHttp(Duration.ofSeconds(2), Duration.ofSeconds(2));
    private final ZaloClient client = new ZaloClient(http, zalo.zaloApiBase(),
            new ZaloTokenRefresh(http, zalo.zaloOAuthBase(), "360846524940903967", "app-secret", store.pages(), Clock.systemUTC()));

    private static ChannelStandIn start() {
        try {
            return ChannelStandIn.start(0, null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        zalo.close();
    }

    private PageRegistration register(String access, String refresh) {
        PageRegistration page = new PageRegistration(Channel.ZALO, OA, "unit", "OA", access, refresh, null);
        store.pages().register(page);
        return page;
    }

    @Test
    void sendsTheTextWithTheAccessTokenHeader() throws Exception {
        String id = client.send(register("access-1", "refresh-1"), "user-1", OutboundReply.text("Xin chào"));
        assertTrue(id.startsWith("z_standin_"));
        assertEquals(List.of(new ChannelStandIn.Delivery(Channel.ZALO, "user-1", "Xin chào", List.of(), "access-1")), zalo.deliveries());
    }

    @Test
    void optionsBecomeAtMostFiveQueryButtons() throws Exception {
        List<ReplyOption> seven = IntStream.rangeClosed(1, 7).mapToObj(i -> new ReplyOption(i + ". Thủ tục " + i, Integer.toString(i))).toList();
        client.send(register("access-1", null), "user-1", new OutboundReply("Bạn hỏi thủ tục nào?", seven));
        assertEquals(seven.subList(0, 5), zalo.deliveries().getFirst().options());
    }

    @Test
    void anExpiredTokenIsRefreshedOnceStoredAndTheMessageSentAgain() throws Exception {
        zalo.expireZaloAccessToken("access-1");
        zalo.acceptZaloRefreshToken("refresh-1");
        client.send(register("access-1", "refresh-1"), "user-1", OutboundReply.text("hi"));
        String fresh = zalo.refreshUses().get("refresh-1");
        assertEquals(fresh, zalo.deliveries().getFirst().accessToken());
        PageRegistration stored = store.pages().find(Channel.ZALO, OA).orElseThrow();
        assertEquals(fresh, stored.accessToken());
        assertTrue(stored.tokenExpiresAt() != null);
    }

    @Test
    void whenAnotherContainerRefreshedFirstItsTokenIsUsed() throws Exception {
        PageRegistration seen = register("access-1", "refresh-1");
        zalo.expireZaloAccessToken("access-1");
        // Another container refreshed (and spent refresh-1) after this one read the page.
        store.pages().replaceTokens(Channel.ZALO, OA, "refresh-1", "access-2", "refresh-2", null);
        client.send(seen, "user-1", OutboundReply.text("hi"));
        assertEquals("access-2", zalo.deliveries().getFirst().accessToken());
        assertTrue(zalo.refreshUses().isEmpty(), "no second refresh");
    }

    @Test
    void aRefusedRefreshFailsTheSendWithTheReason() {
        zalo.expireZaloAccessToken("access-1");
        var e = assertThrows(ReplyFailedException.class, () -> client.send(register("access-1", "spent"), "user-1", OutboundReply.text("hi")));
        assertTrue(e.getMessage().contains("-14014"), e.getMessage());
        assertEquals(List.of(), zalo.deliveries());
    }

    @Test
    void aRefreshThatDoesNotHelpIsNotRetriedForever() {
        zalo.expireZaloAccessToken("access-1");
        zalo.acceptZaloRefreshToken("refresh-1");
        // The stand-in names the first token it issues "standin-access-1"; expired too, it gets one retry and a clear failure.
        zalo.expireZaloAccessToken("standin-access-1");
        PageRegistration page = register("access-1", "refresh-1");
        assertThrows(ReplyFailedException.class, () -> client.send(page, "user-1", OutboundReply.text("hi")));
        assertEquals(1, zalo.refreshUses().size());
    }
}
