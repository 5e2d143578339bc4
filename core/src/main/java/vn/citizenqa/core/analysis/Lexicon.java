package vn.citizenqa.core.analysis;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.store.InputStreamDataInput;
import org.apache.lucene.store.OutputStreamDataOutput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefHash;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.apache.lucene.util.fst.ByteSequenceOutputs;
import org.apache.lucene.util.fst.FST;

import vn.citizenqa.core.knowledge.KnowledgeFiles;
import vn.citizenqa.core.text.Folding;

/**
 * What citizens write and what it means: abbreviations (cccd, gplx), teencode (ko, dc, ntn), domain
 * synonyms (hộ khẩu, cà vẹt, bằng lái), southern spellings and common typos (tạm chú, hết hạng), English
 * words. Read from {@code knowledge/lexicon/*.txt}, one entry a line:
 * <pre>
 *   key[, key…] =&gt; reading [| reading…]
 * </pre>
 * Expanded at query time only, keeping what was typed; an ambiguous key lists every reading ("tt =&gt;
 * tạm trú | thường trú | thủ tục"), never a guess. A key matches as typed and also typed without
 * diacritics, since that is how most messages arrive — except a one-syllable key written with
 * diacritics, which must be typed with them: without, "nàm" would also be "nam", "vô" would be "vợ".
 */
public final class Lexicon {

    /** The lexicon files, in knowledge/ (the functions read the same paths from the package). */
    public static final List<String> FILES = List.of(
            "lexicon/abbreviations.txt", "lexicon/teencode.txt", "lexicon/synonyms.txt",
            "lexicon/spelling.txt", "lexicon/english.txt");
    public static final String STOPWORDS = "lexicon/stopwords.txt";

    /** One line of the lexicon, normalised (lower case, NFC, one tone placement). */
    public record Entry(List<String> keys, List<String> readings, String source) {
    }

    private final List<Entry> entries;
    private final SynonymMap synonyms;
    private final Set<String> foldedKeyWords;
    private final Set<String> stopwords;
    private final MessageCues messageCues;

    private Lexicon(List<Entry> entries, Set<String> stopwords) {
        this(entries, stopwords, MessageCues.NONE);
    }

    private Lexicon(List<Entry> entries, Set<String> stopwords, MessageCues messageCues) {
        this(entries, stopwords, messageCues, buildMap(entries));
    }

    private Lexicon(List<Entry> entries, Set<String> stopwords, MessageCues messageCues, SynonymMap synonyms) {
        this.messageCues = messageCues;
        this.entries = List.copyOf(entries);
        this.stopwords = Set.copyOf(stopwords);
        Set<String> keyWords = new HashSet<>();
        for (Entry e : entries) {
            for (String k : e.keys()) {
                for (String w : k.split(" ")) {
                    keyWords.add(Folding.removeDiacritics(w));
                }
            }
        }
        this.foldedKeyWords = Set.copyOf(keyWords);
        this.synonyms = synonyms;
    }

    public static Lexicon load(KnowledgeFiles files) {
        List<Entry> entries = new ArrayList<>();
        for (String file : FILES) {
            for (KnowledgeFiles.Line line : files.lines(file)) {
                entries.add(parse(line));
            }
        }
        Set<String> stop = new HashSet<>();
        for (KnowledgeFiles.Line line : files.lines(STOPWORDS)) {
            for (String w : line.text().split("\\s+")) {
                stop.add(Folding.normalize(w));
            }
        }
        return new Lexicon(entries, stop, readMessageCues(files));
    }

    /** The message cues; none when a set of files has no {@code lexicon/message.txt} (a test's small lexicon). */
    public static MessageCues readMessageCues(KnowledgeFiles files) {
        try {
            files.open(MessageCues.FILE).close();
        } catch (IOException | UncheckedIOException e) {
            return MessageCues.NONE;
        }
        return MessageCues.load(files);
    }

    /** The cues that read a message's structure (wrapper, questions, names): {@code lexicon/message.txt}. */
    public MessageCues messageCues() {
        return messageCues;
    }

    /** A lexicon of the given entries and no stopwords; for tests and tools. */
    public static Lexicon of(List<Entry> entries) {
        return new Lexicon(entries, Set.of());
    }

    public static final Lexicon EMPTY = new Lexicon(List.of(), Set.of());

    static Entry parse(KnowledgeFiles.Line line) {
        String text = line.text();
        int arrow = text.indexOf("=>");
        if (arrow < 0) {
            throw line.problem("expected 'key => reading | reading'");
        }
        List<String> keys = split(text.substring(0, arrow), ",");
        List<String> readings = split(text.substring(arrow + 2), "\\|");
        if (keys.isEmpty() || readings.isEmpty()) {
            throw line.problem("a key and at least one reading are needed");
        }
        for (String k : keys) {
            if (readings.contains(k)) {
                throw line.problem("'" + k + "' is both key and reading");
            }
        }
        return new Entry(keys, readings, line.file() + ":" + line.number());
    }

