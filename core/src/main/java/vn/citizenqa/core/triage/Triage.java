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
import vn.citizenqa.core.text.SyllableShape;

/**
 * Reads a message with the triage vocabularies of {@code knowledge/triage/}: emergencies, crime reports,
 * out-of-scope matters, small talk, and the markers of time and of questions. Works on the analysed
 * message, so cues match in capitals, without diacritics and through the lexicon ("dag chay" is
 * "đang cháy"). Thread-safe; build once.
 */
public final class Triage {

    public static final String EMERGENCY = "triage/emergency.txt";
    public static final String NOT_EMERGENCY = "triage/not-emergency.txt";
    public static final String CRIME = "triage/crime.txt";
    public static final String OUT_OF_SCOPE = "triage/out-of-scope.txt";
    public static final String SMALL_TALK = "triage/small-talk.txt";
    public static final String MARKERS = "triage/markers.txt";
    public static final String ENGLISH_WORDS = "triage/english-words.txt";
    public static final List<String> FILES = List.of(EMERGENCY, NOT_EMERGENCY, CRIME, OUT_OF_SCOPE, SMALL_TALK, MARKERS,
            ENGLISH_WORDS);

    private static final String WEAK = "weak";

    private final CueMatcher<String> emergency;
    private final CueMatcher<String> notEmergency;
    private final CueMatcher<String> crime;
    private final CueMatcher<String> outOfScope;
    private final CueMatcher<String> smallTalk;
    private final CueMatcher<String> markers;
    private final Set<String> englishWords;
    private final Lexicon lexicon;

    private Triage(KnowledgeFiles files, Lexicon lexicon) {
        this.lexicon = lexicon;
        // An emergency word typed without diacritics ("chay": cháy or chạy?) still counts, as a weak sign.
        this.emergency = new CueMatcher<>(checkedEmergency(CueFile.read(files, EMERGENCY)), true);
        this.notEmergency = new CueMatcher<>(CueFile.read(files, NOT_EMERGENCY));
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
        boolean present = text.contains("!!"); // "CỨU!!!": urgency
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
        List<Match<String>> crimes = crime.find(graph);
        return new TriageSignals(
                emergency(graph, present, crimes),
                crime(crimes),
                outOfScope(graph),
                !small.isEmpty(),
                CueMatcher.wordsOutside(graph, small, lexicon),
                question,
                present,
                police,
                english(graph));
    }

    private TriageSignals.Emergency emergency(TokenGraph graph, boolean present, List<Match<String>> crimes) {
        List<Match<String>> found = emergency.find(graph);
        if (found.isEmpty()) {
            return null;
        }
        List<Match<String>> masks = notEmergency.find(graph);
        Set<String> strongNumbers = new LinkedHashSet<>();
        Set<String> weakNumbers = new LinkedHashSet<>();
        Set<String> reasons = new LinkedHashSet<>();
        Set<String> weakCues = new HashSet<>();
        Set<String> bareCues = new HashSet<>();
        boolean strong = false;
        for (Match<String> m : found) {
            boolean weak = m.approximate() || m.cue().value().contains(WEAK);
            if (masked(m, masks, false) || (weak && masked(m, crimes, true))) {
                continue; // "chữa cháy", "tra cứu", "kẹt xe"; "lửa" in "lua dao" (lừa đảo)
            }
            strong |= !weak;
            if (m.approximate()) {
                bareCues.add(m.cue().phrase());
            } else if (weak) {
                weakCues.add(m.cue().phrase());
            }
            for (String n : m.cue().value().split("\\s+")) {
                if (!n.equals(WEAK)) {
                    (weak ? weakNumbers : strongNumbers).add(n);
                }
            }
            reasons.add(m.cue().phrase());
        }
        // An ambiguous word needs company: it is happening now, or a second one. A word typed without its
        // diacritics ("chay": cháy or chạy?) counts only next to a sign that is not itself bare.
        boolean enough = strong || weakCues.size() >= 2 || (!weakCues.isEmpty() && present)
                || (!bareCues.isEmpty() && (present || !weakCues.isEmpty()));
        if (reasons.isEmpty() || !enough) {
            return null;
        }
        Set<String> numbers = new LinkedHashSet<>(strongNumbers);
        numbers.addAll(weakNumbers);
        return new TriageSignals.Emergency(new ArrayList<>(numbers), String.join(", ", reasons), strong);
    }

    /** Whether a mask covers the match ({@code longer}: a mask of more syllables than the match). */
    private static boolean masked(Match<String> m, List<Match<String>> masks, boolean longer) {
        for (Match<String> mask : masks) {
            boolean covers = mask.from() <= m.from() && m.to() <= mask.to();
            if (covers && (!longer || mask.to() - mask.from() > m.to() - m.from())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> crime(List<Match<String>> crimes) {
        Set<String> reasons = new LinkedHashSet<>();
        for (Match<String> m : crimes) {
            reasons.add(m.cue().value());
        }
        return new ArrayList<>(reasons);
    }

    private String outOfScope(TokenGraph graph) {
        List<Match<String>> found = outOfScope.find(graph);
        return found.isEmpty() ? null : found.getFirst().cue().value();
    }


    /**
     * English when no word has a Vietnamese diacritic and enough words are common English words that could
     * not be a Vietnamese syllable typed bare ("how", "passport"; not "can" or "the", which may be căn, thẻ).
     */
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
                    if (englishWords.contains(e.term()) && !SyllableShape.couldBeVietnamese(e.term())) {
                        english++;
                    }
                }
            }
        }
        return english >= 2 && english * 3 >= words;
    }
}
