package vn.citizenqa.functions.channel.messenger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.citizenqa.core.channel.OutboundReply;
import vn.citizenqa.core.channel.ReplyFailedException;
import vn.citizenqa.core.channel.ReplyOption;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.functions.channel.ChannelHttp;
import vn.citizenqa.standin.ChannelStandIn;

class MessengerClientTest {

    private ChannelStandIn graph;
    private MessengerClient client;

    @BeforeEach
    void start() throws Exception {
        graph = ChannelStandIn.start(0, null);
        client = new MessengerClient(new ChannelHttp(Duration.ofSeconds(2), Duration.ofMillis(700)), graph.graphApiBase());
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void sendsTheTextToTheCitizenWithThePageToken() throws Exception {
        String id = client.send("page-token", "psid-1", OutboundReply.text("Xin chào"));
        assertTrue(id.startsWith("m_standin_"));
        assertEquals(List.of(new ChannelStandIn.Delivery(Channel.MESSENGER, "psid-1", "Xin chào", List.of(), "page-token")),
                graph.deliveries());
    }

    @Test
    void anOfficersLateReplyGoesAsAHumanAgentMessageTag() throws Exception {
        client.send("page-token", "psid-1", OutboundReply.text("Xin lỗi đã trả lời muộn"),
                MessengerClient.MessagingType.HUMAN_AGENT);
        client.send("page-token", "psid-1", OutboundReply.text("Chào bạn"), MessengerClient.MessagingType.RESPONSE);

        assertEquals(List.of("HUMAN_AGENT", "none"), graph.deliveries().stream()
                .map(d -> d.tag() == null ? "none" : d.tag()).toList());
        assertEquals("MESSAGE_TAG", MessengerClient.message("p", "x", List.of(), MessengerClient.MessagingType.HUMAN_AGENT)
                .get("messaging_type").asText());
    }

    @Test
    void optionsBecomeQuickRepliesWithTitlesWithinTwentyCharacters() throws Exception {
        client.send("t", "u", new OutboundReply("Bạn hỏi thủ tục nào?", List.of(
                new ReplyOption("1. Đăng ký thường trú cho người chưa thành niên", "1"),
                new ReplyOption("2. Đăng ký tạm trú", "2"))));
        List<ReplyOption> options = graph.deliveries().getFirst().options();
        assertEquals(List.of("1", "2"), options.stream().map(ReplyOption::payload).toList());
        assertEquals("2. Đăng ký tạm trú", options.get(1).title());
        assertTrue(options.getFirst().title().length() <= 20);
        assertTrue(options.getFirst().title().startsWith("1. Đăng ký"));
    }

    @Test
    void aLongReplyGoesAsSeveralMessagesWithTheOptionsUnderTheLast() throws Exception {
        String text = "Hồ sơ gồm tờ khai và giấy tờ chứng minh chỗ ở hợp pháp. ".repeat(60);
        client.send("t", "u", new OutboundReply(text, List.of(new ReplyOption("Hữu ích", "Hữu ích"))));
        var d = graph.deliveries();
        assertEquals(2, d.size());
        assertTrue(d.stream().allMatch(x -> x.text().length() <= 2000));
        assertEquals(List.of(), d.get(0).options());
        assertEquals(1, d.get(1).options().size());
        assertEquals(text.strip(), d.get(0).text() + " " + d.get(1).text());
    }

    @Test
    void aServerErrorIsRetriedOnce() throws Exception {
        graph.failNext(1, 503);
        client.send("t", "u", OutboundReply.text("hi"));
        assertEquals(1, graph.deliveries().size());
        assertEquals(2, graph.attempts());
    }

    @Test
    void aTimeoutIsRetriedOnce() throws Exception {
        graph.stallNext(1, 1500);
        client.send("t", "u", OutboundReply.text("hi"));
        assertEquals(1, graph.deliveries().size());
        assertEquals(2, graph.attempts());
    }

    @Test
    void twoServerErrorsFailTheSend() {
        graph.failNext(2, 500);
        assertThrows(ReplyFailedException.class, () -> client.send("t", "u", OutboundReply.text("hi")));
        assertEquals(List.of(), graph.deliveries());
    }

    @Test
    void aRefusalIsNotRetried() {
        graph.failNext(1, 400);
        var e = assertThrows(ReplyFailedException.class, () -> client.send("t", "u", OutboundReply.text("hi")));
        assertTrue(e.getMessage().contains("HTTP 400"));
        assertTrue(!e.getMessage().contains("access_token"), "the token-bearing URL stays out of errors");
        assertEquals(1, graph.attempts());
    }
}
