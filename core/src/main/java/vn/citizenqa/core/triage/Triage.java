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
import vn.citizenqa.core.model.ScamWarning;
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
    public static final String SCAM = "triage/scam.txt";
    public static final List<String> FILES = List.of(EMERGENCY, NOT_EMERGENCY, CRIME, OUT_OF_SCOPE, SMALL_TALK, MARKERS,
            ENGLISH_WORDS, SCAM);

    private static final String WEAK = "weak";
    private static final String CALL = "call";

    private final SituationMatcher emergency;
    private final SituationMatcher notEmergency;
    private final SituationMatcher crime;
    private final SituationMatcher outOfScope;
    private final SituationMatcher smallTalk;
    private final SituationMatcher markers;
    private final Set<String> englishWords;
    private final Lexicon lexicon;
    /** The statistical safety net, or null (cues only: the vocabulary tests). */
    private final SafetyModel model;
    private final SituationMatcher scamMarkers;
    /** The cues of the scam warnings, each standing for its warning's id. */
    private final SituationMatcher scamTricks;
    private final java.util.Map<String, ScamWarning> warnings = new java.util.LinkedHashMap<>();

    private Triage(KnowledgeFiles files, Lexicon lexicon, SafetyModel model, List<ScamWarning> scamWarnings) {
        this.lexicon = lexicon;
        this.model = model;
        List<CueMatcher.Cue<String>> markersOfScams = CueFile.read(files, SCAM);
        for (CueMatcher.Cue<String> c : markersOfScams) {
            if (!c.value().equals("check") && !c.value().equals("victim")) {
                throw new KnowledgeFiles.InvalidVocabularyException(SCAM + ": cue '" + c.phrase() + "': unknown kind '"
                        + c.value() + "' (expected check or victim)");
            }
        }
        this.scamMarkers = new SituationMatcher(markersOfScams, false, false);
        List<CueMatcher.Cue<String>> tricks = new ArrayList<>();
        for (ScamWarning w : scamWarnings) {
            warnings.put(w.id(), w);
            for (String phrase : w.cues()) {
                CueMatcher.Cue<String> c = CueMatcher.cue(phrase, w.id());
                if (c != null) {
                    tricks.add(c);
                }
            }
        }
        this.scamTricks = new SituationMatcher(tricks, true, false);
        // Situations are told in many words: emergency and crime cues let a few words come between their parts.
        // An emergency word typed without diacritics ("chay": cháy or chạy?) still counts, as a weak sign.
        // Masks, markers and the other vocabularies match as written, so that they never reach further.
        this.emergency = new SituationMatcher(checkedEmergency(CueFile.read(files, EMERGENCY)), true, true);
        this.notEmergency = new SituationMatcher(CueFile.read(files, NOT_EMERGENCY), false, false);
        this.crime = new SituationMatcher(CueFile.read(files, CRIME), true, false);
        this.outOfScope = new SituationMatcher(CueFile.read(files, OUT_OF_SCOPE), false, false);
        this.smallTalk = new SituationMatcher(CueFile.read(files, SMALL_TALK), false, false);
        this.markers = new SituationMatcher(checkedMarkers(CueFile.read(files, MARKERS)), false, false);
        Set<String> english = new HashSet<>();
        for (KnowledgeFiles.Line line : files.lines(ENGLISH_WORDS)) {
            for (String w : line.text().split("\\s+")) {
                english.add(w.toLowerCase(java.util.Locale.ROOT));
            }
        }
        this.englishWords = Set.copyOf(english);
    }

    /** The cues alone, without the statistical safety net. */
    public static Triage load(KnowledgeFiles files, Lexicon lexicon) {
        return new Triage(files, lexicon, null, List.of());
    }

    /** The cues, the safety model that flags emergencies no cue caught, and the scam warnings. */
    public static Triage load(KnowledgeFiles files, Lexicon lexicon, SafetyModel model, List<ScamWarning> warnings) {
        return new Triage(files, lexicon, java.util.Objects.requireNonNull(model, "model"), warnings);
    }

    /** A scam warning by its id. */
    public java.util.Optional<ScamWarning> warning(String id) {
        return java.util.Optional.ofNullable(id == null ? null : warnings.get(id));
    }

    private static List<CueMatcher.Cue<String>> checkedEmergency(List<CueMatcher.Cue<String>> cues) {
        for (CueMatcher.Cue<String> c : cues) {
            for (String attribute : c.value().split("\\s+")) {
                if (!attribute.matches("11[345]") && !attribute.equals(WEAK) && !attribute.equals(CALL)) {
                    throw new KnowledgeFiles.InvalidVocabularyException(EMERGENCY + ": cue '" + c.phrase()
                            + "': unknown attribute '" + attribute + "' (expected 113, 114, 115, weak or call)");
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
        boolean past = false;
        boolean accented = SituationMatcher.typedWithDiacritics(graph);
        for (Match<String> m : markers.find(graph, accented)) {
            switch (m.cue().value()) {
                case "present" -> present = true;
                case "question" -> question = true;
                case "police" -> police = true;
                case "past" -> past = true;
                default -> { }
            }
        }
        List<Match<String>> small = smallTalk.find(graph, accented);
        List<Match<String>> crimes = crime.find(graph, accented);
        // A question about something over ("bị đánh gãy tay năm ngoái, giờ khởi kiện được không") is a report or
        // a procedure question, not danger now; "làm sao bây giờ" says now.
        boolean askedAfterTheFact = past && question && !present;
        double score = model == null ? -1 : model.score(graph);
        TriageSignals.Emergency emergency = askedAfterTheFact ? null : emergency(graph, accented, present, crimes);
        if (emergency == null && !askedAfterTheFact && model != null && model.flags(score)) {
            // No cue, but the message reads like the emergencies the model was trained on: to officers, with all
            // the numbers; not certain, so a procedure question the search is sure of still wins.
            emergency = new TriageSignals.Emergency(List.of("113", "114", "115"),
                    String.format(java.util.Locale.ROOT, "mô hình an toàn %.2f (ngưỡng %.2f)", score, model.threshold()),
                    false);
        }
        TriageSignals.Scam scam = scam(graph, accented, crimes);
        return new TriageSignals(
                emergency,
                crime(crimes),
                outOfScope(graph, accented),
                !small.isEmpty(),
                CueMatcher.wordsOutside(graph, small, lexicon),
                question,
                present,
                police,
                english(graph),
                score,
                scam);
    }

    private TriageSignals.Emergency emergency(TokenGraph graph, boolean accented, boolean present,
            List<Match<String>> crimes) {
        List<Match<String>> found = emergency.find(graph, accented);
        if (found.isEmpty()) {
            return null;
        }
        List<Match<String>> masks = notEmergency.find(graph, accented);
        Set<String> strongNumbers = new LinkedHashSet<>();
        Set<String> weakNumbers = new LinkedHashSet<>();
        Set<String> reasons = new LinkedHashSet<>();
        Set<String> weakCues = new HashSet<>();
        Set<String> bareCues = new HashSet<>();
        boolean strong = false;
        boolean call = false;
        for (Match<String> m : found) {
            boolean weak = m.approximate() || m.cue().value().contains(WEAK);
            boolean isCall = !weak && m.cue().value().contains(CALL);
            if (overlapped(m, masks) || (weak && masked(m, crimes, true))) {
                continue; // "chữa cháy", "tra cứu", "kẹt xe"; "lửa" in "lua dao" (lừa đảo)
            }
            strong |= !weak && !isCall;
            call |= isCall;
            if (m.approximate()) {
                bareCues.add(m.cue().phrase());
            } else if (weak) {
                weakCues.add(m.cue().phrase());
            }
            for (String n : m.cue().value().split("\\s+")) {
                if (n.matches("11[345]")) {
                    (weak ? weakNumbers : strongNumbers).add(n);
                }
            }
            reasons.add(m.cue().phrase());
        }
        // An ambiguous word needs company: it is happening now, or a second one. A word typed without its
        // diacritics ("chay": cháy or chạy?) counts only next to a sign that is not itself bare.
        boolean enough = strong || call || weakCues.size() >= 2 || (!weakCues.isEmpty() && present)
                || (!bareCues.isEmpty() && (present || !weakCues.isEmpty()));
        if (reasons.isEmpty() || !enough) {
            return null;
        }
        Set<String> numbers = new LinkedHashSet<>(strongNumbers);
        numbers.addAll(weakNumbers);
        return new TriageSignals.Emergency(new ArrayList<>(numbers), String.join(", ", reasons), strong);
    }

    /** Whether a mask shares a syllable with the match: "xe bị cháy hỏng" is papers burnt, not a car on fire. */
    private static boolean overlapped(Match<String> m, List<Match<String>> masks) {
        for (Match<String> mask : masks) {
            if (mask.from() < m.to() && m.from() < mask.to()) {
                return true;
            }
        }
        return false;
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

    /**
     * A message about a scam: a trick of knowledge/warnings or a fraud cue, with a victim's words (money already
     * gone) or a check question ("có phải lừa không"). Null otherwise.
     */
    private TriageSignals.Scam scam(TokenGraph graph, boolean accented, List<Match<String>> crimes) {
        boolean victim = false;
        boolean check = false;
        for (Match<String> m : scamMarkers.find(graph, accented)) {
            victim |= m.cue().value().equals("victim");
            check |= m.cue().value().equals("check");
        }
        if (!victim && !check) {
            return null;
        }
        java.util.Map<String, Set<String>> named = new java.util.LinkedHashMap<>();
        for (Match<String> m : scamTricks.find(graph, accented)) {
            named.computeIfAbsent(m.cue().value(), k -> new HashSet<>()).add(m.cue().phrase());
        }
        boolean fraud = crimes.stream().anyMatch(m -> m.cue().value().startsWith("lừa đảo"));
        int cues = named.values().stream().mapToInt(Set::size).max().orElse(0);
        // A trick's words alone are everyday words ("bằng lái", "vneid"): a victim needs a fraud word or two of them.
        if (victim && !fraud && cues < 2) {
            victim = false;
        }
        if (!victim && (!check || (!fraud && cues == 0))) {
            return null;
        }
        String best = null;
        int most = 0;
        for (var e : named.entrySet()) {
            if (e.getValue().size() > most) {
                best = e.getKey();
                most = e.getValue().size();
            }
        }
        return new TriageSignals.Scam(victim ? TriageSignals.Scam.Kind.VICTIM : TriageSignals.Scam.Kind.CHECK, best);
    }

    private static List<String> crime(List<Match<String>> crimes) {
        Set<String> reasons = new LinkedHashSet<>();
        for (Match<String> m : crimes) {
            reasons.add(m.cue().value());
        }
        return new ArrayList<>(reasons);
    }

    /** The other agencies' words the message says, each as its folded syllables ("giay khai sinh"). */
    public List<String> outOfScopeWords(TokenGraph graph) {
        return outOfScope.find(graph, SituationMatcher.typedWithDiacritics(graph)).stream()
                .map(m -> String.join(" ", m.cue().folded())).distinct().toList();
    }

    private String outOfScope(TokenGraph graph, boolean accented) {
        List<Match<String>> found = outOfScope.find(graph, accented);
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
