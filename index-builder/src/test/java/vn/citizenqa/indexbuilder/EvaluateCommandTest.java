package vn.citizenqa.indexbuilder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {

    private static final String KNOWLEDGE = System.getProperty("knowledge.dir", "../knowledge");

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = IndexBuilderCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void evaluatePrintsOursAndTheBaselineSideBySideWithTheMisses(@TempDir Path tmp) throws Exception {
        Path set = Files.writeString(tmp.resolve("small.tsv"), """
                label\ttext
                cap-ho-chieu\tlam ho chieu o dau
                EMERGENCY\tcháy nhà cứu với
                OUT_OF_SCOPE\tgiá vàng hôm nay
                dang-ky-tam-tru\tgiá vàng hôm nay
                """);
        Run r = run("evaluate", "--knowledge", KNOWLEDGE, "--questions", set.toString(), "--baseline");
        assertEquals(0, r.status(), r.err());
        for (String line : new String[] {"citizen-qa", "baseline", "top-1 accuracy (2 procedure questions)", "emergency recall (1)",
                "out-of-scope never answered (1)", "misses (1):", "expected dang-ky-tam-tru"}) {
            assertTrue(r.out().contains(line), line + " missing from\n" + r.out());
        }
    }

    @Test
    void crossValidationPrintsOutOfFoldFiguresPerSetAndLengthAndTheGateFittedWithTheChosenParameters() {
        String dev = KNOWLEDGE + "/eval/real-style/dev.tsv";
        Run r = run("evaluate", "--knowledge", KNOWLEDGE, "--questions", dev, "--cross-validate");
        assertEquals(0, r.status(), r.err());
        for (String line : new String[] {"cross-validation, 5 folds over 287 messages", "chosen: aim",
                "out of fold, all sets", "out of fold, " + dev, "13-40 words", "41-80 words",
                "wrong automatic answers out of fold:", "calibrated gate (paste into ConfidenceGate.DEFAULT)"}) {
            assertTrue(r.out().contains(line), line + " missing from\n" + r.out());
        }
    }

    @Test
    void anUnknownLabelNamesTheLine(@TempDir Path tmp) throws Exception {
        Path set = Files.writeString(tmp.resolve("bad.tsv"), "label\ttext\nkhong-co-thu-tuc\tabc\n");
        Run r = run("evaluate", "--knowledge", KNOWLEDGE, "--questions", set.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("bad.tsv:2: unknown label 'khong-co-thu-tuc'"), r.err());
    }

    @Test
    void explainShowsHowAMessageIsRead() {
        Run r = run("explain", "--knowledge", KNOWLEDGE, "dk tam tru");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("đăng*") && r.out().contains("confidence") && r.out().contains("dang-ky-tam-tru"), r.out());
    }
}
