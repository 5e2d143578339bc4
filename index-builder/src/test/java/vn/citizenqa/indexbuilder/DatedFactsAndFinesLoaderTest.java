package vn.citizenqa.indexbuilder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.citizenqa.core.model.Penalty;
import vn.citizenqa.core.model.Procedure;

/** Facts with a validity window and the fines collection: what loads, and each problem with file, line and field. */
class DatedFactsAndFinesLoaderTest {

    @TempDir
    Path tmp;

    private static final String DATED_FEE = """
            fee:
              - until: 2026-12-31
                text: "100.000 đồng (mức giảm)"
              - from: 2027-01-01
                text: "200.000 đồng (mức cơ bản)"
            """;

    private Path knowledge(String procedureFee) throws IOException, URISyntaxException {
        Path procedures = Files.createDirectories(tmp.resolve("procedures"));
        Path fixture = Path.of(getClass().getResource("/fixtures/valid/procedures/dang-ky-tam-tru.yaml").toURI());
        String text = Files.readString(fixture).replaceFirst("(?m)^fee:.*\\n", procedureFee);
        Files.writeString(procedures.resolve("dang-ky-tam-tru.yaml"), text);
        return tmp;
    }

    private static int lineOf(Path file, String startsWith) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(startsWith)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line " + startsWith);
    }

    private KnowledgeProblem onlyProblem(Path k) {
        InvalidKnowledgeException e = assertThrows(InvalidKnowledgeException.class, () -> new KnowledgeLoader().load(k));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().getFirst();
    }

    @Test
    void aDatedFeeGivesTheVersionOfEachDayAndListsBothWhenNoDayIsKnown() throws Exception {
        Procedure p = new KnowledgeLoader().load(knowledge(DATED_FEE)).getFirst();
        assertEquals("100.000 đồng (mức giảm)", p.on(LocalDate.of(2026, 12, 15)).fee());
        assertEquals("100.000 đồng (mức giảm)", p.on(LocalDate.of(2026, 12, 31)).fee());
        assertEquals("200.000 đồng (mức cơ bản)", p.on(LocalDate.of(2027, 1, 1)).fee());
        assertTrue(p.fee().contains("Đến hết 31/12/2026: 100.000") && p.fee().contains("Từ 01/01/2027: 200.000"), p.fee());
    }

    @Test
    void aGapBetweenVersionsNamesTheLineAndFieldOfTheLaterStart() throws Exception {
        Path k = knowledge(DATED_FEE.replace("from: 2027-01-01", "from: 2027-02-01"));
        KnowledgeProblem p = onlyProblem(k);
        assertEquals("procedures/dang-ky-tam-tru.yaml", p.file());
        assertEquals("fee[1].from", p.field());
        assertEquals(lineOf(k.resolve("procedures/dang-ky-tam-tru.yaml"), "- from: 2027-02-01"), p.line());
        assertTrue(p.problem().contains("day after the previous version ends (2026-12-31)"), p.problem());
        assertTrue(p.toString().startsWith("procedures/dang-ky-tam-tru.yaml:" + p.line() + ": field 'fee[1].from'"), p.toString());
    }

    @Test
    void aLastVersionThatEndsMustSayWhatHoldsAfter() throws Exception {
        KnowledgeProblem p = onlyProblem(knowledge("""
                fee:
                  - until: 2026-12-31
                    text: "100.000 đồng"
                """));
        assertEquals("fee[0].until", p.field());
        assertTrue(p.problem().contains("what holds after 2026-12-31"), p.problem());
    }

    @Test
    void aDateThatIsNotADateIsReportedWhereItIs() throws Exception {
        Path k = knowledge(DATED_FEE.replace("until: 2026-12-31", "until: 31/12/2026"));
        InvalidKnowledgeException e = assertThrows(InvalidKnowledgeException.class, () -> new KnowledgeLoader().load(k));
        KnowledgeProblem p = e.problems().stream().filter(x -> x.field().equals("fee[0].until")).findFirst().orElseThrow();
        assertTrue(p.problem().contains("not a date"), p.problem());
        assertEquals(lineOf(k.resolve("procedures/dang-ky-tam-tru.yaml"), "- until: 31/12/2026"), p.line());
    }

    private static final String FINE = """
            id: vuot-den-do
            title: "Vượt đèn đỏ"
            title_en: "Running a red light"
            description: "Không chấp hành hiệu lệnh của đèn tín hiệu giao thông."
            penalties:
              - vehicle: xe-may
                fine_min: 4000000
                fine_max: 6000000
                points: 4
                points_article: "điểm b khoản 13 Điều 7"
                article: "điểm c khoản 7 Điều 7"
              - vehicle: o-to
                fine_min: 18000000
                fine_max: 20000000
                points: 4
                points_article: "điểm b khoản 16 Điều 6"
                article: "điểm b khoản 9 Điều 6"
            legal_basis:
              - "Nghị định 168/2024/NĐ-CP"
            source: "https://vbpl.vn"
            reviewed: 2026-12-01
            sample_questions:
              - "vượt đèn đỏ phạt bao nhiêu"
              - "vuot den do xe may"
              - "chạy đèn đỏ ô tô bị phạt gì"
              - "vượt đèn vàng có bị trừ điểm không"
            """;

    private Path withFine(String text) throws IOException, URISyntaxException {
        Path k = knowledge(DATED_FEE);
        Files.writeString(Files.createDirectories(k.resolve("fines")).resolve("vuot-den-do.yaml"), text);
        return k;
    }

    @Test
    void aFineLoadsWithEachVehiclesRangePointsAndClause() throws Exception {
        List<Procedure> all = new KnowledgeLoader().load(withFine(FINE));
        Procedure fine = all.stream().filter(Procedure::isFine).findFirst().orElseThrow();
        assertEquals("vuot-den-do", fine.id());
        Penalty bike = fine.penalties().getFirst();
        assertEquals(Penalty.Vehicle.MOTORBIKE, bike.vehicle());
        assertEquals(4_000_000, bike.fineMin());
        assertEquals(6_000_000, bike.fineMax());
        assertEquals(4, bike.points());
        assertEquals("điểm c khoản 7 Điều 7", bike.article());
        assertFalse(all.stream().filter(p -> !p.isFine()).anyMatch(Procedure::isFine));
    }

    @Test
    void aFineRangeUpsideDownNamesFileLineAndField() throws Exception {
        Path k = withFine(FINE.replace("fine_max: 20000000", "fine_max: 1800000"));
        KnowledgeProblem p = onlyProblem(k);
        assertEquals("fines/vuot-den-do.yaml", p.file());
        assertEquals("penalties[1].fine_max", p.field());
        assertEquals(lineOf(k.resolve("fines/vuot-den-do.yaml"), "fine_max: 1800000"), p.line());
        assertTrue(p.problem().contains("below fine_min"), p.problem());
    }

    @Test
    void pointsWithoutTheirClauseAndAFineThatIsNotANumberAreBothReported() throws Exception {
        Path k = withFine(FINE.replace("    points_article: \"điểm b khoản 13 Điều 7\"\n", "")
                .replace("fine_min: 18000000", "fine_min: 18 triệu"));
        InvalidKnowledgeException e = assertThrows(InvalidKnowledgeException.class, () -> new KnowledgeLoader().load(k));
        String all = e.getMessage();
        assertTrue(all.contains("field 'penalties[0].points_article': missing"), all);
        assertTrue(all.contains("field 'penalties[1].fine_min': expected a whole number"), all);
        Matcher m = Pattern.compile("fines/vuot-den-do.yaml:(\\d+): field 'penalties\\[1\\].fine_min'").matcher(all);
        assertTrue(m.find(), all);
        assertEquals(lineOf(k.resolve("fines/vuot-den-do.yaml"), "fine_min: 18 triệu"), Integer.parseInt(m.group(1)));
    }

    @Test
    void theSameVehicleTwiceNeedsWhenToTellTheCasesApart() throws Exception {
        KnowledgeProblem p = onlyProblem(withFine(FINE.replace("vehicle: o-to", "vehicle: xe-may")));
        assertEquals("penalties[1].vehicle", p.field());
        assertTrue(p.problem().contains("appears twice"), p.problem());
    }
}
