package vn.citizenqa.core.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import vn.citizenqa.core.analysis.CueMatcher;
import vn.citizenqa.core.analysis.CueMatcher.Match;
import vn.citizenqa.core.analysis.TokenGraph;
import vn.citizenqa.core.knowledge.KnowledgeFiles;

/**
 * Reads the markers of {@code triage/markers.txt}: whether a message says it is happening now or is over, asks
 * something, is about paperwork or a police matter, or pleads for help now. Thread-safe; build once.
 */
final class TimeMarkers {

    private static final Set<String> KINDS = Set.of("present", "recent", "past", "lasting", "question", "police",
            "procedure", "papers", "legal", "told", "plea", "threat", "reporting", "reported", "progressive", "then",
            "resolved", "lucky", "near", "over", "since", "deed", "word", "case", "victim", "witness", "general");
    /** A day of a month told with its part of the day ("tối 19/6", "ngày 3/10"): a date the story happened on. */
    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile(
            "(?iu)(?<![\\p{L}])(ngày|hôm|tối|sáng|trưa|chiều|đêm|khuya|rạng sáng)\\s+\\d{1,2}/\\d{1,2}(?!\\d)");

    /** A span of days, weeks… ago ("hai ngày trước", "3 tuần trước"): the story happened then. */
    private static final java.util.regex.Pattern AGO = java.util.regex.Pattern.compile(
            "(?iu)(?<![\\p{L}])(\\d{1,2}|một|hai|ba|bốn|năm|sáu|bảy|mấy|vài)\\s+(ngày|hôm|tuần|tháng|năm)\\s+trước(?![\\p{L}])");
    /** The same two, typed without diacritics ("toi 19/6", "hai ngay truoc"), read in a message typed so. */
    private static final java.util.regex.Pattern DATE_BARE = java.util.regex.Pattern.compile(
            "(?iu)(?<![\\p{L}])(ngay|hom|toi|sang|trua|chieu|dem|khuya|rang sang)\\s+\\d{1,2}/\\d{1,2}(?!\\d)");
    private static final java.util.regex.Pattern AGO_BARE = java.util.regex.Pattern.compile(
            "(?iu)(?<![\\p{L}])(\\d{1,2}|mot|hai|ba|bon|nam|sau|bay|may|vai)\\s+(ngay|hom|tuan|thang|nam)\\s+truoc(?![\\p{L}])");

    /**
     * What the markers say of one message.
     *
     * @param question  it asks something
     * @param present   it says something is happening now
     * @param police    it is about a police matter
     * @param past      it tells of something over, or of a state that lasts
     * @param paperwork it is about paperwork
     * @param papers    it names identity or vehicle papers (which are paperwork)
     * @param plea      it asks what to do now ("phải làm sao")
     * @param legal     it asks what the law says of a deed ("làm như vậy là đúng hay sai", "có bị coi là…")
     * @param reporting it says it wants to report something, or asks where to ("muốn trình báo", "báo ở đâu")
     * @param reported  it says it has reported it already ("đã trình báo", "đã báo công an")
     * @param threats   where it says someone threatens to do something ("dọa tạt axit"): that act is not done
     * @param paperwork where it names paperwork ("nộp phạt", "bằng lái")
     * @param narrated  where it says when, in a story, it happened ("lúc đó", "hôm đó", "last month") or that it
     *                  almost did ("chỉ trễ vài phút", "suýt"): a situation named in that sentence is not now, unless
     *                  the sentence itself says it is
     * @param nows      the markers of now, "đang" in a story's sentence included: a situation named in a sentence with
     *                  one is not taken back ("lúc đó nhà em đang cháy"), though that "đang" does not make it
     *                  {@code present}
     * @param endings   where it says how something ended well ("đã được cứu", "đã an toàn"): a situation named in
     *                  that clause is over, unless the clause says something is happening now
     * @param urgent    it says something is happening now in words other than "đang", "ngay", "liền", "sắp"
     *                  (which a story tells in the past: "đến 19h mình về thì thấy con đang ở trong xô nước")
     * @param deeds     where it says what someone did already ("đã cứu", "đã giúp tìm lại"): in a message that only
     *                  thanks, how it ended
     * @param resolved  it tells how something ended well, or that it was luck ("may mà"); not a sign that all is
     *                  over ("mẹ con em đã được cứu ra nhưng thằng chồng cầm dao đứng ngoài cửa")
     * @param presentTyped {@code present} by a sign that is not a syllable typed bare ("dang" for "đang"): the company
     *                  a word typed bare needs to count as an emergency ("ban nguoi": "bạn người" or "bắn người"?)
     * @param caseHandling it speaks of how a case is handled ("khiếu nại", "thụ lý", "chưa khởi tố"): asked about, not
     *                  in a plea ("phải làm sao"), the case is over and the question about its paperwork
     * @param victims   where it says the writer or theirs suffered something ("tôi … bị", "của em")
     * @param witnesses where it says the writer saw or heard of it ("thấy", "nghe nói", "hàng xóm"): someone else's
     * @param generals  where it asks in general or supposes ("nếu", "trường hợp bị", "người bị hại")
     */
    record Read(boolean question, boolean present, boolean police, boolean past, boolean paperwork, boolean papers,
            boolean plea, boolean legal, boolean reporting, boolean reported, List<Match<String>> threats,
            List<Match<String>> paperworkWords, List<Match<String>> narrated, List<Match<String>> nows,
            List<Match<String>> endings, List<Match<String>> deeds, boolean urgent, boolean resolved,
            boolean presentTyped, boolean caseHandling, List<Match<String>> victims, List<Match<String>> witnesses,
            List<Match<String>> generals) {
        Read {
            victims = List.copyOf(victims);
            witnesses = List.copyOf(witnesses);
            generals = List.copyOf(generals);
            deeds = List.copyOf(deeds);
            threats = List.copyOf(threats);
            paperworkWords = List.copyOf(paperworkWords);
            narrated = List.copyOf(narrated);
            nows = List.copyOf(nows);
            endings = List.copyOf(endings);
        }

        /**
         * It tells a story in the past ("lúc đó", "hôm đó"), what almost happened ("chỉ trễ vài phút") or how it
         * ended ("đã được cứu", "may mà"), and says nothing is happening now other than with "đang" and the like.
         */
        boolean toldAsOver() {
            return !urgent && (resolved || !narrated.isEmpty());
        }
    }

