package vn.citizenqa.indexbuilder.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate-safety --leave-one-set-out} on a knowledge folder of its own: the repository's knowledge with the
 * safety set replaced by three small synthetic splits. One split ({@code a.tsv}) holds emergencies told in made-up
 * words no cue knows, so that only a model trained on them can catch them: its fold (models trained on b and c)
 * misses them, and a split given apart with the same words is caught by the models of all three.
 */
class SafetyLeaveOneOutTest {

    @TempDir
    static Path tmp;
    static Path knowledge;
    static List<SafetyLeaveOneOut.Fold> folds;

    /** Emergencies in made-up words (no cue, no lexicon entry): only a model that saw them knows them. */
    private static List<String> madeUp(int from, int count) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            out.add("EMERGENCY\tmade-up\twritten\tzorblak quvintha " + i + " zorblak merrovax quvintha");
        }
        return out;
    }

    private static final List<String> B = List.of(
            "EMERGENCY\tfire\twritten\tnhà bên cạnh đang cháy to lắm, khói mù mịt",
            "EMERGENCY\tdrowning\twritten\tcó đứa nhỏ đuối nước ở hồ, cứu với",
            "CRIME_REPORT\ttheft\twritten\ttối qua nhà tôi bị trộm mất xe máy, giờ trình báo ở đâu",
            "SCAM_CHECK\tfake-police\twritten\tcó người gọi xưng công an bảo chuyển tiền vào tài khoản an toàn, có phải lừa không",
            "NEAR_MISS\tfire-safety\twritten\tcửa hàng tạp hóa có bắt buộc trang bị bình chữa cháy không",
            "NEAR_MISS\tweapon-licence\twritten\tthủ tục xin giấy phép sử dụng công cụ hỗ trợ thế nào");

    private static final List<String> C = List.of(
            "EMERGENCY\tmedical\twritten\tông cụ ngất xỉu ngoài đường, không thở",
            "CRIME_REPORT\tassault\twritten\thôm kia tôi bị thằng bảo vệ đấm vào mặt, tôi muốn báo công an",
            "NEAR_MISS\tlost-papers\twritten\tbị mất ví do đánh rơi ở bến xe, trong có bằng lái, làm lại thế nào");

    @BeforeAll
    static void measure() throws Exception {
        knowledge = tmp.resolve("knowledge");
        copy(TestKnowledge.DIR, knowledge);
        Path safety = knowledge.resolve("eval/safety");
        try (Stream<Path> files = Files.list(safety)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        List<String> a = new ArrayList<>(madeUp(0, 8));
        a.add("NEAR_MISS\tprocedure-fire\twritten\tthủ tục thẩm duyệt phòng cháy chữa cháy cho nhà xưởng");
        Files.write(safety.resolve("a.tsv"), a, StandardCharsets.UTF_8);
        Files.write(safety.resolve("b.tsv"), B, StandardCharsets.UTF_8);
        Files.write(safety.resolve("c.tsv"), C, StandardCharsets.UTF_8);
        Path apart = tmp.resolve("apart.tsv");
        Files.write(apart, madeUp(100, 3), StandardCharsets.UTF_8);
        folds = SafetyLeaveOneOut.folds(knowledge,
                List.of("eval/safety/a.tsv", "eval/safety/b.tsv", "eval/safety/c.tsv"), List.of(apart));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void eachSplitIsMeasuredWithModelsTrainedOnTheOthersOnly() {
        assertEquals(List.of("a.tsv", "b.tsv", "c.tsv", "apart.tsv"),
                folds.stream().map(SafetyLeaveOneOut.Fold::split).toList());
        assertEquals(List.of("eval/safety/b.tsv", "eval/safety/c.tsv"), folds.get(0).trainedOn());
        assertEquals(List.of("eval/safety/a.tsv", "eval/safety/c.tsv"), folds.get(1).trainedOn());
        assertEquals(List.of("eval/safety/a.tsv", "eval/safety/b.tsv"), folds.get(2).trainedOn());
        assertEquals(List.of("eval/safety/a.tsv", "eval/safety/b.tsv", "eval/safety/c.tsv"), folds.get(3).trainedOn());
        assertFalse(folds.get(0).heldOut());
        assertTrue(folds.get(3).heldOut());
    }

    @Test
    void theLeftOutSplitsOwnWordsAreUnknownToItsModels() {
        // Trained without a.tsv, the models know nothing of its made-up words: all eight emergencies are missed.
        SafetyLeaveOneOut.Fold a = folds.get(0);
        assertEquals(8, a.scores().emergencies());
        assertEquals(0.0, a.scores().emergencyRecall());
        assertEquals(0, a.emergenciesByModel());
        assertEquals(8, a.missedEmergencies().size());
        assertTrue(a.missedEmergencies().getFirst().startsWith("line 1 ("), a.missedEmergencies().getFirst());
        assertEquals(1, a.scores().nearMisses());
        assertEquals(0, a.scores().nearMissesUrgent());
        // The models of all three splits were trained on them: the same words in a split apart are caught, by a model.
        SafetyLeaveOneOut.Fold apart = folds.get(3);
        assertEquals(3, apart.scores().emergencies());
        assertEquals(1.0, apart.scores().emergencyRecall());
        assertEquals(3, apart.emergenciesByModel());
        assertEquals(List.of(), apart.missedEmergencies());
    }

    @Test
    void theCountsOfAFoldAreItsSplits() {
        SafetyEvaluation.Scores b = folds.get(1).scores();
        assertEquals(2, b.emergencies());
        assertEquals(1.0, b.emergencyRecall());
        assertEquals(1, b.reports());
        assertEquals(1.0, b.reportRecall());
        assertEquals(1, b.scamChecks());
        assertEquals(1.0, b.scamChecksWarned());
        assertEquals(2, b.nearMisses());
        assertEquals(0, b.nearMissesUrgent());
        assertEquals(0, b.falseEmergencies());
        SafetyEvaluation.Scores c = folds.get(2).scores();
        assertEquals(1, c.emergencies());
        assertEquals(1, c.reports());
        assertEquals(0, c.scamChecks());
        assertEquals(1, c.nearMisses());
    }

    @Test
    void theReportPrintsEachFoldAndWhatItMissed() {
        String b = SafetyLeaveOneOut.line(folds.get(1));
        assertTrue(b.startsWith("b.tsv          trained without it  emergencies 100.0% of 2 ("), b);
        assertTrue(b.contains("scam checks 100.0% of 1, near misses URGENT 0 of 2, false emergencies 0"), b);
        String a = SafetyLeaveOneOut.line(folds.get(0));
        assertTrue(a.startsWith("a.tsv          trained without it  emergencies   0.0% of 8 (0 by the models)"), a);
        assertTrue(a.contains("    emergency missed, line 1 ("), a);
        assertTrue(a.contains("zorblak quvintha 0 zorblak"), a);
        String apart = SafetyLeaveOneOut.line(folds.get(3));
        assertTrue(apart.startsWith("apart.tsv      never trained on    emergencies 100.0% of 3 (3 by the models)"), apart);
    }
}
