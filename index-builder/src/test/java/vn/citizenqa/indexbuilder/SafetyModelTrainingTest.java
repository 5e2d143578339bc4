package vn.citizenqa.indexbuilder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The safety model learns from the development splits only: a held-out split is never read. */
class SafetyModelTrainingTest {

    private static final Path KNOWLEDGE = Path.of(System.getProperty("knowledge.dir", "../knowledge"));

    @Test
    void theSplitsTrainedOnAreDevelopmentSplitsThatExist() {
        for (String split : SafetyModelTraining.SAFETY_DEV) {
            assertFalse(SafetyModelTraining.heldOut(split), split);
            assertTrue(Files.exists(KNOWLEDGE.resolve(split)), split);
        }
        assertTrue(SafetyModelTraining.heldOut("eval/safety/holdout3.tsv"));
    }

    @Test
    void namingAHeldOutSplitIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> SafetyModelTraining.train(KNOWLEDGE,
                SafetyModelTraining.Target.EMERGENCY, List.of("eval/safety/dev.tsv", "eval/safety/holdout2.tsv")));
        assertTrue(e.getMessage().contains("holdout2.tsv"), e.getMessage());
    }

    /** A held-out file beside the development splits, unreadable as a set: training would fail if it opened it. */
    @Test
    void aHeldOutFileInTheFolderIsNeverOpened(@TempDir Path dir) throws IOException {
        copy(KNOWLEDGE.resolve("lexicon"), dir.resolve("lexicon"));
        Path safety = Files.createDirectories(dir.resolve("eval/safety"));
        String header = "label\tfamily\tsource\ttext\n";
        for (String split : SafetyModelTraining.SAFETY_DEV) {
            Files.writeString(dir.resolve(split), header
                    + "EMERGENCY\tfire\twritten\tnhà em đang cháy, cứu với\n"
                    + "EMERGENCY\tflood\twritten\tnước lên nhanh quá, cả nhà kẹt trên mái\n"
                    + "NEAR_MISS\tprocedure\twritten\tđăng ký tạm trú cần giấy tờ gì\n"
                    + "CRIME_REPORT\ttheft\twritten\ttối qua nhà em bị trộm mất xe máy\n");
        }
        Files.writeString(safety.resolve("holdout3.tsv"), "not a labelled set at all\n");
        SafetyModelTraining.Trained trained = SafetyModelTraining.train(dir);
        assertEquals(4 * SafetyModelTraining.SAFETY_DEV.size(), trained.examples(), trained.summary());
        assertEquals(2 * SafetyModelTraining.SAFETY_DEV.size(), trained.emergencies(), trained.summary());
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
