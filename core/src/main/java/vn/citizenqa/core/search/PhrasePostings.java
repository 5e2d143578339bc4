package vn.citizenqa.core.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

/**
 * Where a phrase (a lexicon reading of several syllables) occurs, with its frequency in each document, read from the
 * index's positions on first use and kept: the phrases a lexicon can produce are few, the messages that use them many.
 * The frequency is what Lucene's exact {@code PhraseQuery} counts: the positions where every syllable follows the one
 * before.
 */
final class PhrasePostings {

    /** Documents (ascending) and the phrase's frequency in each. */
    record Phrase(int[] docs, int[] freqs) {
        static final Phrase NONE = new Phrase(new int[0], new int[0]);
    }

    private record Key(int field, List<String> words) {
    }

    /**
     * Postings kept at most, over all phrases (8 bytes each: about 16 MB); past it, a phrase not yet kept is read again
     * each time. A bound on memory for very large knowledge bases: the real one's phrases hold a few thousand.
     */
    static final long KEPT_POSTINGS = 2_000_000;

    private final IndexReader reader;
    private final Map<Key, Phrase> kept = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong keptPostings = new java.util.concurrent.atomic.AtomicLong();

    PhrasePostings(IndexReader reader) {
        this.reader = reader;
    }

    /** The phrase's postings in the field ({@link SearchField#ordinal}). */
    Phrase get(int field, List<String> words) {
        Key key = new Key(field, words);
        Phrase p = kept.get(key);
        if (p != null) {
            return p;
        }
        p = read(SearchField.ALL.get(field).name(), words);
        if (keptPostings.get() + p.docs().length <= KEPT_POSTINGS && kept.putIfAbsent(key, p) == null) {
            keptPostings.addAndGet(p.docs().length);
        }
        return p;
    }

    private Phrase read(String field, List<String> words) {
        int[] docs = new int[8];
        int[] freqs = new int[8];
        int n = 0;
        try {
            for (LeafReaderContext leaf : reader.leaves()) {
                Terms t = leaf.reader().terms(field);
                if (t == null) {
                    continue;
                }
                PostingsEnum[] postings = new PostingsEnum[words.size()];
                boolean all = true;
                for (int i = 0; i < postings.length && all; i++) {
                    TermsEnum te = t.iterator();
                    all = te.seekExact(new BytesRef(words.get(i)));
                    postings[i] = all ? te.postings(null, PostingsEnum.POSITIONS) : null;
                }
                if (!all) {
                    continue;
                }
                int[][] positions = new int[postings.length][];
                for (int doc = postings[0].nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings[0].nextDoc()) {
                    if (!allOn(postings, doc)) {
                        continue;
                    }
                    int freq = count(postings, positions);
                    if (freq > 0) {
                        if (n == docs.length) {
                            docs = Arrays.copyOf(docs, n * 2);
                            freqs = Arrays.copyOf(freqs, n * 2);
                        }
                        docs[n] = leaf.docBase + doc;
                        freqs[n++] = freq;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n == 0 ? Phrase.NONE : new Phrase(Arrays.copyOf(docs, n), Arrays.copyOf(freqs, n));
    }

    /** Whether every syllable's postings (after the first, which is on {@code doc}) have the document. */
    private static boolean allOn(PostingsEnum[] postings, int doc) throws IOException {
        for (int i = 1; i < postings.length; i++) {
            int d = postings[i].docID();
            if (d < doc) {
                d = postings[i].advance(doc);
            }
            if (d != doc) {
                return false;
            }
        }
        return true;
    }

    /** The positions p where syllable i is at p + i for every i. */
    private static int count(PostingsEnum[] postings, int[][] positions) throws IOException {
        for (int i = 0; i < postings.length; i++) {
            int f = postings[i].freq();
            int[] pos = positions[i] == null || positions[i].length < f ? new int[Math.max(f, 4)] : positions[i];
            for (int j = 0; j < f; j++) {
                pos[j] = postings[i].nextPosition();
            }
            positions[i] = pos;
        }
        int freq = 0;
        int firstFreq = postings[0].freq();
        int[] at = new int[postings.length];
        for (int j = 0; j < firstFreq; j++) {
            int start = positions[0][j];
            boolean match = true;
            for (int i = 1; i < postings.length && match; i++) {
                int f = postings[i].freq();
                int[] pos = positions[i];
                while (at[i] < f && pos[at[i]] < start + i) {
                    at[i]++;
                }
                match = at[i] < f && pos[at[i]] == start + i;
            }
            if (match) {
                freq++;
            }
        }
        return freq;
    }
}
