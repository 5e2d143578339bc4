package vn.citizenqa.core.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;

import vn.citizenqa.core.knowledge.KnowledgeBase;
import vn.citizenqa.core.model.Procedure;

/** Finds the procedures a question is most likely about. Thread-safe; open once per container. */
public final class ProcedureSearcher implements AutoCloseable {

    private static final Map<String, Float> FIELD_BOOSTS = Map.of(
            ProcedureIndex.TITLE, 3f,
            ProcedureIndex.ALIASES, 2.5f,
            ProcedureIndex.SAMPLES, 2f,
            ProcedureIndex.BODY, 0.5f);

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final KnowledgeBase knowledgeBase;
    private final List<Procedure> byDoc;
    private final Analyzer queryAnalyzer = SearchAnalysis.queryAnalyzer();

    public ProcedureSearcher(Directory directory) throws IOException {
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(SearchAnalysis.similarity());
        this.knowledgeBase = ProcedureIndex.readKnowledgeBase(reader);
        this.byDoc = List.copyOf(knowledgeBase.procedures());
    }

    public KnowledgeBase knowledgeBase() {
        return knowledgeBase;
    }

    /** The best {@code limit} procedures for the text, best first; empty when nothing matches. */
    public List<SearchHit> search(String text, int limit) {
        Query query = buildQuery(text);
        if (query == null) {
            return List.of();
        }
        try {
            TopDocs top = searcher.search(query, limit);
            List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                hits.add(new SearchHit(idOf(sd.doc), sd.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Procedure idOf(int doc) {
        // Documents are written in knowledge-base order and merged to one segment, so doc id = position.
        return byDoc.get(doc);
    }

    private Query buildQuery(String text) {
        QueryBuilder builder = new QueryBuilder(queryAnalyzer);
        BooleanQuery.Builder bool = new BooleanQuery.Builder();
        boolean any = false;
        for (Map.Entry<String, Float> field : FIELD_BOOSTS.entrySet()) {
            Query q = builder.createBooleanQuery(field.getKey(), text, BooleanClause.Occur.SHOULD);
            if (q != null) {
                bool.add(new BoostQuery(q, field.getValue()), BooleanClause.Occur.SHOULD);
                any = true;
            }
        }
        return any ? bool.build() : null;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
