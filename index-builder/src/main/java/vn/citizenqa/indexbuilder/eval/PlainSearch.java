package vn.citizenqa.indexbuilder.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

import vn.citizenqa.core.analysis.TokenGraph;
import vn.citizenqa.core.decision.ConfidenceGate;
import vn.citizenqa.core.knowledge.KnowledgeBase;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.search.ProcedureSearch;
import vn.citizenqa.core.search.SearchHit;
import vn.citizenqa.core.search.SearchResult;
import vn.citizenqa.core.search.SearchField.Source;

/**
 * The baseline: what a plain Lucene setup gives on the same knowledge base. StandardAnalyzer (lower case,
 * no folding, no bigrams, no lexicon, no typo matching), default BM25, the same parts of a procedure with
 * fixed boosts, and a plain margin gate: answer when the first score leads the second by 20%, else offer
 * the candidates. It shares the triage, so the comparison measures the search and the gate.
 */
public final class PlainSearch implements ProcedureSearch {

    /** Answer when (s1 − s2) / s1 ≥ 0.2; otherwise clarify. */
    public static final ConfidenceGate MARGIN_GATE = new ConfidenceGate(new double[] {-2, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 0.5, 0.0, 0.0);

    private static final Map<Source, Float> BOOSTS = Map.of(Source.TITLE, 3f, Source.ALIASES, 2.5f, Source.SAMPLES, 2f,
            Source.BODY, 0.5f);

    private final ProcedureSearch analysis;
    private final IndexSearcher searcher;
    private final List<Procedure> byDoc;
    private final KnowledgeBase knowledgeBase;
    private final Analyzer analyzer = new StandardAnalyzer();

    /** @param analysis the product's search, used only to analyse the message for the shared triage */
    public PlainSearch(List<Procedure> procedures, ProcedureSearch analysis) {
        this.analysis = analysis;
        this.byDoc = List.copyOf(procedures);
        this.knowledgeBase = new KnowledgeBase(procedures);
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            for (Procedure p : procedures) {
                Document doc = new Document();
                for (Source s : Source.values()) {
                    for (String text : s.texts(p)) {
                        doc.add(new TextField(s.name(), text, Field.Store.NO));
                    }
                }
                w.addDocument(doc);
            }
            w.forceMerge(1);
            this.searcher = new IndexSearcher(DirectoryReader.open(w));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public TokenGraph analyze(String text) {
        return analysis.analyze(text);
    }

    @Override
    public SearchResult search(TokenGraph graph, int limit) {
        QueryBuilder builder = new QueryBuilder(analyzer);
        BooleanQuery.Builder bool = new BooleanQuery.Builder();
        for (Source s : Source.values()) {
            Query q = builder.createBooleanQuery(s.name(), graph.text());
            if (q != null) {
                bool.add(new BoostQuery(q, BOOSTS.get(s)), BooleanClause.Occur.SHOULD);
            }
        }
        try {
            List<SearchHit> hits = new ArrayList<>();
            for (ScoreDoc sd : searcher.search(bool.build(), limit).scoreDocs) {
                hits.add(new SearchHit(byDoc.get(sd.doc), sd.score, 0, 0));
            }
            return new SearchResult(hits, Math.max(1, graph.typedFolded().size()), 0, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public KnowledgeBase knowledgeBase() {
        return knowledgeBase;
    }
}
