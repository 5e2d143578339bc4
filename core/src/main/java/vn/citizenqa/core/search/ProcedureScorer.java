package vn.citizenqa.core.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.SmallFloat;

import vn.citizenqa.core.analysis.VietnameseAnalysis.Form;

/**
 * Scores a message's query ({@link QueryClause}s) over every procedure from the postings read at open
 * ({@link FieldTerms}), with Lucene's own arithmetic: BM25 as {@code BM25Similarity} computes it (idf, the norm cache,
 * {@code weight - weight / (1 + freq × normInverse)}), a clause of several alternatives taking the best of them (a
 * {@code DisjunctionMaxQuery} without tie-breaker), identical clauses merged with their boosts summed (as
 * {@code BooleanQuery} rewrites them), clause scores summed in double and rounded to float, the best {@code k} by score
 * and then by document. The scores are Lucene's ({@code ProcedureScorerEquivalenceTest}); what is saved is building a
 * Lucene weight and scorer for each of a long message's several hundred clauses, which cost several times the scoring.
 * Thread-safe.
 */
final class ProcedureScorer {

    /** Lucene's decoding of a length norm (BM25Similarity's LENGTH_TABLE). */
    private static final float[] LENGTH_TABLE = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            LENGTH_TABLE[i] = SmallFloat.byte4ToInt((byte) i);
        }
    }

    private static final Form[] FORMS = Form.values();

    private final FieldTerms terms;
    private final PhrasePostings phrases;
    /** By field: 1 / (k1 × (1 - b + b × length / average length)) by encoded norm, as BM25Similarity caches it. */
    private final float[][] normInverses = new float[SearchField.ALL.size()][];
    private final ThreadLocal<Scratch> scratch;

    ProcedureScorer(FieldTerms terms, PhrasePostings phrases, SearchTuning tuning) {
        this.terms = terms;
        this.phrases = phrases;
        for (int f = 0; f < normInverses.length; f++) {
            FieldTerms.Postings p = terms.field(f);
            if (p == null) {
                continue;
            }
            SearchField.Source source = SearchField.ALL.get(f).source();
            float k1 = tuning.k1().get(source);
            float b = tuning.b().get(source);
            float avgdl = (float) (p.sumTotalTermFreq / (double) p.docCount);
            float[] cache = new float[256];
            for (int i = 0; i < cache.length; i++) {
                cache[i] = 1f / (k1 * ((1 - b) + b * LENGTH_TABLE[i] / avgdl));
            }
            normInverses[f] = cache;
        }
        int maxDoc = terms.maxDoc();
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(maxDoc));
    }

    /**
     * Identical clauses (the same field and alternatives) are one for Lucene: its query classes compare so. A term is
     * known by its entry (one object a term), a phrase by its syllables.
     */
    private record Key(int field, Object alternatives) {
        static Key of(QueryClause c) {
            List<List<String>> a = c.alternatives();
            if (a.size() == 1) {
                return new Key(c.field(), alternative(c, 0));
            }
            Object[] all = new Object[a.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = alternative(c, i);
            }
            return new Key(c.field(), Set.copyOf(java.util.Arrays.asList(all)));
        }

        private static Object alternative(QueryClause c, int i) {
            int[] entry = c.entries()[i];
            return entry != null ? entry : c.alternatives().get(i);
        }
    }

    /** The best {@code k} documents for the clauses, best first (ties: the lower document first), as Lucene's top-k. */
    ScoreDoc[] top(List<QueryClause> clauses, int k) {
        Scratch s = scratch.get();
        s.begin();
        // A bigram is in the query once per field (ProcedureQuery); a word may be there twice, summed as Lucene does.
        Map<Key, Integer> merged = new HashMap<>();
        double[] boosts = new double[clauses.size()];
        boolean[] skipped = new boolean[clauses.size()];
        for (int i = 0; i < clauses.size(); i++) {
            QueryClause c = clauses.get(i);
            boosts[i] = c.boost();
            if (SearchField.ALL.get(c.field()).bigrams()) {
                continue;
            }
            Integer first = merged.putIfAbsent(Key.of(c), i);
            if (first != null) {
                boosts[first] += c.boost(); // summed in double, rounded once (BooleanQuery.rewrite)
                skipped[i] = true;
            }
        }
        for (int i = 0; i < clauses.size(); i++) {
            if (!skipped[i]) {
                add(s, clauses.get(i), (float) boosts[i]);
            }
        }
        return s.top(k);
    }

    private void add(Scratch s, QueryClause c, float boost) {
        FieldTerms.Postings field = terms.field(c.field());
        float[] normInverse = normInverses[c.field()];
        byte[] norms = field.norms;
        boolean single = c.alternatives().size() == 1;
        for (int a = 0; a < c.alternatives().size(); a++) {
            int[] entry = c.entries()[a];
            int[] docs;
            int from;
            int to;
            byte[] termFreqs = null;
            int[] phraseFreqs = null;
            float idf;
            if (entry != null) {
                docs = field.docs;
                termFreqs = field.freqs;
                from = FieldTerms.start(entry, c.source());
                to = from + FieldTerms.docFreq(entry, c.source());
                idf = FieldTerms.idf(entry, c.source());
            } else {
                List<String> words = c.alternatives().get(a);
                PhrasePostings.Phrase p = phrases.get(c.field(), words);
                docs = p.docs();
                phraseFreqs = p.freqs();
                from = 0;
                to = docs.length;
                idf = phraseIdf(c, words);
            }
            float weight = boost * idf;
            for (int i = from; i < to; i++) {
                int doc = docs[i];
                float freq = termFreqs != null ? termFreqs[i] & 0xFF : phraseFreqs[i];
                float score = weight - weight / (1f + freq * normInverse[norms[doc] & 0xFF]);
                if (single) {
                    s.add(doc, score);
                } else {
                    s.best(doc, score);
                }
            }
        }
        if (!single) {
            s.addBest();
        }
    }

    /** A phrase's idf: its syllables' idfs summed in double, as BM25Similarity does. */
    private float phraseIdf(QueryClause c, List<String> words) {
        Form form = FORMS[(c.field() % 4) / 2];
        double idf = 0;
        for (String w : words) {
            idf += FieldTerms.idf(terms.lookup(form, false, w), c.source());
        }
        return (float) idf;
    }

    /**
     * One thread's sums by document. Which documents matched is a bit set, so that adding a posting's score is two
     * stores and no branch (a 10,000-procedure index adds some hundred thousand a message); the sums are cleared as
     * they are read.
     */
    private static final class Scratch {
        final double[] sum;
        final long[] matched;
        /** The best of one clause's alternatives so far, by document, and which documents have one. */
        final float[] best;
        final long[] bested;

        Scratch(int maxDoc) {
            sum = new double[maxDoc];
            matched = new long[(maxDoc + 63) >>> 6];
            best = new float[maxDoc];
            bested = new long[matched.length];
        }

        /** Whether a search left sums behind (it failed before {@link #top}, which clears them). */
        boolean dirty;

        void begin() {
            if (dirty) {
                java.util.Arrays.fill(matched, 0);
                java.util.Arrays.fill(sum, 0);
                java.util.Arrays.fill(bested, 0);
            }
            dirty = true;
        }

        void add(int doc, float score) {
            sum[doc] += score;
            matched[doc >>> 6] |= 1L << doc;
        }

        /** The best of a clause's alternatives, per document. */
        void best(int doc, float score) {
            long bit = 1L << doc;
            if ((bested[doc >>> 6] & bit) == 0) {
                bested[doc >>> 6] |= bit;
                best[doc] = score;
            } else if (score > best[doc]) {
                best[doc] = score;
            }
        }

        void addBest() {
            for (int w = 0; w < bested.length; w++) {
                for (long bits = bested[w]; bits != 0; bits &= bits - 1) {
                    int doc = (w << 6) + Long.numberOfTrailingZeros(bits);
                    add(doc, best[doc]);
                }
                bested[w] = 0;
            }
        }

        ScoreDoc[] top(int k) {
            ScoreDoc[] top = new ScoreDoc[k];
            int size = 0;
            for (int w = 0; w < matched.length; w++) {
                for (long bits = matched[w]; bits != 0; bits &= bits - 1) {
                    int doc = (w << 6) + Long.numberOfTrailingZeros(bits);
                    float score = (float) sum[doc];
                    sum[doc] = 0;
                    if (k == 0 || (size == k && !before(score, doc, top[k - 1]))) {
                        continue;
                    }
                    int at = size < k ? size++ : k - 1;
                    while (at > 0 && before(score, doc, top[at - 1])) {
                        top[at] = top[at - 1];
                        at--;
                    }
                    top[at] = new ScoreDoc(doc, score);
                }
                matched[w] = 0;
            }
            dirty = false;
            return size == k ? top : java.util.Arrays.copyOf(top, size);
        }

        private static boolean before(float score, int doc, ScoreDoc other) {
            return score > other.score || (score == other.score && doc < other.doc);
        }
    }
}
