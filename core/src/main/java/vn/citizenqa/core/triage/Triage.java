package vn.citizenqa.core.triage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import vn.citizenqa.core.analysis.CueMatcher;
import vn.citizenqa.core.analysis.CueMatcher.Match;
import vn.citizenqa.core.analysis.Lexicon;
import vn.citizenqa.core.analysis.TokenGraph;
import vn.citizenqa.core.knowledge.KnowledgeFiles;

/**
 * Reads a message with the triage vocabularies of {@code knowledge/triage/}: emergencies, crime reports,
 * out-of-scope matters, small talk, and the markers of time and of questions. Works on the analysed
 * message, so cues match in capitals, without diacritics and through the lexicon ("dag chay" is
 * "đang cháy"). Thread-safe; build once.
 */
public final class Triage {

    public static final String EMERGENCY = "triage/emergency.txt";
    public static final String CRIME = "triage/crime.txt";
    public static final String OUT_OF_SCOPE = "triage/out-of-scope.txt";
    public static final String SMALL_TALK = "triage/small-talk.txt";
    public static final String MARKERS = "triage/markers.txt";
    public static final String ENGLISH_WORDS = "triage/english-words.txt";
    public static final List<String> FILES = List.of(EMERGENCY, CRIME, OUT_OF_SCOPE, SMALL_TALK, MARKERS, ENGLISH_WORDS);

    private static final String WEAK = "weak";

    private final CueMatcher<String> emergency;
    private final CueMatcher<String> crime;
    private final CueMatcher<String> outOfScope;
    private final CueMatcher<String> smallTalk;
    private final CueMatcher<String> markers;
    private final Set<String> englishWords;
    private final Lexicon lexicon;

    private Triage(KnowledgeFiles files, Lexicon lexicon) {
        this.lexicon = lexicon;
        this.emergency = new CueMatcher<>(checkedEmergency(CueFile.read(files, EMERGENCY)));
        this.crime = new CueMatcher<>(CueFile.read(files, CRIME));
        this.outOfScope = new CueMatcher<>(CueFile.read(files, OUT_OF_SCOPE));
        this.smallTalk = new CueMatcher<>(CueFile.read(files, SMALL_TALK));
        this.markers = new CueMatcher<>(checkedMarkers(CueFile.read(files, MARKERS)));
        Set<String> english = new HashSet<>();
        for (KnowledgeFiles.Line line : files.lines(ENGLISH_WORDS)) {
            for (String w : line.text().split("\\s+")) {
                english.add(w.toLowerCase(java.util.Locale.ROOT));
            }
        }
        this.englishWords = Set.copyOf(english);
    }

    public static Triage load(KnowledgeFiles files, Lexicon lexicon) {
        return new Triage(files, lexicon);
    }

    private static List<CueMatcher.Cue<String>> checkedEmergency(List<CueMatcher.Cue<String>> cues) {
        for (CueMatcher.Cue<String> c : cues) {
            for (String attribute : c.value().split("\\s+")) {
                if (!attribute.matches("11[345]") && !attribute.equals(WEAK)) {
                    throw new KnowledgeFiles.InvalidVocabularyException(EMERGENCY + ": cue '" + c.phrase()
                            + "': unknown attribute '" + attribute + "' (expected 113, 114, 115 or weak)");
                }
            }
        }
        return cues;
    }

    private static List<CueMatcher.Cue<String>> checkedMarkers(List<CueMatcher.Cue<String>> cues) {
        for (CueMatcher.Cue<String> c : cues) {
            if (!Set.of("present", "past", "question", "police").contains(c.value())) {
                throw new KnowledgeFiles.InvalidVocabularyException(MARKERS + ": cue '" + c.phrase()
                        + "': unknown kind '" + c.value() + "' (expected present, past, question or police)");
            }
        }
        return cues;
    }

    /** Reads the analysed message; {@code text} is the message as received (for its punctuation). */
    public TriageSignals read(TokenGraph graph, String text) {
        boolean present = false;
        boolean question = text.indexOf('?') >= 0;
        boolean police = false;
        for (Match<String> m : markers.find(graph)) {
            switch (m.cue().value()) {
                case "present" -> present = true;
                case "question" -> question = true;
                case "police" -> police = true;
                default -> { }
            }
        }
        List<Match<String>> small = smallTalk.find(graph);
        return new TriageSignals(
                emergency(graph, present),
                crime(graph),
                outOfScope(graph),
                !small.isEmpty(),
                otherThanSmallTalk(graph, small),
                question,
                present,
                police,
                english(graph));
    }

    private TriageSignals.Emergency emergency(TokenGraph graph, boolean present) {
        List<Match<String>> found = emergency.find(graph);
        if (found.isEmpty()) {
            return null;
        }
        Set<String> strongNumbers = new LinkedHashSet<>();
        Set<String> weakNumbers = new LinkedHashSet<>();
        Set<String> reasons = new LinkedHashSet<>();
        boolean strong = false;
        for (Match<String> m : found) {
            boolean weak = m.cue().value().contains(WEAK);
            strong |= !weak;
            for (String n : m.cue().value().split("\\s+")) {
                if (!n.equals(WEAK)) {
                    (weak ? weakNumbers : strongNumbers).add(n);
                }
            }
            reasons.add(m.cue().phrase());
        }
        if (!strong && !present) {
            return null; // an ambiguous word alone: a burnt card, a knife for sale
        }
        Set<String> numbers = new LinkedHashSet<>(strongNumbers);
        numbers.addAll(weakNumbers);
        return new TriageSignals.Emergency(new ArrayList<>(numbers), String.join(", ", reasons), strong);
    }

    private List<String> crime(TokenGraph graph) {
        Set<String> reasons = new LinkedHashSet<>();
        for (Match<String> m : crime.find(graph)) {
            reasons.add(m.cue().value());
        }
        return new ArrayList<>(reasons);
    }

    private String outOfScope(TokenGraph graph) {
        List<Match<String>> found = outOfScope.find(graph);
        return found.isEmpty() ? null : found.getFirst().cue().value();
    }

    /** How many typed words are neither small talk nor function words. */
    private int otherThanSmallTalk(TokenGraph graph, List<Match<String>> small) {
        boolean[] covered = new boolean[graph.length() + 1];
        for (Match<String> m : small) {
            for (int n = m.from(); n < m.to(); n++) {
                covered[n] = true;
            }
        }
        int other = 0;
        for (TokenGraph.Segment s : graph.segments()) {
            for (TokenGraph.Edge e : s.typedPath()) {
                if (!covered[e.from()] && !lexicon.isStopword(e.term())) {
                    other++;
                }
            }
        }
        return other;
    }

    /** English when no word has a Vietnamese diacritic and most words are common English words. */
    private boolean english(TokenGraph graph) {
        int words = 0;
        int english = 0;
        for (TokenGraph.Segment s : graph.segments()) {
            for (TokenGraph.Edge e : s.typedPath()) {
                if (!e.term().equals(e.folded())) {
                    return false;
                }
                if (Character.isLetter(e.term().charAt(0))) {
                    words++;
                    if (englishWords.contains(e.term())) {
                        english++;
                    }
                }
            }
        }
        return words >= 2 && english * 2 >= words;
    }
}
