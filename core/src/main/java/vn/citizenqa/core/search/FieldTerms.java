package vn.citizenqa.core.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;

import vn.citizenqa.core.analysis.VietnameseAnalysis.Form;

/**
 * Every term of the searchable fields with its postings (documents and frequencies) and idf, and every field's
 * norms and length statistics, read once when the index is opened. The index is read-only and small, queries are
 * many and long: {@link ProcedureScorer} scores a message from these arrays without building a Lucene weight or
 * scorer per clause (which cost more than the scoring itself). Terms are grouped by kind of field (form, bigrams)
 * so that one lookup serves every part of a procedure. Each posting keeps its positions too, so that a phrase's
 * occurrences ({@link PhrasePostings}) are found from these arrays and the searcher never opens the index at run time.
 */
final class FieldTerms {

    static final int SOURCES = SearchField.Source.values().length;
    /** Slots of a term's entry per part: first posting, document frequency, idf (as float bits). */
    private static final int SLOTS = 3;

    /** One field: its norms by document and every posting of its terms, term after term. */
    static final class Postings {
        final String name;
        /** Documents having the field (BM25's N) and the sum of their lengths, as Lucene's collection statistics. */
        final long docCount;
        final long sumTotalTermFreq;
        /** The encoded length norm of each document, as Lucene's norms hold it. */
        final byte[] norms;
        int[] docs = new int[64];
        /** Term frequencies (a procedure repeats a word a few times; more than 255 is refused at open). */
        byte[] freqs = new byte[64];
        /** Where each posting's positions begin in {@link #positions} (posting i's run to {@code positionStarts[i + 1]}). */
        int[] positionStarts = new int[65];
        int[] positions = new int[256];
        int size;

        Postings(String name, long docCount, long sumTotalTermFreq, byte[] norms) {
            this.name = name;
            this.docCount = docCount;
            this.sumTotalTermFreq = sumTotalTermFreq;
            this.norms = norms;
        }

        void add(int doc, int[] at, int freq) {
            if (freq > 255) {
                throw new IllegalStateException("a term occurs " + freq + " times in one document of " + name);
            }
            if (size == docs.length) {
                docs = Arrays.copyOf(docs, size * 2);
                freqs = Arrays.copyOf(freqs, size * 2);
                positionStarts = Arrays.copyOf(positionStarts, size * 2 + 1);
            }
            int from = positionStarts[size];
            if (from + freq > positions.length) {
                positions = Arrays.copyOf(positions, Math.max(positions.length * 2, from + freq));
            }
            System.arraycopy(at, 0, positions, from, freq);
            docs[size] = doc;
            freqs[size++] = (byte) freq;
            positionStarts[size] = from + freq;
        }

        void trim() {
            docs = Arrays.copyOf(docs, size);
            freqs = Arrays.copyOf(freqs, size);
            positionStarts = Arrays.copyOf(positionStarts, size + 1);
            positions = Arrays.copyOf(positions, positionStarts[size]);
        }
    }

    /** By kind of field ({@link #kind}): term → entry ({@link #SLOTS} ints per part, by source ordinal). */
    private final List<Map<String, int[]>> byKind = new ArrayList<>();
    /** By {@link SearchField#ordinal}; null for a field no document has. */
    private final Postings[] fields = new Postings[SearchField.ALL.size()];
    private final int maxDoc;

    private FieldTerms(int maxDoc) {
        this.maxDoc = maxDoc;
        for (int k = 0; k < 4; k++) {
            byKind.add(new HashMap<>());
        }
    }

    /** Writes them for {@link #read}: every field's statistics, norms and postings, then each kind's terms in order. */
    void write(java.io.DataOutputStream out) throws IOException {
        out.writeInt(maxDoc);
        out.writeInt(fields.length);
        for (Postings p : fields) {
            out.writeBoolean(p != null);
            if (p != null) {
                SearchTables.writeString(out, p.name);
                out.writeLong(p.docCount);
                out.writeLong(p.sumTotalTermFreq);
                SearchTables.writeBytes(out, p.norms, p.norms.length);
                SearchTables.writeInts(out, p.docs, p.size);
                SearchTables.writeBytes(out, p.freqs, p.size);
                SearchTables.writeInts(out, p.positions, p.positionStarts[p.size]);
            }
        }
        out.writeInt(byKind.size());
        for (Map<String, int[]> terms : byKind) {
            // The terms in order as one block of strings; then as one block of ints, term after term, the parts that have
            // it as a bit mask and for each of those its slots (a term is in one or two parts of a procedure, seldom all).
            String[] sorted = terms.keySet().toArray(String[]::new);
            Arrays.sort(sorted);
            SearchTables.writeStrings(out, sorted);
            int[] packed = new int[sorted.length * (1 + SOURCES * SLOTS)];
            int n = 0;
            for (String term : sorted) {
                int[] e = terms.get(term);
                int mask = 0;
                int at = n++;
                for (int source = 0; source < SOURCES; source++) {
                    if (has(e, source)) {
                        mask |= 1 << source;
                        System.arraycopy(e, source * SLOTS, packed, n, SLOTS);
                        n += SLOTS;
                    }
                }
                packed[at] = mask;
            }
            SearchTables.writeInts(out, packed, n);
        }
    }

