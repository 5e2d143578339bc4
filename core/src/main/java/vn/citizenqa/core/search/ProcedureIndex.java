package vn.citizenqa.core.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;

import vn.citizenqa.core.knowledge.KnowledgeBase;
import vn.citizenqa.core.model.Procedure;

/**
 * The Lucene index of the knowledge base: how a procedure becomes searchable fields (index time)
 * and how the index is opened again (a function's init).
 */
public final class ProcedureIndex {

    /** Searchable fields, each weighted at query time by {@link ProcedureSearcher}. */
    static final String ID = "id";
    static final String TITLE = "title";
    static final String ALIASES = "aliases";
    static final String SAMPLES = "samples";
    static final String BODY = "body";

    private ProcedureIndex() {
    }

    /** Writes the procedures into an empty directory. */
    public static void write(Collection<Procedure> procedures, Directory directory) throws IOException {
        Analyzer analyzer = SearchAnalysis.indexAnalyzer();
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setSimilarity(SearchAnalysis.similarity());
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (Procedure p : procedures) {
                writer.addDocument(toDocument(p));
            }
            writer.forceMerge(1);
            writer.commit();
        }
    }

    private static Document toDocument(Procedure p) {
        Document doc = new Document();
        doc.add(new StringField(ID, p.id(), Field.Store.NO));
        doc.add(new TextField(TITLE, p.title(), Field.Store.NO));
        if (p.titleEn() != null) {
            doc.add(new TextField(ALIASES, p.titleEn(), Field.Store.NO));
        }
        for (String alias : p.aliases()) {
            doc.add(new TextField(ALIASES, alias, Field.Store.NO));
        }
        for (String q : p.sampleQuestions()) {
            doc.add(new TextField(SAMPLES, q, Field.Store.NO));
        }
        String body = String.join("\n", p.documents()) + "\n" + String.join("\n", p.steps())
                + "\n" + nullToEmpty(p.eligibility()) + "\n" + nullToEmpty(p.notes());
        doc.add(new TextField(BODY, body, Field.Store.NO));
        ProcedureDocuments.store(p, doc);
        return doc;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Reads every procedure back from the index: the knowledge base a function answers from. */
    public static KnowledgeBase readKnowledgeBase(DirectoryReader reader) {
        try {
            StoredFields stored = reader.storedFields();
            List<Procedure> procedures = new ArrayList<>(reader.maxDoc());
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                procedures.add(ProcedureDocuments.read(stored.document(doc)));
            }
            return new KnowledgeBase(procedures);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the procedure index", e);
        }
    }
}
