package vn.citizenqa.core.triage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import vn.citizenqa.core.analysis.CueMatcher;
import vn.citizenqa.core.analysis.CueMatcher.Match;
import vn.citizenqa.core.analysis.Lexicon;
import vn.citizenqa.core.analysis.MessageStructure;
import vn.citizenqa.core.analysis.TokenGraph;
import vn.citizenqa.core.knowledge.KnowledgeFiles;
import vn.citizenqa.core.model.ScamWarning;

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
            ENGLISH_WORDS, SCAM, OtherAgencyMentions.FILE);

    private final EmergencyCues emergencies;
    private final SituationMatcher notEmergency;
    private final SituationMatcher crime;
    private final SituationMatcher outOfScope;
    private final OtherAgencyMentions outOfScopeMentions;
    private final SituationMatcher smallTalk;
    private final TimeMarkers markers;
    private final EnglishText english;
    private final Lexicon lexicon;
    /** The statistical safety nets, or null (cues only: the vocabulary tests). */
    private final SafetyModel model;
    private final SafetyModel reportModel;
    private final ScamReading scams;

    private Triage(TriageVocabulary vocabulary, Lexicon lexicon, SafetyModel model, SafetyModel reportModel,
            List<ScamWarning> scamWarnings) {
        this.lexicon = lexicon;
        this.model = model;
        this.reportModel = reportModel;
        this.scams = new ScamReading(vocabulary.scam(), scamWarnings, vocabulary.tricks(), vocabulary.wordsOf());
        // Situations are told in many words: emergency and crime cues let a few words come between their parts.
        // Masks, markers and the other vocabularies match as written, so that they never reach further.
        this.emergencies = new EmergencyCues(vocabulary.emergency());
        this.notEmergency = new SituationMatcher(vocabulary.notEmergency(), false, false);
        this.crime = new SituationMatcher(vocabulary.crime(), true, false);
        this.outOfScope = new SituationMatcher(vocabulary.outOfScope(), false, false);
        this.outOfScopeMentions = new OtherAgencyMentions(vocabulary.outOfScopeContext());
        this.smallTalk = new SituationMatcher(vocabulary.smallTalk(), false, false);
        this.markers = new TimeMarkers(vocabulary.markers());
        this.english = new EnglishText(vocabulary.englishWords());
    }

    /** The cues alone, without the statistical safety net. */
    public static Triage load(KnowledgeFiles files, Lexicon lexicon) {
        return new Triage(TriageVocabulary.read(files, List.of()), lexicon, null, null, List.of());
    }

    /**
     * The cues, the safety model that flags emergencies no cue caught, the report model that flags messages for
     * officers no crime cue caught, and the scam warnings.
     */
    public static Triage load(KnowledgeFiles files, Lexicon lexicon, SafetyModel model, SafetyModel reportModel,
            List<ScamWarning> warnings) {
        return load(TriageVocabulary.read(files, warnings), lexicon, model, reportModel, warnings);
    }

    /** The same, with the vocabularies read already (restored from the start-up artifact, made of these warnings). */
    public static Triage load(TriageVocabulary vocabulary, Lexicon lexicon, SafetyModel model, SafetyModel reportModel,
            List<ScamWarning> warnings) {
        return new Triage(vocabulary, lexicon, java.util.Objects.requireNonNull(model, "model"),
                java.util.Objects.requireNonNull(reportModel, "reportModel"), warnings);
    }

    /** A scam warning by its id. */
    public java.util.Optional<ScamWarning> warning(String id) {
        return scams.warning(id);
    }

    /** Reads the analysed message; {@code text} is the message as received (for its punctuation). */
    public TriageSignals read(TokenGraph graph, String text) {
        boolean accented = SituationMatcher.typedWithDiacritics(graph);
        TimeMarkers.Read time = markers.read(graph, text, accented);
        boolean question = time.question();
        boolean present = time.present();
        boolean past = time.past();
        boolean paperwork = time.paperwork();
        List<Match<String>> small = smallTalk.find(graph, accented);
        List<Match<String>> masks = notEmergency.find(graph, accented);
        List<Match<String>> crimes = crimes(graph, accented, masks);
        // A question about something over ("bị đánh gãy tay năm ngoái, giờ khởi kiện được không") or about paperwork
        // ("người bị đột quỵ nằm liệt giường có được làm căn cước tại nhà không") is a report or a procedure
        // question, not danger now; so is paperwork about something over, asked or not ("nhà cháy hôm trước, giờ
        // muốn đăng ký tạm trú chỗ mới"; "hôm qua va quẹt, người kia chảy máu, giờ phải nộp phạt"). "Làm sao bây
        // giờ" says now; "phải làm sao" asks what to do now, unless about paperwork ("hôm qua đến giờ con sốt cao,
        // giờ co giật phải làm sao" is danger now; a crime told as over stays a report).
        boolean asksWhatToDoNow = time.plea() && !paperwork;
        // A question about how a case is handled ("công an đã thụ lý nửa năm mà chưa kết luận, tôi khiếu nại ở đâu")
        // asks about something over too; a plea does not ("con tôi bị bắt cóc, công an đã thụ lý nhưng chưa tìm thấy,
        // tôi phải làm sao" is danger now).
        boolean afterTheFact = !present && !asksWhatToDoNow
                && ((question && (past || paperwork)) || (past && paperwork))
                || !present && !time.plea() && question && time.caseHandling()
                // So does a plea about a case reported and not yet handled ("hàng xóm xông vào đánh cháu tôi phải đi cấp
                // cứu, tôi đã trình báo công an xã mà đến nay chưa thấy giải quyết, giờ tôi phải làm gì"): what to do
                // now is about the case; someone missing stays missing (a lasting cue).
                || !present && time.reported() && time.caseHandling();
        int[] features = model == null ? null : SafetyModel.features(graph, model.buckets());
        double score = model == null ? -1 : model.score(features);
        List<String> reports = crime(crimes);
        boolean over = past && !present;
        boolean thanksOnly = graph.structure().thanks() && !graph.structure().asks();
        // A message that only thanks for a deed done ("xin gửi lời cảm ơn công an phường đã giúp tìm lại cháu bị
        // lạc"), with no sign of now nor a plea, tells how it ended: the deed's clause is over, as "đã được cứu" is.
        List<Match<String>> endings = time.endings();
        List<Match<String>> nows = time.nows();
        // So does a thank-you whose story says "đang" of the deed ("liều mình vào giữa đám cháy đang bùng phát để dập
        // lửa… hôm mùng 1 Tết"): with no other sign of now ("bây giờ", "vẫn đang", "vừa") nor a plea, its "đang" is the
        // story's, and keeps nothing of its clause now.
        boolean thanked = thanksOnly && !time.urgent() && !time.plea() && !time.deeds().isEmpty();
        if (thanked) {
            endings = new ArrayList<>(endings);
            endings.addAll(time.deeds());
            nows = List.of();
        }
        // Even then, someone missing is missing until found (a lasting cue, see EmergencyCues).
        TriageSignals.Emergency emergency = emergencies.find(graph, accented, present, time.presentTyped(), paperwork, over, afterTheFact,
                masks, crimes, time.threats(),
                        time.narrated(), nows, endings, reports);
        // The model is no judge of a question about what the law says of something ("cảnh sát giao thông đưa xe
        // của cháu lên xe tải mang về, làm như vậy là đúng hay sai"), of a question about paperwork that does not ask
        // what to do now ("now we want to change his visa… where do we apply?"), nor of a story told as over ("lúc
        // đó…", "thật may mắn vì con qua khỏi"): only a cue makes those an emergency.
        boolean paperworkQuestion = question && paperwork && !time.plea();
        // Nor of a thank-you for a deed done, told with the story's "đang" ("cảm ơn các anh đã liều mình vào căn nhà
        // đang cháy cứu bà tôi").
        if (emergency == null && !afterTheFact && !time.legal() && !paperworkQuestion && !time.toldAsOver() && !thanked
                && model != null && model.flags(score)) {
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
        // Something told as over, with where to report it asked ("tối qua nhà em bị trộm, giờ báo ở đâu"), is the
        // report itself; a tip asked about ("muốn tố giác một đường dây cá độ thì gửi đơn ở đâu") is not, nor the
        // report of lost or stolen papers ("bị trộm mất hộ chiếu, trình báo và làm lại thế nào"): a procedure.
        boolean reportsItself = time.reporting() && !time.reported() && !time.papers() && past;
        if (reports.isEmpty() && emergency == null && reportModel != null && (!paperwork || reportsItself)
                && !thanksOnly) {
            // No crime cue: the report model may still read a message for officers in it ("bọn đòi nợ gọi cho sếp
            // em"); not in a message about paperwork (unless the paperwork is reporting what it tells) or one that
            // only thanks the officers, and a question the search places still wins (see the assistant).
            double report = reportModel.score(features);
            if (reportModel.flags(report)) {
                reports.add(String.format(java.util.Locale.ROOT, "mô hình tin báo %.2f (ngưỡng %.2f)", report,
                        reportModel.threshold()));
            }
        }
        TriageSignals.Scam scam = scams.read(graph, accented, crimes, time.paperworkWords(), time.reporting());
        // The writer's own harm, told and not yet reported ("kho hàng của tôi bị mất…, tôi muốn làm đơn tố giác thì cần
        // chuẩn bị gì"), is the report itself; not a question in general or supposed ("nếu bị lừa thì báo ở đâu"),
        // someone else's harm seen or heard of, a case already reported or handled, nor lost papers (a procedure).
        boolean ownHarm = !time.reported() && !time.caseHandling() && !time.papers()
                && ownHarm(graph, crimes, time);

        return new TriageSignals(
                emergency,
                reports,
                outOfScope(graph, accented),
                !small.isEmpty(),
                CueMatcher.wordsOutside(graph, small, lexicon),
                question,
                present,
                time.police(),
                english.is(graph),
                score,
                scam,
                reportsItself,
                ownHarm,
                asksWhatToDoNow);
    }

    /**
     * Whether a sentence tells that the writer or theirs suffered a crime a cue names: a sign of the writer's side
     * ("tôi … bị", "của em") in the sentence of a crime cue, outside the greeting ("cho em hỏi"), with no word of
     * seeing or hearing in it or just before it ("em thấy một thanh niên bị đánh", "nhà hàng xóm của tôi bị trộm"),
     * in a sentence that neither asks in general nor supposes ("nếu em bị lừa thì báo ở đâu").
     */
    private static boolean ownHarm(TokenGraph graph, List<Match<String>> crimes, TimeMarkers.Read time) {
        if (crimes.isEmpty()) {
            return false;
        }
        for (Match<String> v : time.victims()) {
            if (graph.structure().role(v.from()) == MessageStructure.Role.WRAPPER
                    || !Spans.inSentenceWith(graph, v, crimes) || Spans.inSentenceWith(graph, v, time.generals())) {
                continue;
            }
            boolean seen = time.witnesses().stream().anyMatch(
                    w -> w.to() >= v.from() - 1 && w.from() < v.to() && Spans.inSentenceWith(graph, v, List.of(w)));
            if (!seen) {
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
            if (!m.cue().phrase().contains("…") || !Spans.overlapped(m, masks)) {
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

    /**
     * The other agencies' words the message says, each with what it is in its clause: the matter asked about, or
     * context (compared with, a paper had or brought, done already; see {@link OtherAgencyMentions}).
     */
    public List<OtherAgencyMentions.Mention> outOfScopeMentions(TokenGraph graph) {
        boolean accented = SituationMatcher.typedWithDiacritics(graph);
        return outOfScopeMentions.read(graph, outOfScope.find(graph, accented), accented);
    }

    private String outOfScope(TokenGraph graph, boolean accented) {
        List<Match<String>> found = outOfScope.find(graph, accented);
        return found.isEmpty() ? null : found.getFirst().cue().value();
    }
}
