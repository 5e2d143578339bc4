package vn.citizenqa.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.citizenqa.core.store.StoreSettings;
import vn.citizenqa.runner.ServeOnDynamo.Answer;
import vn.citizenqa.standin.ChannelStandIn;

/**
 * The officers' path end to end, as it runs locally: {@code serve} over real HTTP, the store on a real
 * DynamoDB-compatible server, the channels at the loopback stand-in, citizens' messages as signed webhooks and
 * officers' requests with bearer tokens.
 */
class OfficerEndToEndTest {

    private static final String SECRET = "end-to-end-officer-jwt-secret-0123456789";
    private static final String WARD_PAGE = "100000000000001";
    private static final String DISTRICT_PAGE = "100000000000002";
    private static final String WARD = "ca-phuong-ben-nghe";
    private static final String DISTRICT = "ca-quan-1";

    private final ServeOnDynamo serve = ServeOnDynamo.start(SECRET, List.of(
            new ServeOnDynamo.Page(WARD_PAGE, WARD, "Công an phường Bến Nghé", "ward-page-token"),
            new ServeOnDynamo.Page(DISTRICT_PAGE, DISTRICT, "Công an Quận 1", "district-page-token")),
            // Messages are written with the times of conversations days old; a live webhook would take a timestamp
            // that old as the time received (SentAtBounds), and 0 turns that bound off as for recorded events.
            Map.of("ZALO_REPLAY_WINDOW_MINUTES", "0"));
    private final ChannelStandIn channels = serve.channels();
    private final String officerA = serve.token("officer-a", WARD, "officer");
    private final String officerB = serve.token("officer-b", WARD, "officer");
    private final String districtOfficer = serve.token("officer-c", DISTRICT, "officer");

    OfficerEndToEndTest() throws Exception {
    }

    @AfterEach
    void stop() throws Exception {
        serve.close();
    }

    private Answer officer(String method, String pathAndQuery, String token, String json) throws Exception {
        return serve.officer(method, pathAndQuery, token, json);
    }

    /** A citizen's message to a page as Meta delivers it: signed, with the time the citizen sent it. */
    private void citizenWrites(String page, String psid, String mid, String text, Instant sentAt) throws Exception {
        serve.messenger(page, psid, mid, text, sentAt);
    }

    private long deliveriesOf(String text) {
        return channels.deliveries().stream().filter(d -> d.text().equals(text)).count();
    }

    @Test
    void anEmergencyIsQueuedClaimedAnsweredOnTheChannelClosedAndCounted() throws Exception {
        citizenWrites(WARD_PAGE, "psid-citizen", "m_e2e_1", "Cứu với, có cướp đang vào nhà tôi, nó có dao", Instant.now());
        citizenWrites(WARD_PAGE, "psid-other", "m_e2e_2", "Nhà hàng xóm bị trộm xe máy tối qua", Instant.now());

        Answer queue = officer("GET", "/escalations?status=OPEN", officerA, null);
        assertEquals(200, queue.status(), queue.body().toString());
        JsonNode first = queue.body().at("/escalations/0");
        assertEquals("URGENT", first.get("priority").asText(), queue.body().toString());
        assertEquals("EMERGENCY", first.get("intent").asText());
        String id = first.get("id").asText();
        assertEquals(0, officer("GET", "/escalations", districtOfficer, null).body().get("escalations").size());
        assertEquals(404, officer("GET", "/escalations/" + id, districtOfficer, null).status());

        assertEquals(200, officer("POST", "/escalations/" + id + "/claim", officerA, null).status());
        Answer second = officer("POST", "/escalations/" + id + "/claim", officerB, null);
        assertEquals(409, second.status());
        assertEquals("officer-a", second.body().get("holder").asText());

        String text = "Công an phường đang đến địa chỉ của bạn. Hãy ở nơi an toàn và khóa cửa.";
        Answer reply = officer("POST", "/escalations/" + id + "/reply", officerA, "{\"text\": \"" + text + "\"}");
        assertEquals(200, reply.status(), reply.body().toString());
        assertEquals("ANSWERED", reply.body().at("/escalation/status").asText());
        assertEquals(1, deliveriesOf(text), "the citizen receives the officer's text once");
        var delivered = channels.deliveries().stream().filter(d -> d.text().equals(text)).findFirst().orElseThrow();
        assertEquals("psid-citizen", delivered.recipientId());
        assertEquals("ward-page-token", delivered.accessToken());

        Answer detail = officer("GET", "/escalations/" + id, officerA, null);
        assertEquals("ANSWERED", detail.body().get("status").asText());
        assertEquals("Cứu với, có cướp đang vào nhà tôi, nó có dao", detail.body().at("/citizenMessage/text").asText());
        assertEquals("OFFICER", detail.body().at("/conversation").get(detail.body().get("conversation").size() - 1)
                .get("author").asText());

        Answer closed = officer("POST", "/escalations/" + id + "/close", officerA, "{\"reason\": \"Đã xử lý tại chỗ\"}");
        assertEquals(200, closed.status());
        assertEquals("CLOSED", closed.body().get("status").asText());
        assertEquals(409, officer("POST", "/escalations/" + id + "/reply", officerA, "{\"text\": \"x\"}").status());
        assertEquals(1, deliveriesOf(text));

        // Yesterday too, so that a run across midnight (Vietnam time) counts the same.
        LocalDate today = LocalDate.now(StoreSettings.VIETNAM);
        Answer stats = officer("GET", "/stats?from=" + today.minusDays(1) + "&to=" + today, officerA, null);
        assertEquals(200, stats.status(), stats.body().toString());
        assertEquals(2, stats.body().at("/units/0/days").size());
        JsonNode day = stats.body().at("/units/0/total");
        assertEquals(WARD, stats.body().at("/units/0/unit").asText());
        assertEquals(2, day.get("questions").asInt(), day.toString());
        assertEquals(2, day.get("escalated").asInt(), day.toString());
        assertEquals(1, day.get("emergencies").asInt(), day.toString());
        assertEquals(1, day.get("officerReplies").asInt(), day.toString());
        assertEquals(1, day.get("firstReplies").asInt(), day.toString());
        assertTrue(day.get("medianFirstReplySeconds").isIntegralNumber(), day.toString());
    }

