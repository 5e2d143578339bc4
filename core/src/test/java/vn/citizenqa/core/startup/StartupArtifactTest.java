package vn.citizenqa.core.startup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

import vn.citizenqa.core.analysis.Lexicon;
import vn.citizenqa.core.analysis.TokenGraph;
import vn.citizenqa.core.analysis.VietnameseAnalysis;
import vn.citizenqa.core.knowledge.KnowledgeFiles;
import vn.citizenqa.core.model.ScamWarning;
import vn.citizenqa.core.triage.RealKnowledge;
import vn.citizenqa.core.triage.SafetyModel;
import vn.citizenqa.core.triage.Triage;
import vn.citizenqa.core.triage.TriageVocabulary;

/** The start-up artifact gives back what was computed, and says why when it cannot be used. */
class StartupArtifactTest {

    private static final String HASH = "0123456789abcdef0123456789abcdef";
    /** Two warnings of the form the build writes, so that the scam tricks' cues and words are in the vocabulary too. */
    private static final List<ScamWarning> WARNINGS = List.of(
            new ScamWarning("gia-danh-cong-an", "Giả danh công an gọi điện", List.of("giả danh công an", "tài khoản an toàn"),
                    List.of("yêu cầu chuyển tiền vào tài khoản"), List.of("gọi 113"), List.of("Điều 174 Bộ luật Hình sự"),
                    "https://bocongan.gov.vn", java.time.LocalDate.of(2026, 11, 1)),
            new ScamWarning("viec-nhe-luong-cao", "Việc nhẹ lương cao", List.of("việc nhẹ lương cao", "làm nhiệm vụ … hoa hồng"),
                    List.of("nạp tiền trước để nhận nhiệm vụ"), List.of("không nạp tiền"), List.of("Điều 174 Bộ luật Hình sự"),
                    "https://bocongan.gov.vn", java.time.LocalDate.of(2026, 11, 1)));
    private static final TriageVocabulary TRIAGE = TriageVocabulary.read(RealKnowledge.FILES, WARNINGS);
    private static final StartupParts COMPUTED = new StartupParts(RealKnowledge.LEXICON, model(1.5f, 0.7), model(-2f, 0.9),
            TRIAGE, null);

    private static SafetyModel model(float weight, double threshold) {
        float[] weights = new float[1024];
        for (int i = 0; i < weights.length; i += 7) {
            weights[i] = weight * (i % 13) / 13f;
        }
        return new SafetyModel(weights.length, -1.25, threshold, weights);
    }

    /** The package: the artifact, a manifest naming {@code hash}, and the repository's own text files. */
    private static KnowledgeFiles packageOf(byte[] artifact, String hash) {
        Map<String, byte[]> generated = Map.of(StartupArtifact.FILE, artifact,
                StartupArtifact.MANIFEST, ("entries=1\ncontentHash=" + hash + "\n").getBytes(StandardCharsets.UTF_8));
        return path -> generated.containsKey(path) ? new ByteArrayInputStream(generated.get(path)) : RealKnowledge.FILES.open(path);
    }

    @Test
    void theRestoredLexiconReadsMessagesAsTheComputedOneAndTheModelsScoreAlike() {
        StartupArtifact.Reading reading = StartupArtifact.read(packageOf(StartupArtifact.write(COMPUTED, HASH), HASH));
        StartupParts restored = assertInstanceOf(StartupArtifact.Restored.class, reading).parts();

        assertEquals(COMPUTED.lexicon().entries(), restored.lexicon().entries());
        Analyzer computed = VietnameseAnalysis.queryAnalyzer(COMPUTED.lexicon());
        Analyzer fromArtifact = VietnameseAnalysis.queryAnalyzer(restored.lexicon());
        for (String message : List.of("cho e hoi lam cccd o dau a", "ko co so ho khau thi dk tam chu dc ko",
                "Xin chào, tôi muốn đổi bằng lái xe máy hết hạng", "mat ca vet xe thi lam lai ntn")) {
            TokenGraph a = TokenGraph.analyze(computed, message, COMPUTED.lexicon().messageCues());
            TokenGraph b = TokenGraph.analyze(fromArtifact, message, restored.lexicon().messageCues());
            assertEquals(a.segments(), b.segments(), message);
            assertTrue(a.segments().stream().anyMatch(s -> s.paths().size() > 1), "the lexicon expands " + message);
        }
        int[] features = {0, 7, 14, 91, 1023};
        assertEquals(COMPUTED.safety().score(features), restored.safety().score(features));
        assertEquals(COMPUTED.report().score(features), restored.report().score(features));
        assertEquals(COMPUTED.safety().threshold(), restored.safety().threshold());
    }

