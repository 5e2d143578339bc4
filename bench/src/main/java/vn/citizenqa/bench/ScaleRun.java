package vn.citizenqa.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import vn.citizenqa.core.Assistant;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.search.ProcedureIndex;
import vn.citizenqa.functions.KnowledgeIndexResources;
import vn.citizenqa.functions.Wiring;

/**
 * One knowledge-base size, in its own JVM: build the index as the build does (to disk), open it as a function does
 * (copied to the heap, then the assistant over it), then the heap in use, then decisions over the question set.
 */
final class ScaleRun {

    private ScaleRun() {
    }

    /** @param size procedures in the knowledge base, 0 for the real one as it is */
    static void runChild(int size, List<String> texts, double seconds) throws IOException {
        List<Procedure> real;
        try (DirectoryReader reader = DirectoryReader.open(KnowledgeIndexResources.openIndex())) {
            real = List.copyOf(ProcedureIndex.readKnowledgeBase(reader).procedures());
        }
        List<Procedure> procedures = size <= 0 ? real : SyntheticKnowledge.generate(real, size, SyntheticKnowledge.SEED);
        Path dir = Files.createTempDirectory("citizenqa-scale-");
        try {
            long t0 = System.nanoTime();
            try (FSDirectory fs = FSDirectory.open(dir)) {
                ProcedureIndex.write(procedures, fs);
            }
            long build = System.nanoTime() - t0;
            long bytes;
            try (Stream<Path> files = Files.list(dir)) {
                bytes = files.mapToLong(ScaleRun::size).sum();
            }
            procedures = null;
            real = null;
            long t1 = System.nanoTime();
            Directory heap;
            try (FSDirectory fs = FSDirectory.open(dir)) {
                heap = KnowledgeIndexResources.copyToHeap(fs);
            }
            Assistant assistant = Wiring.openAssistant(heap);
            long open = System.nanoTime() - t1;
            long used = Decisions.heapAfterGc();
            Decisions.Measured m = Decisions.measure(assistant, texts, Math.min(3, seconds), seconds);
            ChildJvm.result("procedures", assistant.knowledgeBase().procedures().size());
            ChildJvm.result("buildNanos", build);
            ChildJvm.result("indexBytes", bytes);
            ChildJvm.result("openNanos", open);
            ChildJvm.result("heapBytes", used);
            ChildJvm.result("p50", m.latencies().percentile(50));
            ChildJvm.result("p99", m.latencies().percentile(99));
            ChildJvm.result("perSecond", m.perSecond());
            ChildJvm.result("perCpuSecond", m.perCpuSecond());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
