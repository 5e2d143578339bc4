package vn.citizenqa.core.search;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.citizenqa.core.analysis.VietnameseAnalysis;
import vn.citizenqa.core.model.Procedure;

/**
 * The syllables of the knowledge base's own texts (each procedure's aliases, title and sample questions), analysed by
 * the build ({@link VietnameseAnalysis#syllables}) and kept with the search's tables in the start-up artifact, so that
 * what reads them at start (the names the searcher re-ranks by, the neighbours the decision tells apart) looks them up
 * instead of running about a thousand texts through the analysis chain. A text it does not hold is analysed as
 * before: the same syllables either way.
 */
public final class AnalysedTexts {

    /** Holds nothing: every text is analysed when asked (the tests, the tools, a searcher opened without tables). */
    public static final AnalysedTexts NONE = new AnalysedTexts(Map.of());

    private final Map<String, List<String>> syllables;

    private AnalysedTexts(Map<String, List<String>> syllables) {
        this.syllables = syllables;
    }

    /** Analyses the procedures' aliases, titles and sample questions now (the build). */
    public static AnalysedTexts of(Collection<Procedure> procedures) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Procedure p : procedures) {
            List<String> texts = new ArrayList<>(p.aliases());
            texts.add(p.title());
            texts.addAll(p.sampleQuestions());
            for (String text : texts) {
                out.computeIfAbsent(text, t -> List.copyOf(VietnameseAnalysis.syllables(t)));
            }
        }
        return new AnalysedTexts(out);
    }

    /** The accented syllables of a text as the index sees them (read-only). */
    public List<String> syllables(String text) {
        List<String> known = syllables.get(text);
        return known != null ? known : VietnameseAnalysis.syllables(text);
    }

    /** How many texts it holds. */
    public int size() {
        return syllables.size();
    }

    /** Writes it for {@link #read}: the texts, each one's number of syllables, the syllables (three blocks). */
    void write(DataOutputStream out) throws IOException {
        String[] texts = syllables.keySet().toArray(String[]::new);
        int[] counts = new int[texts.length];
        List<String> all = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            List<String> s = syllables.get(texts[i]);
            counts[i] = s.size();
            all.addAll(s);
        }
        SearchTables.writeStrings(out, texts);
        SearchTables.writeInts(out, counts, counts.length);
        SearchTables.writeStrings(out, all.toArray(String[]::new));
    }

    static AnalysedTexts read(DataInputStream in) throws IOException {
        String[] texts = SearchTables.readStrings(in);
        int[] counts = SearchTables.readInts(in);
        String[] all = SearchTables.readStrings(in);
        if (counts.length != texts.length) {
            throw new IOException(texts.length + " analysed texts, " + counts.length + " counts");
        }
        Map<String, List<String>> out = new HashMap<>(texts.length * 4 / 3 + 1);
        Map<String, String> once = new HashMap<>(); // a syllable kept once, however many texts say it
        for (int i = 0; i < all.length; i++) {
            all[i] = once.computeIfAbsent(all[i], s -> s);
        }
        int at = 0;
        for (int i = 0; i < texts.length; i++) {
            if (counts[i] < 0 || at + counts[i] > all.length) {
                throw new IOException("the syllables of text " + i + " run past their block");
            }
            out.put(texts[i], List.of(Arrays.copyOfRange(all, at, at + counts[i])));
            at += counts[i];
        }
        if (at != all.length) {
            throw new IOException((all.length - at) + " syllables left over");
        }
        return new AnalysedTexts(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnalysedTexts other && syllables.equals(other.syllables);
    }

    @Override
    public int hashCode() {
        return syllables.hashCode();
    }
}