    static FieldTerms read(java.io.DataInputStream in) throws IOException {
        FieldTerms t = new FieldTerms(in.readInt());
        if (in.readInt() != t.fields.length) {
            throw new IOException("the search fields differ from this build's " + t.fields.length);
        }
        for (int f = 0; f < t.fields.length; f++) {
            if (in.readBoolean()) {
                Postings p = new Postings(SearchTables.readString(in), in.readLong(), in.readLong(), SearchTables.readBytes(in));
                p.docs = SearchTables.readInts(in);
                p.freqs = SearchTables.readBytes(in);
                p.positions = SearchTables.readInts(in);
                p.size = p.docs.length;
                if (p.freqs.length != p.size || p.norms.length != t.maxDoc) {
                    throw new IOException("field " + p.name + ": " + p.size + " postings, " + p.freqs.length + " frequencies, "
                            + p.norms.length + " norms for " + t.maxDoc + " documents");
                }
                // The positions' starts follow from the frequencies: not stored.
                p.positionStarts = new int[p.size + 1];
                for (int i = 0; i < p.size; i++) {
                    p.positionStarts[i + 1] = p.positionStarts[i] + (p.freqs[i] & 0xFF);
                }
                if (p.positionStarts[p.size] != p.positions.length) {
                    throw new IOException("field " + p.name + ": " + p.positions.length + " positions, the frequencies sum to "
                            + p.positionStarts[p.size]);
                }
                t.fields[f] = p;
            }
        }
        if (in.readInt() != t.byKind.size()) {
            throw new IOException("the kinds of field differ from this build's");
        }
        for (Map<String, int[]> terms : t.byKind) {
            String[] sorted = SearchTables.readStrings(in);
            int[] packed = SearchTables.readInts(in);
            int at = 0;
            for (String term : sorted) {
                int[] e = new int[SOURCES * SLOTS];
                int mask = at < packed.length ? packed[at++] : -1;
                if (mask >>> SOURCES != 0) {
                    throw new IOException("term " + term + ": no entry, or parts " + Integer.toBinaryString(mask));
                }
                for (int source = 0; source < SOURCES; source++) {
                    if ((mask & 1 << source) == 0) {
                        e[source * SLOTS] = -1;
                    } else if (at + SLOTS > packed.length) {
                        throw new IOException("term " + term + ": its entry runs past the block");
                    } else {
                        System.arraycopy(packed, at, e, source * SLOTS, SLOTS);
                        at += SLOTS;
                    }
                }
                terms.put(term, e);
            }
            if (at != packed.length) {
                throw new IOException((packed.length - at) + " ints of entries left over");
            }
        }
        return t;
    }

    /** Same fields, postings, norms, statistics and terms (for the tests). */
    boolean sameAs(FieldTerms other) {
        if (maxDoc != other.maxDoc) {
            return false;
        }
        for (int f = 0; f < fields.length; f++) {
            Postings a = fields[f];
            Postings b = other.fields[f];
            if (a == null || b == null) {
                if (a != b) {
                    return false;
                }
                continue;
            }
            if (!a.name.equals(b.name) || a.docCount != b.docCount || a.sumTotalTermFreq != b.sumTotalTermFreq
                    || !Arrays.equals(a.norms, b.norms) || a.size != b.size
                    || !Arrays.equals(a.docs, 0, a.size, b.docs, 0, b.size) || !Arrays.equals(a.freqs, 0, a.size, b.freqs, 0, b.size)
                    || !Arrays.equals(a.positions, 0, a.positionStarts[a.size], b.positions, 0, b.positionStarts[b.size])) {
                return false;
            }
        }
        for (int k = 0; k < byKind.size(); k++) {
            Map<String, int[]> a = byKind.get(k);
            Map<String, int[]> b = other.byKind.get(k);
            if (!a.keySet().equals(b.keySet()) || a.entrySet().stream().anyMatch(e -> !Arrays.equals(e.getValue(), b.get(e.getKey())))) {
                return false;
            }
        }
        return true;
    }

