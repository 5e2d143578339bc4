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
    private static final String EVENT = "event";

    private final SituationMatcher emergency;
    private final SituationMatcher notEmergency;
    private final SituationMatcher crime;
    private final SituationMatcher outOfScope;
    private final SituationMatcher smallTalk;
    private final SituationMatcher markers;
    private final Set<String> englishWords;
    private final Lexicon lexicon;
    /** The statistical safety nets, or null (cues only: the vocabulary tests). */
    private final SafetyModel model;
    private final SafetyModel reportModel;
    private final ScamReading scams;

    private Triage(KnowledgeFiles files, Lexicon lexicon, SafetyModel model, SafetyModel reportModel,
            List<ScamWarning> scamWarnings) {
        this.lexicon = lexicon;
        this.model = model;
        this.reportModel = reportModel;
        this.scams = new ScamReading(CueFile.read(files, SCAM), scamWarnings);
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
        return new Triage(files, lexicon, null, null, List.of());
    }

    /**
     * The cues, the safety model that flags emergencies no cue caught, the report model that flags messages for
     * officers no crime cue caught, and the scam warnings.
     */
    public static Triage load(KnowledgeFiles files, Lexicon lexicon, SafetyModel model, SafetyModel reportModel,
            List<ScamWarning> warnings) {
        return new Triage(files, lexicon, java.util.Objects.requireNonNull(model, "model"),
                java.util.Objects.requireNonNull(reportModel, "reportModel"), warnings);
    }

    /** A scam warning by its id. */
    public java.util.Optional<ScamWarning> warning(String id) {
        return scams.warning(id);
    }

    private static List<CueMatcher.Cue<String>> checkedEmergency(List<CueMatcher.Cue<String>> cues) {
        for (CueMatcher.Cue<String> c : cues) {
            for (String attribute : c.value().split("\\s+")) {
                if (!attribute.matches("11[345]") && !Set.of(WEAK, CALL, EVENT).contains(attribute)) {
                    throw new KnowledgeFiles.InvalidVocabularyException(EMERGENCY + ": cue '" + c.phrase()
                            + "': unknown attribute '" + attribute + "' (expected 113, 114, 115, weak, call or event)");
                }
            }
        }
        return cues;
    }

    private static List<CueMatcher.Cue<String>> checkedMarkers(List<CueMatcher.Cue<String>> cues) {
        for (CueMatcher.Cue<String> c : cues) {
            if (!Set.of("present", "past", "lasting", "question", "police", "procedure", "legal", "told", "plea")
                    .contains(c.value())) {
                throw new KnowledgeFiles.InvalidVocabularyException(MARKERS + ": cue '" + c.phrase()
                        + "': unknown kind '" + c.value()
                        + "' (expected present, past, lasting, question, police, procedure, legal, told or plea)");
            }
        }
        return cues;
    }

    /** Reads the analysed message; {@code text} is the message as received (for its punctuation). */
    public TriageSignals read(TokenGraph graph, String text) {
        boolean question = text.indexOf('?') >= 0;
        boolean present = text.contains("!!"); // "CỨU!!!": urgency
        boolean police = false;
        boolean past = false;
        boolean paperwork = false;
        boolean plea = false;
        boolean accented = SituationMatcher.typedWithDiacritics(graph);
        List<Match<String>> found = markers.find(graph, accented);
        // A state that lasts is not an event happening now: "đang" in "đang nằm viện" says nothing of danger.
        List<Match<String>> lasting = found.stream().filter(m -> m.cue().value().equals("lasting")).toList();
        // Instructions someone gave in the story ("cài app theo hướng dẫn qua điện thoại") ask nothing.
        List<Match<String>> told = found.stream().filter(m -> m.cue().value().equals("told")).toList();
        for (Match<String> m : found) {
            switch (m.cue().value()) {
                case "present" -> present |= !overlapped(m, lasting);
                case "question" -> question |= !overlapped(m, told);
                case "police" -> police = true;
                case "past", "lasting" -> past = true;
                case "procedure" -> paperwork = true;
                case "legal" -> { // "có bị coi là mang hung khí không": what the law says, not danger now
                    question = true;
                    paperwork = true;
                    police = true;
                }
                case "plea" -> plea = true;
                default -> { }
            }
        }
        List<Match<String>> small = smallTalk.find(graph, accented);
        List<Match<String>> masks = notEmergency.find(graph, accented);
        List<Match<String>> crimes = crimes(graph, accented, masks);
        // A question about something over ("bị đánh gãy tay năm ngoái, giờ khởi kiện được không") or about paperwork
        // ("người bị đột quỵ nằm liệt giường có được làm căn cước tại nhà không") is a report or a procedure
        // question, not danger now; so is paperwork about something over, asked or not ("nhà cháy hôm trước, giờ
        // muốn đăng ký tạm trú chỗ mới"; "hôm qua va quẹt, người kia chảy máu, giờ phải nộp phạt"). "Làm sao bây
        // giờ" says now; "phải làm sao" asks what to do now, unless about paperwork ("hôm qua đến giờ con sốt cao,
        // giờ co giật phải làm sao" is danger now; a crime told as over stays a report).
        boolean asksWhatToDoNow = plea && !paperwork;
        boolean afterTheFact = !present && !asksWhatToDoNow
                && ((question && (past || paperwork)) || (past && paperwork));
        int[] features = model == null ? null : SafetyModel.features(graph, model.buckets());
        double score = model == null ? -1 : model.score(features);
        List<String> reports = crime(crimes);
        boolean over = past && !present;
        TriageSignals.Emergency emergency = afterTheFact ? null
                : emergency(graph, accented, present, paperwork, over, masks, crimes, reports);
        if (emergency == null && !afterTheFact && model != null && model.flags(score)) {
            // No cue, but the message reads like the emergencies the model was trained on: to officers, with all
            // the numbers; not certain, so a procedure question the search is sure of still wins. A crime told as
            // over goes to officers as a report ("mấy đêm nay có người ném đá lên mái nhà"); anything else the model
            // reads as danger stays an emergency ("đăng status tạm biệt mọi người rồi không nghe máy, lần trước
            // từng tự tử hụt"; "nhà em có trộm, nghe tiếng lục đồ dưới tầng 1").
            String reason = String.format(java.util.Locale.ROOT, "mô hình an toàn %.2f (ngưỡng %.2f)", score,
                    model.threshold());
            if (over && !crimes.isEmpty()) {
                reports.add(reason);
            } else {
                emergency = new TriageSignals.Emergency(List.of("113", "114", "115"), reason, false);
            }
        }
        boolean thanksOnly = graph.structure().thanks() && !graph.structure().asks();
        if (reports.isEmpty() && emergency == null && reportModel != null && !paperwork && !thanksOnly) {
            // No crime cue: the report model may still read a message for officers in it ("bọn đòi nợ gọi cho sếp
            // em"); not in a message about paperwork or one that only thanks the officers, and a question the
            // search places still wins (see the assistant).
            double report = reportModel.score(features);
            if (reportModel.flags(report)) {
                reports.add(String.format(java.util.Locale.ROOT, "mô hình tin báo %.2f (ngưỡng %.2f)", report,
                        reportModel.threshold()));
            }
        }
        TriageSignals.Scam scam = scams.read(graph, accented, crimes);
        return new TriageSignals(
                emergency,
                reports,
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

    /**
     * The emergency the cues find, or null. {@code over}: the message tells it as over; an event then goes to
     * {@code reports} instead ("sáng nay ra thấy cửa hàng bị phá khóa").
     */
    private TriageSignals.Emergency emergency(TokenGraph graph, boolean accented, boolean present, boolean paperwork,
            boolean over, List<Match<String>> masks, List<Match<String>> crimes, List<String> reports) {
        List<Match<String>> found = emergency.find(graph, accented);
        if (found.isEmpty()) {
            return null;
        }
        Set<String> strongNumbers = new LinkedHashSet<>();
        Set<String> weakNumbers = new LinkedHashSet<>();
        Set<String> reasons = new LinkedHashSet<>();
        Set<String> weakCues = new HashSet<>();
        Set<String> bareCues = new HashSet<>();
        boolean strong = false;
        boolean call = false;
        boolean events = true;
        for (Match<String> m : found) {
            boolean weak = m.approximate() || m.cue().value().contains(WEAK);
            boolean isCall = !weak && m.cue().value().contains(CALL);
            if (overlapped(m, masks) || (weak && masked(m, crimes, true))) {
                continue; // "chữa cháy", "tra cứu", "kẹt xe"; "lửa" in "lua dao" (lừa đảo)
            }
            strong |= !weak && !isCall;
            call |= isCall;
            events &= m.cue().value().contains(EVENT);
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
        // "Cứu em, mất bằng lái mai phải chạy xe": a call for help about paperwork, with no sign of danger, is a way
        // of speaking.
        boolean onlyCalls = !strong && weakCues.isEmpty() && bareCues.isEmpty();
        if (reasons.isEmpty() || !enough || (onlyCalls && paperwork)) {
            return null;
        }
        if (over && events) {
            reports.add(String.join(", ", reasons));
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
     * The crime cues found; a cue that lets words in ("bị … đánh") does not count where a phrase of
     * not-emergency.txt overlaps it ("bị mất ví do đánh rơi").
     */
    private List<Match<String>> crimes(TokenGraph graph, boolean accented, List<Match<String>> masks) {
        List<Match<String>> found = crime.find(graph, accented);
        if (masks.isEmpty()) {
            return found;
        }
        List<Match<String>> out = new ArrayList<>(found.size());
        for (Match<String> m : found) {
            if (!m.cue().phrase().contains("…") || !overlapped(m, masks)) {
                out.add(m);
            }
        }
        return out;
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