    private final SituationMatcher markers;

    TimeMarkers(List<CueMatcher.Cue<String>> cues) {
        check(cues);
        this.markers = new SituationMatcher(cues, false, false);
    }

    /** Refuses a marker of an unknown kind. */
    static void check(List<CueMatcher.Cue<String>> cues) {
        for (CueMatcher.Cue<String> c : cues) {
            if (!KINDS.contains(c.value())) {
                throw new KnowledgeFiles.InvalidVocabularyException(Triage.MARKERS + ": cue '" + c.phrase()
                        + "': unknown kind '" + c.value() + "' (expected one of " + new java.util.TreeSet<>(KINDS) + ")");
            }
        }
    }

    /**
     * The markers found, less a syllable typed bare that a longer marker reads as part of another word (in a
     * message typed without diacritics "dang" is "đang", but not in "dang ky": "đăng ký"), and less a marker typed
     * bare inside a word that holds its letters ("tieng luc do": "tiếng lục đồ", not "lúc đó"); the words themselves
     * are no marker.
     */
    private static List<Match<String>> bareInWords(List<Match<String>> found, boolean accented) {
        if (accented) {
            return found;
        }
        List<Match<String>> longer = found.stream().filter(m -> m.cue().syllables().size() > 1).toList();
        List<Match<String>> words = found.stream().filter(m -> m.cue().value().equals("word")).toList();
        return found.stream().filter(m -> !m.cue().value().equals("word") && !Spans.overlapped(m, words)
                && (!readBare(m, false) || !Spans.overlapped(m, longer))).toList();
    }

    private static List<Match<String>> kind(List<Match<String>> found, String kind) {
        return found.stream().filter(m -> m.cue().value().equals(kind)).toList();
    }

    /** Whether a one-syllable marker with diacritics was found by its bare letters ("dang" for "đang"). */
    private static boolean readBare(Match<String> m, boolean accented) {
        return !accented && m.cue().syllables().size() == 1
                && !m.cue().syllables().getFirst().equals(m.cue().folded().getFirst());
    }