    @Test
    void theRestoredVocabulariesAreTheAnalysedOnesAndTriageReadsAlike() {
        StartupParts restored = assertInstanceOf(StartupArtifact.Restored.class,
                StartupArtifact.read(packageOf(StartupArtifact.write(COMPUTED, HASH), HASH))).parts();
        assertEquals(TRIAGE, restored.triage());
        assertEquals(COMPUTED.lexicon().messageCues().cues(), restored.lexicon().messageCues().cues());
        assertTrue(TRIAGE.emergency().stream().anyMatch(c -> c.wideAt() > 0), "a cue written with '…' keeps where it widens");
        assertTrue(TRIAGE.tricks().stream().anyMatch(c -> c.wideAt() > 0));
        Triage computed = Triage.load(TRIAGE, COMPUTED.lexicon(), COMPUTED.safety(), COMPUTED.report(), WARNINGS);
        Triage fromArtifact = Triage.load(restored.triage(), restored.lexicon(), restored.safety(), restored.report(), WARNINGS);
        for (String message : List.of("cứu với nhà em đang cháy", "cuu voi nha em dang chay", "em bị tài xế xe ôm đánh",
                "có người giả danh công an bảo chuyển tiền vào tài khoản an toàn, có phải lừa đảo không",
                "hôm qua em bị trộm xe, giờ báo ở đâu", "thank you, how do I renew my passport", "chào ad")) {
            assertEquals(computed.read(RealKnowledge.graph(message), message), fromArtifact.read(RealKnowledge.graph(message), message),
                    message);
        }
    }

    @Test
    void withoutTheVocabulariesTheTriageReadsTheTextFiles() {
        StartupParts parts = new StartupParts(RealKnowledge.LEXICON, model(1.5f, 0.7), model(-2f, 0.9));
        StartupParts restored = assertInstanceOf(StartupArtifact.Restored.class,
                StartupArtifact.read(packageOf(StartupArtifact.write(parts, HASH), HASH))).parts();
        assertNull(restored.triage());
        assertNull(restored.search());
    }

    @Test
    void theSamePartsGiveTheSameBytes() {
        assertArrayEquals(StartupArtifact.write(COMPUTED, HASH), StartupArtifact.write(COMPUTED, HASH));
    }

    @Test
    void aPackageWithoutTheArtifactIsComputedFromItsText() {
        KnowledgeFiles none = path -> {
            if (path.equals(StartupArtifact.FILE)) {
                throw new NoSuchFileException(path);
            }
            return RealKnowledge.FILES.open(path);
        };
        assertInstanceOf(StartupArtifact.Missing.class, StartupArtifact.read(none));
    }

    @Test
    void aChangedByteIsCorrupt() {
        byte[] bytes = StartupArtifact.write(COMPUTED, HASH);
        bytes[bytes.length / 2] ^= 0x10;
        assertUnusable(bytes, HASH, "startup/assistant.bin: corrupt");
    }

    @Test
    void aCutFileIsCorrupt() {
        byte[] bytes = StartupArtifact.write(COMPUTED, HASH);
        assertUnusable(java.util.Arrays.copyOf(bytes, bytes.length - 100), HASH, "startup/assistant.bin: corrupt");
        assertUnusable(new byte[3], HASH, "startup/assistant.bin: not a start-up artifact");
    }

    @Test
    void anotherFormatIsNamedWithTheOneThisBuildReads() {
        byte[] bytes = StartupArtifact.write(COMPUTED, HASH);
        ByteBuffer.wrap(bytes).putInt("CQA-START".length(), StartupArtifact.FORMAT + 1);
        resealed(bytes);
        assertUnusable(bytes, HASH, "startup/assistant.bin: format " + (StartupArtifact.FORMAT + 1) + ", this build reads format "
                + StartupArtifact.FORMAT);
    }

    @Test
    void anArtifactOfOtherKnowledgeThanTheManifestSaysIsNotUsed() {
        assertUnusable(StartupArtifact.write(COMPUTED, HASH), "fedcba9876543210", "startup/assistant.bin: made from other knowledge");
    }

    private static void resealed(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - Long.BYTES);
        ByteBuffer.wrap(bytes).putLong(bytes.length - Long.BYTES, crc.getValue());
    }

    private static void assertUnusable(byte[] bytes, String manifestHash, String problemStart) {
        KnowledgeFiles files = packageOf(bytes, manifestHash);
        StartupArtifact.Reading reading = StartupArtifact.read(files);
        String problem = assertInstanceOf(StartupArtifact.Unusable.class, reading).problem();
        assertTrue(problem.startsWith(problemStart), problem);
    }
}
