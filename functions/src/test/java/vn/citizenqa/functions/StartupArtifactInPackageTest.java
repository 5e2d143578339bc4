package vn.citizenqa.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.lucene.index.DirectoryReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.citizenqa.core.Assistant;
import vn.citizenqa.core.knowledge.KnowledgeFiles;
import vn.citizenqa.core.model.ConversationContext;
import vn.citizenqa.core.search.SearchTables;
import vn.citizenqa.core.startup.StartupArtifact;
import vn.citizenqa.core.startup.StartupParts;
import vn.citizenqa.core.triage.ScamWarnings;
import vn.citizenqa.core.triage.TriageVocabulary;

/**
 * The package holds the start-up artifact the build made, and an assistant restored from it decides every labelled
 * question as one that computes its lexicon and models from the package's text files; a broken artifact is computed
 * around.
 */
class StartupArtifactInPackageTest {

    private static final KnowledgeFiles PACKAGE = KnowledgeIndexResources::resource;
    private static List<String> questions;

    @BeforeAll
    static void readQuestions() throws Exception {
        questions = Files.readAllLines(Path.of("../knowledge/eval/questions.tsv")).stream().skip(1)
                .map(l -> l.split("\t", 2)).filter(f -> f.length == 2).map(f -> f[1]).toList();
    }

    @Test
    void theRestoredAssistantDecidesEveryQuestionAsTheComputedOne() throws Exception {
        StartupArtifact.Reading reading = StartupArtifact.read(PACKAGE);
        StartupParts restored = assertInstanceOf(StartupArtifact.Restored.class, reading).parts();
        assertNotNull(restored.search(), "the build put the search's tables in the artifact");
        assertEquals(TriageVocabulary.read(PACKAGE, ScamWarnings.read(PACKAGE)), restored.triage(),
                "the build put the triage vocabularies, analysed as the text reads, in the artifact");
        assertEquals(StartupParts.compute(PACKAGE).lexicon().messageCues().cues(), restored.lexicon().messageCues().cues());
        try (DirectoryReader reader = DirectoryReader.open(KnowledgeIndexResources.openIndex(null))) {
            assertTrue(restored.search().sameAs(SearchTables.of(reader)), "the tables are those the searcher computes from the index");
        }
        Assistant fromArtifact = Assistant.open(KnowledgeIndexResources.openIndex(null), PACKAGE, restored);
        Assistant computed = Assistant.open(KnowledgeIndexResources.openIndex(null), PACKAGE, StartupParts.compute(PACKAGE));
        for (String q : questions) {
            assertEquals(computed.decide(q, ConversationContext.NONE), fromArtifact.decide(q, ConversationContext.NONE), q);
        }
        // The triage's vocabularies come from the artifact too: every message of the safety development sets alike.
        try (var sets = Files.list(Path.of("../knowledge/eval/safety"))) {
            for (Path set : sets.filter(p -> p.getFileName().toString().matches("dev\\d*\\.tsv")).sorted().toList()) {
                for (String line : Files.readAllLines(set).subList(1, Files.readAllLines(set).size())) {
                    String m = line.substring(line.lastIndexOf('\t') + 1);
                    assertEquals(computed.decide(m, ConversationContext.NONE), fromArtifact.decide(m, ConversationContext.NONE),
                            set.getFileName() + ": " + m);
                }
            }
        }
    }

    @Test
    void aCorruptArtifactIsNamedAndComputedAround() throws Exception {
        byte[] bytes;
        try (InputStream in = PACKAGE.open(StartupArtifact.FILE)) {
            bytes = in.readAllBytes();
        }
        bytes[bytes.length - 20] ^= 1;
        byte[] broken = bytes;
        KnowledgeFiles files = path -> path.equals(StartupArtifact.FILE) ? new ByteArrayInputStream(broken) : PACKAGE.open(path);
        assertEquals(new StartupArtifact.Unusable("startup/assistant.bin: corrupt (its CRC-32 does not match its content)"),
                StartupArtifact.read(files));
        StartupParts parts = Wiring.startupParts(files);
        assertEquals(StartupParts.compute(PACKAGE).lexicon().entries(), parts.lexicon().entries());
        Assistant around = Assistant.open(KnowledgeIndexResources.openIndex(null), files, parts);
        for (String q : questions.subList(0, 50)) {
            assertEquals(Wiring.assistant().decide(q, ConversationContext.NONE), around.decide(q, ConversationContext.NONE), q);
        }
    }
}
