package vn.citizenqa.core.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;

import vn.citizenqa.core.analysis.VietnameseAnalysis.Form;

/**
 * Every folded syllable of the knowledge base and the procedures it occurs in, read once from the index.
 * Tells which words of a message a procedure covers, how rare a word is, and which known words lie one
 * typo away from an unknown one.
 */
public final class Vocabulary {

    /** The procedures a syllable occurs in, and its idf, computed once. */
    private record Occurrences(BitSet docs, double idf) {
    }

    private final Map<String, Occurrences> byTerm;
    /** Every syllable as the knowledge base writes it: accented, or bare where it is written bare. */
    private final java.util.Set<String> written;
    private final String[] terms;
    private final int docCount;

    private Vocabulary(Map<String, BitSet> docsByTerm, java.util.Set<String> written, int docCount) {
        this.docCount = docCount;
        this.written = java.util.Set.copyOf(written);
        this.byTerm = new HashMap<>(docsByTerm.size() * 2);
        docsByTerm.forEach((term, docs) -> byTerm.put(term, new Occurrences(docs, idf(docs.cardinality()))));
        this.terms = docsByTerm.keySet().toArray(String[]::new);
        java.util.Arrays.sort(terms);
    }

    static Vocabulary read(IndexReader reader) {
        Map<String, BitSet> folded = new HashMap<>();
        java.util.Set<String> written = new java.util.HashSet<>();
        try {
            for (LeafReaderContext leaf : reader.leaves()) {
                LeafReader r = leaf.reader();
                for (SearchField f : SearchField.ALL) {
                    if (f.bigrams()) {
                        continue;
                    }
                    Terms terms = r.terms(f.name());
                    if (terms == null) {
                        continue;
                    }
                    TermsEnum te = terms.iterator();
                    if (f.form() != Form.FOLDED) {
                        for (var t = te.next(); t != null; t = te.next()) {
                            written.add(t.utf8ToString());
                        }
                        continue;
                    }
                    PostingsEnum postings = null;
                    for (var t = te.next(); t != null; t = te.next()) {
                        BitSet docs = folded.computeIfAbsent(t.utf8ToString(), k -> new BitSet());
                        postings = te.postings(postings, PostingsEnum.NONE);
                        for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                            docs.set(leaf.docBase + d);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Vocabulary(folded, written, reader.maxDoc());
    }

    /**
     * Writes it for {@link #read(java.io.DataInputStream)}: the syllables in order as one block of strings, each one's
     * procedures as a bit set (its number of longs, then all the longs as one block), the written forms in order.
     */
    void write(java.io.DataOutputStream out) throws IOException {
        out.writeInt(docCount);
        SearchTables.writeStrings(out, terms);
        int[] sizes = new int[terms.length];
        List<long[]> sets = new ArrayList<>(terms.length);
        int total = 0;
        for (int i = 0; i < terms.length; i++) {
            long[] set = byTerm.get(terms[i]).docs().toLongArray();
            sets.add(set);
            sizes[i] = set.length;
            total += set.length;
        }
        long[] all = new long[total];
        int at = 0;
        for (long[] set : sets) {
            System.arraycopy(set, 0, all, at, set.length);
            at += set.length;
        }
        SearchTables.writeInts(out, sizes, sizes.length);
        SearchTables.writeLongs(out, all);
        String[] writtenSorted = written.toArray(String[]::new);
        java.util.Arrays.sort(writtenSorted);
        SearchTables.writeStrings(out, writtenSorted);
    }

    static Vocabulary read(java.io.DataInputStream in) throws IOException {
        int docCount = in.readInt();
        String[] terms = SearchTables.readStrings(in);
        int[] sizes = SearchTables.readInts(in);
        long[] all = SearchTables.readLongs(in);
        if (sizes.length != terms.length) {
            throw new IOException(terms.length + " syllables, " + sizes.length + " sets of procedures");
        }
        Map<String, BitSet> folded = new HashMap<>(terms.length * 2);
        int at = 0;
        for (int i = 0; i < terms.length; i++) {
            if (sizes[i] < 0 || at + sizes[i] > all.length) {
                throw new IOException("the procedures of " + terms[i] + " run past their block");
            }
            folded.put(terms[i], BitSet.valueOf(java.nio.LongBuffer.wrap(all, at, sizes[i])));
            at += sizes[i];
        }
        return new Vocabulary(folded, java.util.Set.of(SearchTables.readStrings(in)), docCount);
    }

    /** Same syllables, same procedures, same written forms (for the tests). */
    boolean sameAs(Vocabulary other) {
        if (docCount != other.docCount || !java.util.Arrays.equals(terms, other.terms) || !written.equals(other.written)) {
            return false;
        }
        for (String t : terms) {
            if (!byTerm.get(t).equals(other.byTerm.get(t))) {
                return false;
            }
        }
        return true;
    }

    public boolean contains(String folded) {
        return byTerm.containsKey(folded);
    }

    /** True when the procedure (by document number, its position in the knowledge base) has the syllable. */
    public boolean occursIn(String folded, int procedure) {
        Occurrences o = byTerm.get(folded);
        return o != null && o.docs().get(procedure);
    }

    /** The procedures (by document number) that have the folded syllable, or null when none has it; not to be changed. */
    BitSet docs(String folded) {
        Occurrences o = byTerm.get(folded);
        return o == null ? null : o.docs();
    }

    /** Whether some procedure writes the syllable so: with these diacritics, or bare where it is bare. */
    public boolean writes(String syllable) {
        return written.contains(syllable);
    }

    /** Inverse document frequency of a folded syllable over procedures (0 for one found everywhere). */
    public double idf(String folded) {
        Occurrences o = byTerm.get(folded);
        return o == null ? idf(0) : o.idf();
    }

    private double idf(int df) {
        return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
    }

    /**
     * Known syllables one edit away (insertion, deletion, substitution or swap of neighbours) sharing the
     * first letter: the likely intended words of a typo.
     */
    public List<String> near(String folded, int limit) {
        List<String> out = new ArrayList<>();
        if (folded.isEmpty()) {
            return out;
        }
        char first = folded.charAt(0);
        int from = java.util.Arrays.binarySearch(terms, String.valueOf(first));
        for (int i = from < 0 ? -from - 1 : from; i < terms.length && out.size() < limit; i++) {
            String t = terms[i];
            if (t.charAt(0) != first) {
                break;
            }
            if (Math.abs(t.length() - folded.length()) <= 1 && withinOneEdit(folded, t)) {
                out.add(t);
            }
        }
        return out;
    }

    static boolean withinOneEdit(String a, String b) {
        if (a.equals(b)) {
            return false;
        }
        int la = a.length();
        int lb = b.length();
        if (la == lb) {
            int first = -1;
            int diffs = 0;
            for (int i = 0; i < la; i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    if (++diffs > 2) {
                        return false;
                    }
                    if (first == -1) {
                        first = i;
                    }
                }
            }
            if (diffs == 1) {
                return true;
            }
            // two differences: only a swap of neighbours counts as one edit
            return first + 1 < la && a.charAt(first) == b.charAt(first + 1) && a.charAt(first + 1) == b.charAt(first)
                    && a.substring(first + 2).equals(b.substring(first + 2));
        }
        String shorter = la < lb ? a : b;
        String longer = la < lb ? b : a;
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        return shorter.substring(i).equals(longer.substring(i + 1));
    }
}
