package vn.citizenqa.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import vn.citizenqa.core.analysis.TokenGraph;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.search.ProcedureIndex;
import vn.citizenqa.core.search.ProcedureSearcher;
import vn.citizenqa.core.search.SearchHit;
import vn.citizenqa.core.search.SearchResult;
import vn.citizenqa.functions.KnowledgeIndexResources;
import vn.citizenqa.functions.Wiring;

/**
 * On a synthetic knowledge base of 1,000 procedures (per-province variants score alike: ties are many), the search's
 * own scorer finds what Lucene's scorers find, in the same order and with the same scores.
 */
class ScaledSearchEquivalenceTest {

    @Test
    void theOwnScorerRanksAsLuceneDoesAtScale() throws IOException {
        List<Procedure> real;
        try (DirectoryReader reader = DirectoryReader.open(KnowledgeIndexResources.openIndex())) {
            real = List.copyOf(ProcedureIndex.readKnowledgeBase(reader).procedures());
        }
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        ProcedureIndex.write(SyntheticKnowledge.generate(real, 1000, SyntheticKnowledge.SEED), dir);
        ProcedureSearcher lexiconOf = (ProcedureSearcher) Wiring.assistant().searcher();
        List<String> texts = new ArrayList<>(Questions.load(Path.of("../knowledge/eval/questions.tsv")));
        texts.addAll(Questions.load(Path.of("../knowledge/eval/real-style/dev.tsv")));
        List<String> differ = new ArrayList<>();
        try (ProcedureSearcher searcher = new ProcedureSearcher(dir, lexiconOf.lexicon())) {
            for (String text : texts) {
                TokenGraph graph = searcher.analyze(text);
                String ours = describe(searcher.search(graph, 10));
                String lucene = describe(searcher.searchWithLucene(graph, 10));
                if (!ours.equals(lucene)) {
                    differ.add(text + "\n  ours   " + ours + "\n  lucene " + lucene);
                }
            }
        }
        assertEquals(List.of(), differ, differ.size() + " of " + texts.size() + " messages differ");
    }

    private static String describe(SearchResult r) {
        StringBuilder out = new StringBuilder();
        for (SearchHit h : r.hits()) {
            out.append(h.procedure().id()).append(' ').append(Float.floatToIntBits(h.score())).append(' ')
                    .append(h.coverage()).append("; ");
        }
        return out.toString();
    }
}
