package vn.citizenqa.core.triage;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import vn.citizenqa.core.analysis.TokenGraph;
import vn.citizenqa.core.knowledge.KnowledgeFiles;
import vn.citizenqa.core.text.SyllableShape;

/** Tells a message written in English by the common English words of {@code triage/english-words.txt}. */
final class EnglishText {

    private final Set<String> englishWords;

    EnglishText(Set<String> englishWords) {
        this.englishWords = Set.copyOf(englishWords);
    }

    /** The words of {@code triage/english-words.txt}, in lower case. */
    static Set<String> words(KnowledgeFiles files) {
        Set<String> english = new HashSet<>();
        for (KnowledgeFiles.Line line : files.lines(Triage.ENGLISH_WORDS)) {
            for (String w : line.text().split("\\s+")) {
                english.add(w.toLowerCase(Locale.ROOT));
            }
        }
        return english;
    }

    /**
     * English when no word has a Vietnamese diacritic and enough words are common English words that could
     * not be a Vietnamese syllable typed bare ("how", "passport"; not "can" or "the", which may be căn, thẻ).
     */
    boolean is(TokenGraph graph) {
        int words = 0;
        int english = 0;
        for (TokenGraph.Segment s : graph.segments()) {
            for (TokenGraph.Edge e : s.typedPath()) {
                if (!e.term().equals(e.folded())) {
                    return false;
                }
                if (Character.isLetter(e.term().charAt(0))) {
                    words++;
                    if (englishWords.contains(e.term()) && !SyllableShape.couldBeVietnamese(e.term())) {
                        english++;
                    }
                }
            }
        }
        return english >= 2 && english * 3 >= words;
    }
}
