package vn.citizenqa.core.search;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;

import vn.citizenqa.core.knowledge.KnowledgeBase;
import vn.citizenqa.core.model.Procedure;

/**
 * What {@link ProcedureSearcher} reads from the whole index when it opens: the procedures (from the stored fields), the
 * vocabulary (each folded syllable's procedures) and every searchable term's postings, norms and idf
 * ({@link FieldTerms}). The build computes them once from the index it wrote and puts them in the start-up artifact,
 * where they are plain arrays and strings read without decoding any of Lucene's postings or stored fields; the
 * searcher then opens the index only for what it reads on demand (a phrase's positions, Lucene's own scorers).
 * Procedures are written as the index stores them ({@link ProcedureDocuments}: the same fields, read back by the
 * same code), so a procedure from the artifact is the one from the index.
 */
public final class SearchTables {

    final KnowledgeBase knowledgeBase;
    final Vocabulary vocabulary;
    final FieldTerms fieldTerms;
    /** The procedures' own texts analysed ({@link AnalysedTexts}). */
    final AnalysedTexts texts;

    SearchTables(KnowledgeBase knowledgeBase, Vocabulary vocabulary, FieldTerms fieldTerms, AnalysedTexts texts) {
        this.knowledgeBase = knowledgeBase;
        this.vocabulary = vocabulary;
        this.fieldTerms = fieldTerms;
        this.texts = texts;
    }

    /** The tables of an index, as the searcher computes them when it opens one without them. */
    public static SearchTables of(DirectoryReader reader) {
        KnowledgeBase knowledgeBase = ProcedureIndex.readKnowledgeBase(reader);
        return new SearchTables(knowledgeBase, Vocabulary.read(reader), new FieldTerms(reader),
                AnalysedTexts.of(knowledgeBase.procedures()));
    }

    public KnowledgeBase knowledgeBase() {
        return knowledgeBase;
    }

    /** How many documents (procedures) the index they were made from has. */
    public int documents() {
        return fieldTerms.maxDoc();
    }

    /** The same procedures, vocabulary and postings: what the searcher would compute from the index (for the tests). */
    public boolean sameAs(SearchTables other) {
        return List.copyOf(knowledgeBase.procedures()).equals(List.copyOf(other.knowledgeBase.procedures()))
                && vocabulary.sameAs(other.vocabulary) && fieldTerms.sameAs(other.fieldTerms) && texts.equals(other.texts);
    }

    /**
     * Writes them for {@link #read}: every procedure's stored fields (counts, names, values: three blocks), then the
     * vocabulary, the postings and the analysed texts.
     */
    public void write(DataOutputStream out) throws IOException {
        List<Procedure> procedures = List.copyOf(knowledgeBase.procedures());
        int[] counts = new int[procedures.size()];
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < procedures.size(); i++) {
            Document doc = new Document();
            ProcedureDocuments.store(procedures.get(i), doc);
            List<IndexableField> fields = doc.getFields();
            counts[i] = fields.size();
            for (IndexableField f : fields) {
                names.add(f.name());
                values.add(f.stringValue());
            }
        }
        writeInts(out, counts, counts.length);
        writeStrings(out, names.toArray(String[]::new));
        writeStrings(out, values.toArray(String[]::new));
        vocabulary.write(out);
        fieldTerms.write(out);
        texts.write(out);
    }

    public static SearchTables read(DataInputStream in) throws IOException {
        int[] counts = readInts(in);
        String[] names = readStrings(in);
        String[] values = readStrings(in);
        if (names.length != values.length) {
            throw new IOException(names.length + " stored field names, " + values.length + " values");
        }
        List<Procedure> procedures = new ArrayList<>(counts.length);
        int at = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0 || at + counts[i] > names.length) {
                throw new IOException("the fields of procedure " + i + " run past their block");
            }
            Document doc = new Document();
            for (int j = at; j < at + counts[i]; j++) {
                doc.add(new StoredField(names[j], values[j]));
            }
            at += counts[i];
            try {
                procedures.add(ProcedureDocuments.read(doc));
            } catch (RuntimeException e) {
                throw new IOException("procedure " + i + " cannot be read back: " + e.getMessage(), e);
            }
        }
        return new SearchTables(new KnowledgeBase(procedures), Vocabulary.read(in), FieldTerms.read(in), AnalysedTexts.read(in));
    }

    /** Many strings as one block: their lengths in chars, then all of them as one UTF-8 string (one decoding to read). */
    static void writeStrings(DataOutputStream out, String[] strings) throws IOException {
        int[] lengths = new int[strings.length];
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < strings.length; i++) {
            lengths[i] = strings[i].length();
            all.append(strings[i]);
        }
        writeInts(out, lengths, lengths.length);
        writeString(out, all.toString());
    }

    static String[] readStrings(DataInputStream in) throws IOException {
        int[] lengths = readInts(in);
        String all = readString(in);
        String[] strings = new String[lengths.length];
        int at = 0;
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] < 0 || at + lengths[i] > all.length()) {
                throw new IOException("string " + i + " runs past its block");
            }
            strings[i] = all.substring(at, at + lengths[i]);
            at += lengths[i];
        }
        if (at != all.length()) {
            throw new IOException("a block of strings with " + (all.length() - at) + " chars left over");
        }
        return strings;
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInputStream in) throws IOException {
        byte[] b = new byte[count(in)];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A count or length, refused when negative or absurd (a damaged artifact must not allocate gigabytes). */
    static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 256 * 1024 * 1024) {
            throw new IOException("a count of " + n);
        }
        return n;
    }

    static void writeInts(DataOutputStream out, int[] values, int length) throws IOException {
        out.writeInt(length);
        ByteBuffer b = ByteBuffer.allocate(length * Integer.BYTES);
        b.asIntBuffer().put(values, 0, length);
        out.write(b.array());
    }

    static int[] readInts(DataInputStream in) throws IOException {
        int n = count(in);
        byte[] bytes = new byte[n * Integer.BYTES];
        in.readFully(bytes);
        int[] values = new int[n];
        ByteBuffer.wrap(bytes).asIntBuffer().get(values);
        return values;
    }

    static void writeBytes(DataOutputStream out, byte[] values, int length) throws IOException {
        out.writeInt(length);
        out.write(values, 0, length);
    }

    static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] b = new byte[count(in)];
        in.readFully(b);
        return b;
    }

    static void writeLongs(DataOutputStream out, long[] values) throws IOException {
        out.writeInt(values.length);
        ByteBuffer b = ByteBuffer.allocate(values.length * Long.BYTES);
        b.asLongBuffer().put(values);
        out.write(b.array());
    }

    static long[] readLongs(DataInputStream in) throws IOException {
        int n = count(in);
        byte[] bytes = new byte[n * Long.BYTES];
        in.readFully(bytes);
        long[] values = new long[n];
        ByteBuffer.wrap(bytes).asLongBuffer().get(values);
        return values;
    }
}
