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
 * Where a phrase (a lexicon reading of several syllables) occurs, with its frequency in each document, found on first
 * use from the positions {@link FieldTerms} holds (the start-up artifact's: no index opened at run time) or read from
 * the index's, and kept: the phrases a lexicon can produce are few, the messages that use them many.
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

    /** A phrase's postings as they are found, document after document. */
    private static final class Found {
        private int[] docs = new int[8];
        private int[] freqs = new int[8];
        private int n;

        void add(int doc, int freq) {
            if (n == docs.length) {
                docs = Arrays.copyOf(docs, n * 2);
                freqs = Arrays.copyOf(freqs, n * 2);
            }
            docs[n] = doc;
            freqs[n++] = freq;
        }

        Phrase phrase() {
            return n == 0 ? Phrase.NONE : new Phrase(Arrays.copyOf(docs, n), Arrays.copyOf(freqs, n));
        }
    }

    /**
     * Postings kept at most, over all phrases (8 bytes each: about 16 MB); past it, a phrase not yet kept is read again
     * each time. A bound on memory for very large knowledge bases: the real one's phrases hold a few thousand.
     */
    static final long KEPT_POSTINGS = 2_000_000;

    /** One of the two is null: the positions are the tables' or the index's. */
    private final IndexReader reader;
    private final FieldTerms terms;
    private final Map<Key, Phrase> kept = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong keptPostings = new java.util.concurrent.atomic.AtomicLong();

    PhrasePostings(IndexReader reader) {
        this.reader = reader;
        this.terms = null;
    }

    PhrasePostings(FieldTerms terms) {
        this.reader = null;
        this.terms = terms;
    }

    /** The phrase's postings in the field ({@link SearchField#ordinal}). */
    Phrase get(int field, List<String> words) {
        Key key = new Key(field, words);
        Phrase p = kept.get(key);
        if (p != null) {
            return p;
        }
        p = terms != null ? find(SearchField.ALL.get(field), words) : read(SearchField.ALL.get(field).name(), words);
        if (keptPostings.get() + p.docs().length <= KEPT_POSTINGS && kept.putIfAbsent(key, p) == null) {
            keptPostings.addAndGet(p.docs().length);
        }
        return p;
    }

    /** The phrase from the tables' postings: the same documents and frequencies as {@link #read} over the index. */
    private Phrase find(SearchField field, List<String> words) {
        FieldTerms.Postings postings = terms.field(SearchField.ordinal(field.source(), field.form(), field.bigrams()));
        if (postings == null) {
            return Phrase.NONE;
        }
        int source = field.source().ordinal();
        int k = words.size();
        int[] at = new int[k];
        int[] end = new int[k];
        for (int i = 0; i < k; i++) {
            int[] entry = terms.lookup(field.form(), field.bigrams(), words.get(i));
            if (!FieldTerms.has(entry, source)) {
                return Phrase.NONE;
            }
            at[i] = FieldTerms.start(entry, source);
            end[i] = at[i] + FieldTerms.docFreq(entry, source);
        }
        Found found = new Found();
        for (; at[0] < end[0]; at[0]++) {
            int doc = postings.docs[at[0]];
            boolean all = true;
            for (int i = 1; i < k && all; i++) {
                while (at[i] < end[i] && postings.docs[at[i]] < doc) {
                    at[i]++;
                }
                all = at[i] < end[i] && postings.docs[at[i]] == doc;
            }
            if (!all) {
                continue;
            }
            int freq = count(postings, at);
            if (freq > 0) {
                found.add(doc, freq);
            }
        }
        return found.phrase();
    }

    /** The positions p where syllable i is at p + i for every i, in the postings {@code at} (one document's). */
    private static int count(FieldTerms.Postings postings, int[] at) {
        int[] from = new int[at.length];
        int[] to = new int[at.length];
        for (int i = 0; i < at.length; i++) {
            from[i] = postings.positionStarts[at[i]];
            to[i] = postings.positionStarts[at[i] + 1];
        }
        return follow(postings.positions, from, to);
    }

    /**
     * How many times the syllables follow one another: the positions p (of syllable 0) where syllable i is at p + i,
     * syllable i's positions being {@code pos[from[i]..to[i])}, ascending.
     */
    private static int follow(int[] pos, int[] from, int[] to) {
        int[] next = from.clone();
        int freq = 0;
        for (int j = from[0]; j < to[0]; j++) {
            int start = pos[j];
            boolean match = true;
            for (int i = 1; i < from.length && match; i++) {
                while (next[i] < to[i] && pos[next[i]] < start + i) {
                    next[i]++;
                }
                match = next[i] < to[i] && pos[next[i]] == start + i;
            }
            if (match) {
                freq++;
            }
        }
        return freq;
    }

    private Phrase read(String field, List<String> words) {
        Found found = new Found();
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
                int[][] positions = new int[1][];
                for (int doc = postings[0].nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings[0].nextDoc()) {
                    if (!allOn(postings, doc)) {
                        continue;
                    }
                    int freq = count(postings, positions);
                    if (freq > 0) {
                        found.add(leaf.docBase + doc, freq);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found.phrase();
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

    /** The positions p where syllable i is at p + i for every i, each syllable's read into one array. */
    private static int count(PostingsEnum[] postings, int[][] buffer) throws IOException {
        int total = 0;
        for (PostingsEnum p : postings) {
            total += p.freq();
        }
        int[] pos = buffer[0] == null || buffer[0].length < total ? new int[Math.max(total, 16)] : buffer[0];
        buffer[0] = pos;
        int[] from = new int[postings.length];
        int[] to = new int[postings.length];
        int n = 0;
        for (int i = 0; i < postings.length; i++) {
            from[i] = n;
            for (int j = postings[i].freq(); j > 0; j--) {
                pos[n++] = postings[i].nextPosition();
            }
            to[i] = n;
        }
        return follow(pos, from, to);
    }
}
