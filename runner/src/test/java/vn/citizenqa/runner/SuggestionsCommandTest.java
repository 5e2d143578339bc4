package vn.citizenqa.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import vn.citizenqa.core.store.InProcessStore;
import vn.citizenqa.core.store.MutableClock;
import vn.citizenqa.core.store.NewSuggestion;
import vn.citizenqa.core.store.StoreSettings;

class SuggestionsCommandTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T08:00:00Z"));
    private final InProcessStore store = new InProcessStore(clock, StoreSettings.defaults());
    private final SuggestionsCommand command = new SuggestionsCommand(store.suggestions(),
            id -> Optional.ofNullable(Map.of("cap-ho-chieu", "Cấp hộ chiếu phổ thông").get(id)), clock);

    private void suggest(String escalation, String procedure, String question, String answer) {
        store.suggestions().add(new NewSuggestion(NewSuggestion.idFor(escalation, procedure, question), escalation,
                "cong-an-phuong-ben-nghe", procedure, question, answer, "officer-an"));
        clock.advance(Duration.ofMinutes(1));
    }

    private String run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()));
        assertEquals(0, status);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void pendingSuggestionsBecomeOneReviewableProposalPerProcedure() throws Exception {
        suggest("E1", "cap-ho-chieu", "Làm hộ chiếu cho bé cần gì? \"gấp\" gọi 0912345678", "Mang giấy khai sinh.");
        suggest("E2", "cap-ho-chieu", "passport mat bao lau: 8 ngay?", null);
        suggest("E3", "dang-ky-tam-tru", "đăng ký tạm trú online được không", "Được, qua VNeID.");

        String report = run("export", "--out", dir.toString());

        assertTrue(report.contains("cap-ho-chieu.yaml: 2"), report);
        JsonNode passport = new ObjectMapper(new YAMLFactory()).readTree(dir.resolve("cap-ho-chieu.yaml").toFile());
        assertEquals("knowledge/procedures/cap-ho-chieu.yaml", passport.get("file").asText());
        assertEquals("Cấp hộ chiếu phổ thông", passport.get("title").asText());
        assertEquals(List.of("Làm hộ chiếu cho bé cần gì? \"gấp\" gọi [phone]", "passport mat bao lau: 8 ngay?"),
                List.of(passport.at("/sample_questions/0").asText(), passport.at("/sample_questions/1").asText()));
        assertEquals("Mang giấy khai sinh.", passport.at("/suggestions/0/answer").asText());
        assertTrue(passport.at("/suggestions/1/answer").isNull());
        assertEquals("E2", passport.at("/suggestions/1/escalation").asText());
        String residence = Files.readString(dir.resolve("dang-ky-tam-tru.yaml"));
        assertTrue(residence.contains("WARNING: no procedure 'dang-ky-tam-tru'"), residence);

        assertEquals(3, store.suggestions().pending(10).size(), "without --mark-exported they stay pending");
    }

    @Test
    void markedSuggestionsAreNotExportedAgain() throws Exception {
        suggest("E1", "cap-ho-chieu", "Làm hộ chiếu cần gì?", null);

        assertTrue(run("export", "--out", dir.toString(), "--mark-exported").contains("1 suggestion(s) marked exported"));
        Files.delete(dir.resolve("cap-ho-chieu.yaml"));

        assertEquals("no pending suggestions", run("export", "--out", dir.toString()).strip());
        assertFalse(Files.exists(dir.resolve("cap-ho-chieu.yaml")));
    }

    @Test
    void aMistypedCommandSaysHowToUseIt() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, command.run(List.of("exprt"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("suggestions export"));
    }
}
