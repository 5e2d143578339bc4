package vn.citizenqa.indexbuilder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.citizenqa.core.model.Category;
import vn.citizenqa.core.model.OnlineService;
import vn.citizenqa.core.model.Procedure;

class KnowledgeLoaderTest {

    @TempDir
    Path tmp;

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(KnowledgeLoaderTest.class.getResource("/fixtures/" + name).toURI());
    }

    /** A knowledge folder holding the valid fixtures plus one file of the given text. */
    private Path withFile(String fileName, String yaml) throws IOException, URISyntaxException {
        Path procedures = Files.createDirectories(tmp.resolve("procedures"));
        try (var files = Files.list(fixture("valid").resolve("procedures"))) {
            for (Path f : files.toList()) {
                Files.copy(f, procedures.resolve(f.getFileName()));
            }
        }
        Files.writeString(procedures.resolve(fileName), yaml);
        return tmp;
    }

    private String validText() throws IOException, URISyntaxException {
        return Files.readString(fixture("valid").resolve("procedures/dang-ky-tam-tru.yaml"));
    }

    private KnowledgeProblem onlyProblem(Path knowledge) {
        InvalidKnowledgeException e = assertThrows(InvalidKnowledgeException.class, () -> new KnowledgeLoader().load(knowledge));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().getFirst();
    }

    @Test
    void loadsEveryFieldOfAValidFile() throws Exception {
        List<Procedure> procedures = new KnowledgeLoader().load(fixture("valid"));
        assertEquals(2, procedures.size());
        Procedure p = procedures.stream().filter(x -> x.id().equals("dang-ky-tam-tru")).findFirst().orElseThrow();
        assertEquals("Đăng ký tạm trú", p.title());
        assertEquals("1.004194", p.code());
        assertEquals(Category.RESIDENCE, p.category());
        assertEquals(OnlineService.Availability.PARTIAL, p.online().availability());
        assertEquals(List.of("https://dichvucong.bocongan.gov.vn"), p.online().links());
        assertEquals(4, p.sampleQuestions().size());
        assertEquals("2026-11-28", p.reviewed().toString());
    }

    @Test
    void missingFieldNamesFileAndField() throws Exception {
        Path k = withFile("tach-ho.yaml", validText().replace("dang-ky-tam-tru", "tach-ho").replaceAll("(?m)^agency:.*\\n", ""));
        KnowledgeProblem p = onlyProblem(k);
        assertEquals("procedures/tach-ho.yaml", p.file());
        assertEquals("agency", p.field());
        assertEquals("missing field", p.problem());
    }

    @Test
    void duplicateIdNamesBothFiles() throws Exception {
        // The only way two files claim one id is the .yaml/.yml pair, since an id must equal its file name.
        Path k = withFile("dang-ky-tam-tru.yml", validText());
        KnowledgeProblem p = onlyProblem(k);
        assertEquals("procedures/dang-ky-tam-tru.yml", p.file());
        assertEquals("id", p.field());
        assertTrue(p.problem().contains("duplicate id") && p.problem().contains("dang-ky-tam-tru.yaml"), p.problem());
    }

    @Test
    void malformedYamlNamesFileAndLine() throws Exception {
        Path k = withFile("broken.yaml", "id: broken\ntitle: [unclosed\n");
        KnowledgeProblem p = onlyProblem(k);
        assertEquals("procedures/broken.yaml", p.file());
        assertTrue(p.problem().startsWith("malformed YAML"), p.problem());
        assertTrue(p.problem().contains("line"), p.problem());
    }

    @Test
    void tooFewSampleQuestions() throws Exception {
        String text = validText().replace("dang-ky-tam-tru", "tach-ho")
                .replace("  - \"thuê trọ có phải đăng ký tạm trú ko\"\n", "")
                .replace("  - \"tam tru online dc ko ad\"\n", "");
        KnowledgeProblem p = onlyProblem(withFile("tach-ho.yaml", text));
        assertEquals("sample_questions", p.field());
        assertEquals("needs at least 4 item(s), found 2", p.problem());
    }

    @Test
    void linkThatIsNotHttps() throws Exception {
        String text = validText().replace("dang-ky-tam-tru", "tach-ho")
                .replace("official_link: https://dichvucong.bocongan.gov.vn", "official_link: http://dichvucong.bocongan.gov.vn");
        KnowledgeProblem p = onlyProblem(withFile("tach-ho.yaml", text));
        assertEquals("official_link", p.field());
        assertTrue(p.problem().contains("not https"), p.problem());
    }

    @Test
    void onlineLinkThatIsNotHttpsNamesTheNestedField() throws Exception {
        String text = validText().replace("dang-ky-tam-tru", "tach-ho")
                .replace("    - https://dichvucong.bocongan.gov.vn", "    - dichvucong.bocongan.gov.vn");
        KnowledgeProblem p = onlyProblem(withFile("tach-ho.yaml", text));
        assertEquals("online.links", p.field());
    }

    @Test
    void unknownCategoryListsTheKnownOnes() throws Exception {
        String text = validText().replace("dang-ky-tam-tru", "tach-ho").replace("category: cu-tru", "category: ho-tich");
        KnowledgeProblem p = onlyProblem(withFile("tach-ho.yaml", text));
        assertEquals("category", p.field());
        assertTrue(p.problem().contains("unknown category 'ho-tich'") && p.problem().contains("cu-tru"), p.problem());
    }

    @Test
    void idMustMatchTheFileName() throws Exception {
        KnowledgeProblem p = onlyProblem(withFile("tach-ho.yaml", validText()
                .replace("id: dang-ky-tam-tru", "id: tach-ho-khau")));
        assertEquals("id", p.field());
        assertTrue(p.problem().contains("must equal the file name 'tach-ho'"), p.problem());
    }

    @Test
    void misspelledFieldIsReported() throws Exception {
        String text = validText().replace("dang-ky-tam-tru", "tach-ho").replace("processing_time:", "procesing_time:");
        InvalidKnowledgeException e = assertThrows(InvalidKnowledgeException.class, () -> new KnowledgeLoader().load(withFile("tach-ho.yaml", text)));
        assertTrue(e.problems().stream().anyMatch(p -> p.field().equals("procesing_time") && p.problem().startsWith("unknown field")));
        assertTrue(e.problems().stream().anyMatch(p -> p.field().equals("processing_time") && p.problem().equals("missing field")));
    }

    @Test
    void badDate() throws Exception {
        String text = validText().replace("dang-ky-tam-tru", "tach-ho").replace("reviewed: 2026-11-28", "reviewed: 28/11/2026");
        KnowledgeProblem p = onlyProblem(withFile("tach-ho.yaml", text));
        assertEquals("reviewed", p.field());
    }

    @Test
    void commandExitsNonZeroAndPrintsTheProblems() throws Exception {
        Path k = withFile("broken.yaml", "id: broken\n");
        var err = new java.io.ByteArrayOutputStream();
        int status = IndexBuilderCommand.run(new String[] {"validate", "--knowledge", k.toString()},
                new java.io.PrintStream(new java.io.ByteArrayOutputStream()), new java.io.PrintStream(err, true, "UTF-8"));
        assertEquals(1, status);
        assertTrue(err.toString("UTF-8").contains("procedures/broken.yaml: field 'title': missing field"), err.toString("UTF-8"));
    }
}
