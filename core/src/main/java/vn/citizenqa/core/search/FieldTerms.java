package vn.citizenqa.core.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;

import vn.citizenqa.core.analysis.VietnameseAnalysis.Form;

/**
 * Every term of the searchable fields with its term state, looked up once when the index is opened. A
 * message's query then names only terms the index has (a bigram nobody wrote costs nothing) and never walks
 * the term dictionary again: the knowledge base is small, queries are many. Terms are grouped by kind of
 * field (form, bigrams) so that one lookup serves every part of a procedure.
 */
final class FieldTerms {

    private static final int SOURCES = SearchField.Source.values().length;

    /** By kind of field ({@link #kind}): term → term state in each part (by source ordinal), null where absent. */
    private final List<Map<String, TermStates[]>> byKind = new ArrayList<>();

    FieldTerms(IndexReader reader) {
        for (int k = 0; k < 4; k++) {
            byKind.add(new HashMap<>());
        }
        try {
            for (SearchField f : SearchField.ALL) {
                Map<String, TermStates[]> terms = byKind.get(kind(f.form(), f.bigrams()));
                int source = f.source().ordinal();
                for (LeafReaderContext leaf : reader.leaves()) {
                    Terms t = leaf.reader().terms(f.name());
                    if (t == null) {
                        continue;
                    }
                    TermsEnum te = t.iterator();
                    for (var bytes = te.next(); bytes != null; bytes = te.next()) {
                        TermStates[] states = terms.computeIfAbsent(bytes.utf8ToString(), x -> new TermStates[SOURCES]);
                        if (states[source] == null) {
                            states[source] = new TermStates(reader.getContext(), te.termState(), leaf.ord,
                                    te.docFreq(), te.totalTermFreq());
                        } else {
                            states[source].register(te.termState(), leaf.ord, te.docFreq(), te.totalTermFreq());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int kind(Form form, boolean bigrams) {
        return form.ordinal() * 2 + (bigrams ? 1 : 0);
    }

    /** The term's states in each part (indexed by source ordinal, null where absent), or null when no part has it. */
    TermStates[] lookup(Form form, boolean bigrams, String term) {
        return byKind.get(kind(form, bigrams)).get(term);
    }
}
