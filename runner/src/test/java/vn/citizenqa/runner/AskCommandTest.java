package vn.citizenqa.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.functions.Wiring;

/** The {@code ask} command over the packaged index: the JSON contract of DESIGN.md, batch mode, follow-ups. */
class AskCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("intent", "action", "procedure", "candidates", "confidence", "escalation",
            "reply");

    private record Run(int status, String out, String err) {
        List<JsonNode> lines() throws Exception {
            List<JsonNode> out = new ArrayList<>();
            for (String line : this.out.split("\n")) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
            return out;
        }
    }

    private static Run ask(String stdin, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new AskCommand(Wiring.assistant()).run(List.of(args), new BufferedReader(new StringReader(stdin)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertContract(JsonNode d) {
        Set<String> names = new java.util.HashSet<>();
        d.fieldNames().forEachRemaining(names::add);
        assertEquals(FIELDS, names, d.toString());
        assertTrue(Set.of("PROCEDURE", "EMERGENCY", "CRIME_REPORT", "SMALL_TALK", "OUT_OF_SCOPE").contains(d.get("intent").asText()));
        assertTrue(Set.of("ANSWER", "CLARIFY", "ESCALATE", "CHAT", "DECLINE").contains(d.get("action").asText()));
        JsonNode p = d.get("procedure");
        assertTrue(p.isNull() || (p.size() == 2 && p.hasNonNull("id") && p.hasNonNull("title")), p.toString());
        assertEquals(d.get("action").asText().equals("ANSWER"), !p.isNull());
        assertTrue(d.get("candidates").isArray() && d.get("candidates").size() <= 3);
        for (JsonNode c : d.get("candidates")) {
            assertEquals(3, c.size(), c.toString());
            assertTrue(c.get("score").isNumber() && c.get("score").asDouble() >= 0 && c.get("score").asDouble() <= 1);
        }
        double confidence = d.get("confidence").asDouble();
        assertTrue(d.get("confidence").isNumber() && confidence >= 0 && confidence <= 1);
        JsonNode e = d.get("escalation");
        assertEquals(d.get("action").asText().equals("ESCALATE"), !e.isNull());
        assertTrue(e.isNull() || (e.size() == 2 && Set.of("URGENT", "HIGH", "NORMAL").contains(e.get("priority").asText())));
        assertTrue(d.get("reply").isTextual() && !d.get("reply").asText().isBlank() && d.get("reply").asText().length() <= 2000);
    }

    @Test
    void jsonHasExactlyTheDecisionFields() throws Exception {
        for (String q : List.of("Làm căn cước lần đầu cần giấy tờ gì?", "CHÁY NHÀ CỨU VỚI", "bị lừa mất 10 triệu", "cảm ơn ad",
                "giá vàng hôm nay", "the can cuoc")) {
            Run r = ask("", "--json", q);
            assertEquals(0, r.status(), r.err());
            assertEquals(1, r.lines().size(), r.out());
            assertContract(r.lines().getFirst());
        }
    }

    @Test
    void theReadmeQuestionAnswersTheIdentityCard() throws Exception {
        JsonNode d = ask("", "--json", "Làm căn cước lần đầu cần giấy tờ gì?").lines().getFirst();
        assertEquals("ANSWER", d.get("action").asText());
        assertEquals("cap-the-can-cuoc", d.get("procedure").get("id").asText());
    }

    @Test
    void batchWritesOneDecisionPerLineInOrder() throws Exception {
        Run r = ask("làm hộ chiếu ở đâu\nCHÁY NHÀ\n\ncảm ơn\n", "--json", "--batch");
        List<JsonNode> lines = r.lines();
        assertEquals(4, lines.size(), r.out());
        lines.forEach(AskCommandTest::assertContract);
        assertEquals("EMERGENCY", lines.get(1).get("intent").asText());
        assertEquals("CHAT", lines.get(3).get("action").asText());
    }

    @Test
    void contextAnswersAFollowUpAboutThatProcedure() throws Exception {
        Procedure passport = Wiring.assistant().knowledgeBase().get("cap-ho-chieu");
        JsonNode d = ask("", "--json", "--context", "cap-ho-chieu", "lệ phí bao nhiêu?").lines().getFirst();
        assertContract(d);
        assertEquals("cap-ho-chieu", d.get("procedure").get("id").asText());
        assertTrue(d.get("reply").asText().contains(passport.fee()), d.get("reply").asText());
    }

    @Test
    void anUnknownContextIsRefusedWithAClearMessage() throws Exception {
        Run r = ask("", "--context", "khong-co", "lệ phí?");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("unknown procedure id for --context: khong-co"), r.err());
    }
}
