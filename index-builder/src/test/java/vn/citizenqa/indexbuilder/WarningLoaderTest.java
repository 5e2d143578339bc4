package vn.citizenqa.indexbuilder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.citizenqa.core.model.ScamWarning;
import vn.citizenqa.core.triage.ScamWarnings;

/** knowledge/warnings is validated like the procedures: a bad file names the file, line, field and problem. */
class WarningLoaderTest {

    private static final Path KNOWLEDGE = Path.of(System.getProperty("knowledge.dir", "../knowledge"));

    @Test
    void theRepositoryHasAtLeastFifteenValidWarnings() throws Exception {
        List<ScamWarning> warnings = new WarningLoader().load(KNOWLEDGE);
        assertTrue(warnings.size() >= 15, "warnings: " + warnings.size());
        for (ScamWarning w : warnings) {
            assertTrue(w.legalBasis().stream().anyMatch(l -> l.contains("Điều 174")), w.id());
            assertTrue(w.source().startsWith("http"), w.id());
        }
    }

    @Test
    void theCompiledFormReadsBackTheSameWarnings() throws Exception {
        List<ScamWarning> warnings = new WarningLoader().load(KNOWLEDGE);
        String text = ScamWarnings.write(warnings);
        List<ScamWarning> back = ScamWarnings.read(path -> new java.io.ByteArrayInputStream(
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(warnings, back);
    }

    @Test
    void aBadFileNamesTheFileLineFieldAndProblem(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("warnings"));
        Files.writeString(folder.resolve("gia-danh.yaml"), """
                id: gia-danh
                title: "Giả danh công an"
                cues:
                  - "giả danh công an"
                  - "rửa tiền"
                signs:
                  - "gọi điện"
                what_to_do:
                  - "tắt máy"
                  - "đến trụ sở"
                legal_basis:
                  - "Điều 174 Bộ luật Hình sự"
                source: "https://example.gov.vn/canh-bao"
                reviewed: 2026-13-01
                """);
        InvalidKnowledgeException e = assertThrows(InvalidKnowledgeException.class,
                () -> new WarningLoader().load(dir));
        String message = e.getMessage();
        assertTrue(message.contains("warnings/gia-danh.yaml:6: field 'signs': needs at least 2 item(s), found 1"), message);
        assertTrue(message.contains("warnings/gia-danh.yaml:14: field 'reviewed': not a date"), message);
    }
}