    @Test
    void pastTheChannelsWindowAReplyIsRefusedAndNothingIsSentWhileALateOneGoesAsAHumanAgent() throws Exception {
        citizenWrites(WARD_PAGE, "psid-old", "m_e2e_old", "Cứu với, có cướp đang vào nhà tôi",
                Instant.now().minus(Duration.ofDays(8)));
        citizenWrites(WARD_PAGE, "psid-late", "m_e2e_late", "Cứu với, có cướp đang vào nhà tôi",
                Instant.now().minus(Duration.ofDays(2)));
        JsonNode queue = officer("GET", "/escalations", officerA, null).body().get("escalations");
        assertEquals(2, queue.size(), queue.toString());
        int before = channels.deliveries().size();

        boolean firstIsOlder = Instant.parse(queue.get(0).get("citizenMessageAt").asText())
                .isBefore(Instant.parse(queue.get(1).get("citizenMessageAt").asText()));
        String old = queue.get(firstIsOlder ? 0 : 1).get("id").asText();
        String late = queue.get(firstIsOlder ? 1 : 0).get("id").asText();
        Answer refused = officer("POST", "/escalations/" + old + "/reply", officerA, "{\"text\": \"Bạn còn cần hỗ trợ?\"}");
        assertEquals(409, refused.status(), refused.body().toString());
        assertEquals("reply_window_closed", refused.body().get("error").asText());
        assertEquals("CLOSED", refused.body().at("/replyWindow/mode").asText());
        assertEquals(before, channels.deliveries().size(), "nothing was sent");

        Answer sent = officer("POST", "/escalations/" + late + "/reply", officerA, "{\"text\": \"Xin lỗi đã trả lời muộn.\"}");
        assertEquals(200, sent.status(), sent.body().toString());
        assertEquals("HUMAN_AGENT", sent.body().at("/delivery/mode").asText());
        assertEquals("HUMAN_AGENT", channels.deliveries().getLast().tag());
        assertEquals("psid-late", channels.deliveries().getLast().recipientId());
    }

    @Test
    void withoutAValidTokenTheOfficerRoutesAnswer401() throws Exception {
        assertEquals(401, officer("GET", "/escalations", "not-a-token", null).status());
        String forged = new DevTokens("another-secret-another-secret-0123", Clock.systemUTC())
                .issue("officer-a", WARD, List.of("officer"), Duration.ofHours(1));
        Answer answer = officer("GET", "/escalations", forged, null);
        assertEquals(401, answer.status());
        assertEquals("unauthorized", answer.body().get("error").asText());
        assertEquals(403, officer("GET", "/escalations", serve.token("citizen", WARD, "citizens"), null).status());
    }
}
