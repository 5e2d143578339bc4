package vn.citizenqa.core.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.TermQuery;

/**
 * Every term of every searchable field with its term state, looked up once when the index is opened.
 * A message's query then names only terms the field has (a bigram nobody wrote costs nothing) and never
 * walks the term dictionary again: the knowledge base is small, queries are many.
 */
final class FieldTerms {

    private final Map<String, Map<String, TermStates>> byField = new HashMap<>();

    FieldTerms(IndexReader reader) {
        try {
            for (SearchField f : SearchField.ALL) {
                Map<String, TermStates> terms = new HashMap<>();
                for (LeafReaderContext leaf : reader.leaves()) {
                    Terms t = leaf.reader().terms(f.name());
                    if (t == null) {
                        continue;
                    }
                    TermsEnum te = t.iterator();
                    for (var bytes = te.next(); bytes != null; bytes = te.next()) {
                        String text = bytes.utf8ToString();
                        TermStates states = terms.get(text);
                        if (states == null) {
                            terms.put(text, new TermStates(reader.getContext(), te.termState(), leaf.ord,
                                    te.docFreq(), te.totalTermFreq()));
                        } else {
                            states.register(te.termState(), leaf.ord, te.docFreq(), te.totalTermFreq());
                        }
                    }
                }
                byField.put(f.name(), terms);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean contains(String field, String term) {
        Map<String, TermStates> terms = byField.get(field);
        return terms != null && terms.containsKey(term);
    }

    /** A query for the term, or null when the field does not have it. */
    TermQuery query(String field, String term) {
        Map<String, TermStates> terms = byField.get(field);
        TermStates states = terms == null ? null : terms.get(term);
        return states == null ? null : new TermQuery(new Term(field, term), states);
    }
}