    FieldTerms(IndexReader reader) {
        this.maxDoc = reader.maxDoc();
        for (int k = 0; k < 4; k++) {
            byKind.add(new HashMap<>());
        }
        try {
            for (SearchField f : SearchField.ALL) {
                read(reader, f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Postings p : fields) {
            if (p != null) {
                p.trim();
            }
        }
    }

    private void read(IndexReader reader, SearchField f) throws IOException {
        long docCount = 0;
        long sumTotalTermFreq = 0;
        byte[] norms = new byte[maxDoc];
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms t = leaf.reader().terms(f.name());
            if (t == null) {
                continue;
            }
            docCount += t.getDocCount();
            sumTotalTermFreq += t.getSumTotalTermFreq();
            NumericDocValues n = leaf.reader().getNormValues(f.name());
            for (int d = n == null ? DocIdSetIterator.NO_MORE_DOCS : n.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = n.nextDoc()) {
                norms[leaf.docBase + d] = (byte) n.longValue();
            }
        }
        if (docCount == 0) {
            return;
        }
        Postings postings = new Postings(f.name(), docCount, sumTotalTermFreq, norms);
        fields[SearchField.ordinal(f.source(), f.form(), f.bigrams())] = postings;
        Map<String, int[]> terms = byKind.get(kind(f.form(), f.bigrams()));
        int source = f.source().ordinal();
        // A term's postings must lie together: gather each term's over the leaves (one leaf in practice).
        Map<String, List<int[]>> perTerm = reader.leaves().size() == 1 ? null : new HashMap<>();
        PostingsEnum pe = null;
        int[] at = new int[256];
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms t = leaf.reader().terms(f.name());
            if (t == null) {
                continue;
            }
            TermsEnum te = t.iterator();
            for (var bytes = te.next(); bytes != null; bytes = te.next()) {
                String term = bytes.utf8ToString();
                pe = te.postings(pe, PostingsEnum.POSITIONS);
                int start = postings.size;
                List<int[]> list = perTerm == null ? null : perTerm.computeIfAbsent(term, x -> new ArrayList<>());
                for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
                    int freq = pe.freq();
                    if (freq > at.length) {
                        at = new int[freq];
                    }
                    for (int j = 0; j < freq; j++) {
                        at[j] = pe.nextPosition();
                    }
                    if (list == null) {
                        postings.add(leaf.docBase + d, at, freq);
                    } else {
                        // doc, then its positions
                        int[] p = new int[1 + freq];
                        p[0] = leaf.docBase + d;
                        System.arraycopy(at, 0, p, 1, freq);
                        list.add(p);
                    }
                }
                if (list == null) {
                    entry(terms, term, source, start, postings.size - start, docCount);
                }
            }
        }
        if (perTerm != null) {
            for (Map.Entry<String, List<int[]>> e : perTerm.entrySet()) {
                int start = postings.size;
                for (int[] p : e.getValue()) {
                    postings.add(p[0], Arrays.copyOfRange(p, 1, p.length), p.length - 1);
                }
                entry(terms, e.getKey(), source, start, postings.size - start, docCount);
            }
        }
    }

    private static void entry(Map<String, int[]> terms, String term, int source, int start, int docFreq, long docCount) {
        int[] e = terms.computeIfAbsent(term, x -> {
            int[] fresh = new int[SOURCES * SLOTS];
            for (int s = 0; s < SOURCES; s++) {
                fresh[s * SLOTS] = -1;
            }
            return fresh;
        });
        e[source * SLOTS] = start;
        e[source * SLOTS + 1] = docFreq;
        e[source * SLOTS + 2] = Float.floatToRawIntBits(idf(docFreq, docCount));
    }

    /** BM25's idf exactly as Lucene's {@code BM25Similarity} computes it. */
    static float idf(long docFreq, long docCount) {
        return (float) Math.log(1 + (docCount - docFreq + 0.5D) / (docFreq + 0.5D));
    }

    private static int kind(Form form, boolean bigrams) {
        return form.ordinal() * 2 + (bigrams ? 1 : 0);
    }

    /** The term's entry (per part: see {@link #has}, {@link #start}, {@link #docFreq}, {@link #idf}), or null when no part has it. */
    int[] lookup(Form form, boolean bigrams, String term) {
        return byKind.get(kind(form, bigrams)).get(term);
    }

    static boolean has(int[] entry, int source) {
        return entry != null && entry[source * SLOTS] >= 0;
    }

    static int start(int[] entry, int source) {
        return entry[source * SLOTS];
    }

    static int docFreq(int[] entry, int source) {
        return entry[source * SLOTS + 1];
    }

    static float idf(int[] entry, int source) {
        return Float.intBitsToFloat(entry[source * SLOTS + 2]);
    }

    /** The field by {@link SearchField#ordinal}, or null when no document has it. */
    Postings field(int ordinal) {
        return fields[ordinal];
    }

    int maxDoc() {
        return maxDoc;
    }
}
