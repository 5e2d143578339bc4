package vn.citizenqa.indexbuilder.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.citizenqa.core.analysis.TokenGraph;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.search.ProcedureSearcher;
import vn.citizenqa.core.search.SearchHit;
import vn.citizenqa.core.search.SearchResult;

/**
 * The searcher's own BM25 scorer gives Lucene's scores on the real knowledge base: for every message of the
 * evaluation sets (and every sample question and title), the same procedures in the same order with the same
 * float scores as Lucene's query classes and scorers over the same query.
 */
class ProcedureScorerEquivalenceTest {

    private static final int LIMIT = 10;

    private static ProcedureSearcher searcher() {
        return (ProcedureSearcher) TestKnowledge.assistant().searcher();
    }

    @ParameterizedTest
    @ValueSource(strings = {"questions.tsv", "holdout.tsv", "real-style/dev.tsv", "real-style/holdout.tsv", "samples"})
    void scoresAndOrderAreLucenes(String set) {
        List<String> texts = new ArrayList<>();
        if (set.equals("samples")) {
            for (Procedure p : TestKnowledge.procedures()) {
                texts.add(p.title());
                texts.addAll(p.sampleQuestions());
            }
        } else {
            TestKnowledge.questions(set).forEach(q -> texts.add(q.text()));
        }
        ProcedureSearcher searcher = searcher();
        List<String> differ = new ArrayList<>();
        int hits = 0;
        for (String text : texts) {
            TokenGraph graph = searcher.analyze(text);
            SearchResult ours = searcher.search(graph, LIMIT);
            SearchResult lucene = searcher.searchWithLucene(graph, LIMIT);
            hits += lucene.hits().size();
            if (!same(ours, lucene)) {
                differ.add(text + "\n  ours   " + describe(ours) + "\n  lucene " + describe(lucene));
            }
        }
        assertTrue(hits > texts.size(), "the messages find procedures");
        assertEquals(List.of(), differ, differ.size() + " of " + texts.size() + " messages differ");
    }

    private static boolean same(SearchResult a, SearchResult b) {
        if (a.hits().size() != b.hits().size() || a.meaningfulWords() != b.meaningfulWords()
                || a.unknownWords() != b.unknownWords()) {
            return false;
        }
        for (int i = 0; i < a.hits().size(); i++) {
            SearchHit x = a.hits().get(i);
            SearchHit y = b.hits().get(i);
            if (!x.procedure().id().equals(y.procedure().id()) || Float.compare(x.score(), y.score()) != 0
                    || x.coverage() != y.coverage() || x.weightedCoverage() != y.weightedCoverage()) {
                return false;
            }
        }
        return true;
    }

    private static String describe(SearchResult r) {
        StringBuilder out = new StringBuilder();
        for (SearchHit h : r.hits()) {
            out.append(h.procedure().id()).append(' ').append(h.score()).append("; ");
        }
        return out.toString();
    }
}
