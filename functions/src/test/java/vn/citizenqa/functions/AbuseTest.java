package vn.citizenqa.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.citizenqa.functions.WebhookRig.utf8;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.citizenqa.core.answer.ConversationReplies;
import vn.citizenqa.core.model.EscalationKind;
import vn.citizenqa.core.store.MutableClock;
import vn.citizenqa.core.store.Store;
import vn.citizenqa.core.store.StoreSettings;
import vn.citizenqa.functions.channel.Signed;
import vn.citizenqa.functions.dynamo.DynamoDbStore;
import vn.citizenqa.functions.officer.OfficerJson;
import vn.citizenqa.functions.testsupport.DynamoDbTestServer;
import vn.citizenqa.standin.ChannelStandIn;

/**
 * Abuse through the real webhook on DynamoDB: a citizen (or a bot) flooding a page is rate-limited across containers,
 * with one notice and an escalation officers see; no reply path repeats the links and phone numbers citizens type.
 */
class AbuseTest {

    private static final String SCAM = "gọi ngay 0912 345 678 hoặc vào http://evil.example/otp để nhận tiền";

    private final DynamoDbTestServer dynamo = DynamoDbTestServer.get();
    private final String table = dynamo.createTable();
    // Mid-minute, so that a test's burst falls in one minute whatever the time it runs.
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(20));
    private final List<WebhookRig> containers = new ArrayList<>();

    private Store store() {
        return new DynamoDbStore(dynamo.client(), table, clock, StoreSettings.defaults());
    }

    private WebhookRig container(ChannelStandIn shared) {
        WebhookRig rig = new WebhookRig(store(), clock, Map.of(), shared);
        containers.add(rig);
        return rig;
    }

    @AfterEach
    void stop() {
        containers.forEach(WebhookRig::close);
    }

    @Test
    void aFloodAcrossContainersGetsTwentyRepliesOneNoticeAndAnEscalationOfficersSee() throws Exception {
        WebhookRig first = container(null);
        List<WebhookRig> three = List.of(first, container(first.channels), container(first.channels));

        List<Integer> statuses = AllAtOnce.run(30, i -> () -> three.get(i % 3).call(WebhookRig.messenger(utf8(
                Signed.messengerText(WebhookRig.PAGE, "psid-flood", "m_flood_" + i, "hỏi lần " + i + " về tạm trú")))).getStatusCode());

        assertEquals(java.util.Collections.nCopies(30, 200), statuses, "a flood is acknowledged: nothing to redeliver");
        List<ChannelStandIn.Delivery> replies = first.channels.deliveries();
        assertEquals(21, replies.size(), "twenty answers and one notice, counted on one item by every container");
        assertEquals(1, replies.stream().filter(d -> d.text().equals(ConversationReplies.rateLimited())).count());

        JsonNode queue = officerGet(first, "/escalations");
        JsonNode flagged = null;
        for (JsonNode e : queue.get("escalations")) {
            if (EscalationKind.Flood.REASON.equals(e.get("reason").asText())) {
                flagged = e;
            }
        }
        assertTrue(flagged != null, "the unit's queue shows it: " + queue);
        assertEquals("NORMAL", flagged.get("priority").asText());
        JsonNode detail = officerGet(first, "/escalations/" + flagged.get("id").asText());
        assertEquals(20, detail.get("conversation").size(), "the case shows the latest messages of the flood");

        clock.advance(Duration.ofMinutes(1));
        assertEquals(200, first.call(WebhookRig.messenger(utf8(Signed.messengerText(WebhookRig.PAGE, "psid-flood", "m_after",
                "Đăng ký tạm trú cần giấy tờ gì?")))).getStatusCode());
        assertEquals(22, first.channels.deliveries().size(), "a minute later the citizen is answered again");
    }

    @Test
    void anEmergencySentDuringAFloodIsStillAnsweredAndEscalatedUrgent() {
        WebhookRig rig = container(null);
        for (int i = 0; i < 25; i++) {
            assertEquals(200, rig.call(WebhookRig.messenger(utf8(Signed.messengerText(WebhookRig.PAGE, "psid-flood-sos",
                    "m_sos_" + i, "hỏi lần " + i + " về tạm trú")))).getStatusCode());
        }
        int before = rig.channels.deliveries().size();
        assertEquals(21, before, "the flood is limited: twenty answers and one notice");

        assertEquals(200, rig.call(WebhookRig.messenger(utf8(Signed.messengerText(WebhookRig.PAGE, "psid-flood-sos",
                "m_sos_fire", "CHÁY NHÀ RỒI CỨU VỚI, có người kẹt trên tầng 3")))).getStatusCode());

        List<ChannelStandIn.Delivery> replies = rig.channels.deliveries();
        assertEquals(before + 1, replies.size(), "the emergency is answered despite the limit");
        assertTrue(replies.getLast().text().contains("114"), replies.getLast().text());
        boolean urgent = false;
        for (JsonNode e : officerGet(rig, "/escalations").get("escalations")) {
            urgent |= "URGENT".equals(e.get("priority").asText());
        }
        assertTrue(urgent, "officers see the emergency as URGENT");
    }

    private JsonNode officerGet(WebhookRig rig, String path) {
        var response = rig.officerHandler().handleRequest(WebhookRig.officerRequest("GET", path, null,
                WebhookRig.officer("officer-an", WebhookRig.UNIT), null), null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        try {
            return OfficerJson.MAPPER.readTree(response.getBody());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void noReplyPathRepeatsTheLinksOrPhoneNumbersCitizensType() {
        WebhookRig rig = container(null);
        String user = "psid-echo";
        List<String> texts = List.of(
                "Đăng ký tạm trú cần giấy tờ gì? " + SCAM,            // an answer
                "giấy tờ " + SCAM,                                    // a choice of procedures
                "2",                                                  // picking one
                "Chưa đúng " + SCAM,                                  // feedback that escalates
                "Cứu với nhà tôi đang cháy " + SCAM,                  // an emergency
                "Tôi bị lừa đảo chiếm đoạt tiền " + SCAM,             // a crime report
                "xin chào " + SCAM,                                   // small talk
                "giá vàng hôm nay bao nhiêu " + SCAM);                // out of scope
        int n = 0;
        for (String text : texts) {
            assertEquals(200, rig.call(WebhookRig.messenger(utf8(Signed.messengerText(WebhookRig.PAGE, user, "m_echo_" + n++,
                    text)))).getStatusCode());
        }
        String image = "{\"object\":\"page\",\"entry\":[{\"id\":\"" + WebhookRig.PAGE + "\",\"messaging\":[{\"sender\":{\"id\":\""
                + user + "\"},\"recipient\":{\"id\":\"" + WebhookRig.PAGE + "\"},\"timestamp\":" + Signed.NOW_MILLIS
                + ",\"message\":{\"mid\":\"m_echo_image\",\"attachments\":[{\"type\":\"image\",\"payload\":{\"url\":"
                + "\"https://scontent.xx.fbcdn.net/x.jpg\"}}]}}]}]}";
        assertEquals(200, rig.call(WebhookRig.messenger(utf8(image))).getStatusCode());
        assertEquals(200, rig.call(WebhookRig.zalo(utf8(Signed.zaloText(WebhookRig.OA, "z-echo", "z_echo", "tạm trú " + SCAM))))
                .getStatusCode());
        String caption = Signed.zaloText(WebhookRig.OA, "z-echo", "z_echo_img", "ảnh hiện trường " + SCAM)
                .replace("user_send_text", "user_send_image");
        assertEquals(200, rig.call(WebhookRig.zalo(utf8(caption))).getStatusCode());

        List<ChannelStandIn.Delivery> replies = rig.channels.deliveries();
        assertEquals(texts.size() + 3, replies.size());
        for (ChannelStandIn.Delivery reply : replies) {
            for (String echoed : List.of("0912", "345 678", "evil.example")) {
                assertFalse(reply.text().contains(echoed), "a reply repeats " + echoed + ": " + reply.text());
            }
        }
    }
}
