package vn.citizenqa.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.citizenqa.core.store.Counter;
import vn.citizenqa.core.store.StoreSettings;
import vn.citizenqa.functions.dynamo.DynamoDbStore;
import vn.citizenqa.runner.ServeOnDynamo.Answer;

/**
 * Two wards merged while {@code serve} runs on a DynamoDB table, as an operator does it: {@code units merge} on the
 * command line, then the merged ward's cases and new messages in the other ward's queue, its officers' tokens refused
 * naming the other ward, and its past figures still a supervisor's to read.
 */
class UnitMergeEndToEndTest {

    private static final String SECRET = "merge-end-to-end-officer-jwt-secret-0123456789";
    private static final String PAGE_A = "100000000000011";
    private static final String PAGE_B = "100000000000012";
    private static final String A = "ca-phuong-ben-nghe";
    private static final String B = "ca-phuong-sai-gon";

    private final ServeOnDynamo serve = ServeOnDynamo.start(SECRET, List.of(
            new ServeOnDynamo.Page(PAGE_A, A, "Công an phường Bến Nghé", "page-a-token"),
            new ServeOnDynamo.Page(PAGE_B, B, "Công an phường Sài Gòn", "page-b-token")), Map.of());
    private final String officerOfA = serve.token("officer-a", A, "officer");
    private final String officerOfB = serve.token("officer-b", B, "officer");
    private final String supervisor = serve.token("chief", null, "supervisor");

    UnitMergeEndToEndTest() throws Exception {
    }

    @AfterEach
    void stop() throws Exception {
        serve.close();
    }

    private Answer officer(String method, String pathAndQuery, String token) throws Exception {
        return serve.officer(method, pathAndQuery, token, null);
    }

    private void citizenWrites(String page, String psid, String mid, String text) throws Exception {
        serve.messenger(page, psid, mid, text);
    }

    private String merge() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new UnitsCommand(serve.env(), Clock.systemUTC()).run(List.of("merge", "--from", A, "--into", B),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<String> ids(JsonNode queue) {
        return StreamSupport.stream(queue.get("escalations").spliterator(), false).map(e -> e.get("id").asText())
                .toList();
    }

    @Test
    void afterAMergeTheOtherWardWorksTheMergedWardsCasesAndPagesWhileItsPastFiguresStayReadable() throws Exception {
        LocalDate today = OneVietnamDay.waitIfEnding(Duration.ofMinutes(1));
        citizenWrites(PAGE_A, "psid-1", "m_merge_1", "Cứu với, có cướp đang vào nhà tôi, nó có dao");
        citizenWrites(PAGE_A, "psid-2", "m_merge_2", "Nhà hàng xóm bị trộm xe máy tối qua");
        List<String> before = ids(officer("GET", "/escalations", officerOfA).body());
        assertEquals(2, before.size());
        assertEquals(200, officer("POST", "/escalations/" + before.get(1) + "/claim", officerOfA).status());
        // A day of the merged ward's figures before the merge.
        var store = new DynamoDbStore(serve.dynamo().client(), serve.table(), Clock.systemUTC(), StoreSettings.defaults());
        store.counters().count(A, Instant.now().minus(Duration.ofDays(1)), Counter.QUESTIONS, Counter.ANSWERED);

        String first = merge();
        assertTrue(first.contains("merged: " + A + " → " + B)
                && first.contains("1 page(s) and 2 open or claimed case(s) moved"), first);
        String second = merge();
        assertTrue(second.contains("already merged") && second.contains("0 page(s) and 0"), second);

        assertEquals(List.of(before.get(0)), ids(officer("GET", "/escalations", officerOfB).body()));
        assertEquals(List.of(before.get(1)), ids(officer("GET", "/escalations?status=CLAIMED", officerOfB).body()));
        JsonNode moved = officer("GET", "/escalations/" + before.get(1), officerOfB).body();
        assertEquals("officer-a", moved.get("holder").asText(), "who held it still holds it");
        JsonNode last = moved.get("history").get(moved.get("history").size() - 1);
        assertTrue(last.get("note").asText().contains("Công an phường Bến Nghé")
                && last.get("note").asText().contains("Công an phường Sài Gòn"), last.toString());

        citizenWrites(PAGE_A, "psid-3", "m_merge_3", "Cứu với, nhà tôi đang cháy");
        assertEquals(2, ids(officer("GET", "/escalations", officerOfB).body()).size(),
                "what the merged ward's page receives now is the other ward's");

        Answer refused = officer("GET", "/escalations", officerOfA);
        assertEquals(403, refused.status());
        assertTrue(refused.body().get("message").asText().contains("merged into '" + B + "' (Công an phường Sài Gòn)"),
                refused.body().toString());

        JsonNode past = officer("GET", "/stats?unit=" + A + "&from=" + today.minusDays(1) + "&to=" + today, supervisor)
                .body();
        assertEquals(1, past.at("/units/0/days/0/questions").asInt(), past.toString());
        assertEquals(2, past.at("/units/0/days/1/questions").asInt(), "today's before the merge: " + past);
        JsonNode ofB = officer("GET", "/stats?from=" + today + "&to=" + today, officerOfB).body();
        assertEquals(1, ofB.at("/units/0/total/emergencies").asInt(), "the page's emergency after the merge: " + ofB);
        JsonNode units = officer("GET", "/units", supervisor).body().get("units");
        JsonNode a = StreamSupport.stream(units.spliterator(), false).filter(u -> u.get("id").asText().equals(A))
                .findFirst().orElseThrow();
        assertEquals("MERGED", a.get("status").asText());
        assertEquals(B, a.get("mergedInto").asText());
        assertEquals("Công an phường Bến Nghé", a.get("name").asText());
    }
}