    /** Reads the analysed message; {@code text} is the message as received (for its punctuation). */
    Read read(TokenGraph graph, String text, boolean accented) {
        boolean question = text.indexOf('?') >= 0;
        boolean present = text.contains("!!"); // "CỨU!!!": urgency
        boolean urgent = present;
        boolean presentTyped = present;
        boolean police = false;
        // "Tối 19/6, chồng tôi…", "hai ngày trước tôi va chạm…": the day it happened
        boolean past = DATE.matcher(text).find() || AGO.matcher(text).find()
                || (!accented && (DATE_BARE.matcher(text).find() || AGO_BARE.matcher(text).find()));
        boolean paperwork = false;
        boolean papers = false;
        boolean plea = false;
        boolean legal = false;
        boolean reporting = false;
        boolean reported = false;
        boolean caseHandling = false;
        List<Match<String>> threats = new ArrayList<>();
        List<Match<String>> paperworkWords = new ArrayList<>();
        List<Match<String>> found = bareInWords(markers.find(graph, accented), accented);
        // A state that lasts is not an event happening now: "đang" in "đang nằm viện" says nothing of danger.
        List<Match<String>> lasting = found.stream().filter(m -> m.cue().value().equals("lasting")).toList();
        // Instructions someone gave in the story ("cài app theo hướng dẫn qua điện thoại") ask nothing.
        List<Match<String>> told = found.stream().filter(m -> m.cue().value().equals("told")).toList();
        // "Vừa" is now, unless the sentence says when it was: "anh tôi vừa chết đuối tuần trước", "tối thứ 7 vừa rồi".
        List<Match<String>> pastTimes = found.stream().filter(m -> m.cue().value().equals("past")
                || m.cue().value().equals("over") || m.cue().value().equals("since")).toList();
        // A story told with "lúc đó", "hôm đó" tells its "đang" in the past: "lúc đó, tôi đang ngồi sau xe máy thì…".
        List<Match<String>> then = found.stream().filter(m -> m.cue().value().equals("then")).toList();
        List<Match<String>> endings = found.stream().filter(m -> m.cue().value().equals("resolved")).toList();
        List<Match<String>> narrated = found.stream().filter(m -> m.cue().value().equals("then")
                || m.cue().value().equals("near")).toList();
        // A finished day ("chiều qua", "tuần trước") tells its clause's "đang" in the past: "chiều qua con tôi đang chơi
        // trước nhà thì…"; not a day counted up to now ("từ tối qua con đang sốt").
        List<Match<String>> since = found.stream().filter(m -> m.cue().value().equals("since")).toList();
        List<Match<String>> overDays = found.stream().filter(m -> m.cue().value().equals("over")
                && !Spans.overlapped(m, since)).toList();
        // Now in a clause about paperwork is the paperwork's now ("hiện giờ người nhà nạn nhân muốn khởi kiện").
        List<Match<String>> procedures = found.stream().filter(m -> m.cue().value().equals("procedure")).toList();
        List<Match<String>> deeds = found.stream().filter(m -> m.cue().value().equals("deed")).toList();
        List<Match<String>> nows = new ArrayList<>();
        boolean resolved = false;
        for (Match<String> m : found) {
            boolean now = false;
            switch (m.cue().value()) {
                case "present" -> now = !Spans.overlapped(m, lasting) && !Spans.inClauseWith(graph, m, procedures);
                case "progressive" -> now = !Spans.overlapped(m, lasting) && !Spans.inSentenceWith(graph, m, then)
                        && !Spans.inClauseWith(graph, m, overDays);
                case "recent" -> now = !Spans.inSentenceWith(graph, m, pastTimes) && !Spans.overlapped(m, lasting);
                case "then" -> past = true;
                case "resolved", "lucky" -> resolved = true;
                case "question" -> question |= !Spans.overlapped(m, told);
                case "police" -> police = true;
                case "past", "lasting", "over", "since" -> past = true;
                case "procedure", "papers" -> {
                    paperwork = true;
                    papers |= m.cue().value().equals("papers");
                    paperworkWords.add(m);
                }
                case "legal" -> { // "có bị coi là mang hung khí không": what the law says, not danger now
                    legal = true;
                    question = true;
                    paperwork = true;
                    police = true;
                }
                case "plea" -> plea = true;
                case "threat" -> threats.add(m);
                case "reporting" -> reporting = true;
                case "reported" -> reported = true;
                case "case" -> caseHandling = true;
                default -> { }
            }
            if (now) {
                present = true;
                urgent |= !m.cue().value().equals("progressive");
                presentTyped |= !readBare(m, accented);
            }
            if (now || (m.cue().value().equals("progressive") && !Spans.overlapped(m, lasting))) {
                nows.add(m);
            }
        }
        return new Read(question, present, police, past, paperwork, papers, plea, legal, reporting, reported, threats,
                paperworkWords, narrated, nows, endings, deeds, urgent, resolved, presentTyped, caseHandling,
                kind(found, "victim"), kind(found, "witness"), kind(found, "general"));
    }
}
