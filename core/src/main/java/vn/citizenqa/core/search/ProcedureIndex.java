package vn.citizenqa.core.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;

import vn.citizenqa.core.analysis.VietnameseAnalysis;
import vn.citizenqa.core.knowledge.KnowledgeBase;
import vn.citizenqa.core.model.Procedure;

/**
 * The Lucene index of the knowledge base: how a procedure becomes searchable fields (index time) and how
 * the index is opened again (a function's init). Each part of a procedure ({@link SearchField.Source}) is
 * indexed accented, folded, and as bigrams of both.
 * One document a procedure, in knowledge-base order (document number = position), the whole procedure
 * stored alongside.
 *
 * <p>Tried and measured worse on the development set: one document per sample question and alias, a
 * procedure taking its best one (top-1 90% against 94%): the sample questions of a procedure are
 * evidence that adds up.
 */
public final class ProcedureIndex {

    static final String ID = "id";

    private ProcedureIndex() {
    }

    /** Writes the procedures into an empty directory. */
    public static void write(Collection<Procedure> procedures, Directory directory) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(indexAnalyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setSimilarity(new BM25Similarity()) // norms do not depend on k1 and b: tuned at query time
                .setMergePolicy(new LogDocMergePolicy()); // keeps documents in the order written
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (Procedure p : procedures) {
                writer.addDocument(toDocument(p));
            }
            writer.forceMerge(1);
            writer.commit();
        }
    }

    static Analyzer indexAnalyzer() {
        Map<String, Analyzer> byField = new HashMap<>();
        for (SearchField f : SearchField.ALL) {
            byField.put(f.name(), VietnameseAnalysis.indexAnalyzer(f.form(), f.bigrams()));
        }
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), byField);
    }

    static Document toDocument(Procedure p) {
        Document doc = new Document();
        doc.add(new StringField(ID, p.id(), Field.Store.NO));
        for (SearchField f : SearchField.ALL) {
            for (String text : f.source().texts(p)) {
                doc.add(new TextField(f.name(), text, Field.Store.NO));
            }
        }
        ProcedureDocuments.store(p, doc);
        return doc;
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
