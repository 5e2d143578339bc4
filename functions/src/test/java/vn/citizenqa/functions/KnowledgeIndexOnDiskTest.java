package vn.citizenqa.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.store.Directory;
import org.apache.lucene.store.NIOFSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.citizenqa.core.Assistant;
import vn.citizenqa.core.model.ConversationContext;

/** The index the package lays out as files beside lib/ is opened where it lies, and answers as the jar's copy does. */
class KnowledgeIndexOnDiskTest {

    @Test
    void aTaskRootHoldingTheIndexIsOpenedInPlaceAndDecidesAsTheHeapCopy(@TempDir Path task) throws Exception {
        Path index = Files.createDirectories(task.resolve("citizenqa/index"));
        List<String> files;
        try (InputStream list = KnowledgeIndexResources.resource("index/files.txt")) {
            files = new String(list.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
        }
        try (InputStream in = KnowledgeIndexResources.resource("index/files.txt")) {
            Files.copy(in, index.resolve("files.txt"));
        }
        for (String name : files) {
            try (InputStream in = KnowledgeIndexResources.resource("index/" + name)) {
                Files.copy(in, index.resolve(name));
            }
        }
        Directory onDisk = KnowledgeIndexResources.openIndex(task.toString());
        assertInstanceOf(NIOFSDirectory.class, onDisk);
        List<String> listed = Arrays.stream(onDisk.listAll()).filter(n -> !n.equals("files.txt")).sorted().toList();
        assertEquals(files.stream().sorted().toList(), listed);

        Assistant fromDisk = Wiring.openAssistant(onDisk);
        Assistant fromHeap = Wiring.assistant();
        for (String question : List.of("Làm căn cước lần đầu cần giấy tờ gì?", "dang ky tam tru can giay to gi", "Cứu với, nhà tôi đang cháy")) {
            assertEquals(fromHeap.decide(question, ConversationContext.NONE), fromDisk.decide(question, ConversationContext.NONE), question);
        }
    }

    @Test
    void withoutTheFilesTheTaskRootIsNotUsed(@TempDir Path task) {
        assertNull(KnowledgeIndexResources.indexOnDisk(task.toString()));
        assertNull(KnowledgeIndexResources.indexOnDisk(null));
        assertNull(KnowledgeIndexResources.indexOnDisk(" "));
    }
}