    private static List<String> split(String text, String separator) {
        List<String> out = new ArrayList<>();
        for (String part : text.split(separator)) {
            List<String> words = VietnameseAnalysis.syllables(part);
            if (!words.isEmpty()) {
                out.add(String.join(" ", words));
            }
        }
        return out;
    }

    private static SynonymMap buildMap(List<Entry> entries) {
        // Keys as typed and without diacritics; readings as written (accented). Folded fields fold them later.
        Map<String, Set<String>> byKey = new LinkedHashMap<>();
        for (Entry e : entries) {
            for (String key : e.keys()) {
                Set<String> forms = new java.util.LinkedHashSet<>(List.of(key));
                if (key.indexOf(' ') > 0) {
                    forms.add(Folding.removeDiacritics(key));
                }
                for (String k : forms) {
                    byKey.computeIfAbsent(k, x -> new java.util.LinkedHashSet<>()).addAll(e.readings());
                }
            }
        }
        SynonymMap.Builder builder = new SynonymMap.Builder(true);
        CharsRefBuilder in = new CharsRefBuilder();
        CharsRefBuilder out = new CharsRefBuilder();
        for (Map.Entry<String, Set<String>> e : byKey.entrySet()) {
            CharsRef key = SynonymMap.Builder.join(e.getKey().split(" "), in);
            for (String reading : e.getValue()) {
                if (reading.equals(e.getKey())) {
                    continue;
                }
                builder.add(key, SynonymMap.Builder.join(reading.split(" "), out), true);
            }
        }
        try {
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the lexicon as the start-up artifact holds it: the entries already normalised, the stopwords, and the
     * synonym automaton as Lucene saves it, so that {@link #read} neither analyses a line nor builds the automaton.
     */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(entries.size());
        for (Entry e : entries) {
            writeStrings(out, e.keys());
            writeStrings(out, e.readings());
            out.writeUTF(e.source());
        }
        writeStrings(out, stopwords.stream().sorted().toList()); // sorted: the same lexicon, the same bytes
        out.writeInt(synonyms.maxHorizontalContext);
        out.writeInt(synonyms.words.size());
        BytesRef word = new BytesRef();
        for (int ord = 0; ord < synonyms.words.size(); ord++) {
            synonyms.words.get(ord, word);
            out.writeInt(word.length);
            out.write(word.bytes, word.offset, word.length);
        }
        out.writeBoolean(synonyms.fst != null);
        if (synonyms.fst != null) {
            OutputStreamDataOutput lucene = new OutputStreamDataOutput(out);
            synonyms.fst.save(lucene, lucene);
        }
    }

    /** Reads what {@link #write} wrote; the message cues are read from their own file as before. */
    public static Lexicon read(DataInputStream in, MessageCues messageCues) throws IOException {
        int count = in.readInt();
        List<Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(new Entry(readStrings(in), readStrings(in), in.readUTF()));
        }
        Set<String> stopwords = new HashSet<>(readStrings(in));
        int context = in.readInt();
        BytesRefHash words = new BytesRefHash();
        int wordCount = in.readInt();
        for (int i = 0; i < wordCount; i++) {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            if (words.add(new BytesRef(bytes)) != i) {
                throw new IOException("the synonym words repeat");
            }
        }
        FST<BytesRef> fst = null;
        if (in.readBoolean()) {
            InputStreamDataInput lucene = new InputStreamDataInput(in);
            fst = new FST<>(FST.readMetadata(lucene, ByteSequenceOutputs.getSingleton()), lucene);
        }
        return new Lexicon(entries, stopwords, messageCues, new SynonymMap(fst, words, context));
    }

    /** A list of strings as the start-up artifact holds them (read back by {@link #readStrings}). */
    public static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            out.writeUTF(s);
        }
    }

    /** What {@link #writeStrings} wrote. */
    public static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1_000_000) {
            throw new IOException("a list of " + n + " strings");
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.readUTF());
        }
        return out;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The query-time expansion map; null when the lexicon is empty (no filter needed). */
    SynonymMap synonymMap() {
        return synonyms.fst == null ? null : synonyms;
    }

    /** True when a folded word is part of some key: such a word is known, never fuzzy-matched. */
    public boolean isKeyWord(String foldedWord) {
        return foldedKeyWords.contains(foldedWord);
    }

    /**
     * True for a function word ("cho", "ạ", "ad") that says nothing about the procedure, compared exactly
     * as typed (lower case, one tone placement): "đang" is one, "dang" (also "đăng") is not.
     */
    public boolean isStopword(String word) {
        return stopwords.contains(word);
    }
}
