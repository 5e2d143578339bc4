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
            "procedure", "papers", "legal", "told", "plea", "threat", "reporting", "reported");

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
     */
    record Read(boolean question, boolean present, boolean police, boolean past, boolean paperwork, boolean papers,
            boolean plea, boolean legal, boolean reporting, boolean reported, List<Match<String>> threats,
            List<Match<String>> paperworkWords) {
        Read {
            threats = List.copyOf(threats);
            paperworkWords = List.copyOf(paperworkWords);
        }
    }

    private final SituationMatcher markers;

    TimeMarkers(List<CueMatcher.Cue<String>> cues) {
        for (CueMatcher.Cue<String> c : cues) {
            if (!KINDS.contains(c.value())) {
                throw new KnowledgeFiles.InvalidVocabularyException(Triage.MARKERS + ": cue '" + c.phrase()
                        + "': unknown kind '" + c.value() + "' (expected one of " + new java.util.TreeSet<>(KINDS) + ")");
            }
        }
        this.markers = new SituationMatcher(cues, false, false);
    }

    /** Reads the analysed message; {@code text} is the message as received (for its punctuation). */
    Read read(TokenGraph graph, String text, boolean accented) {
        boolean question = text.indexOf('?') >= 0;
        boolean present = text.contains("!!"); // "CỨU!!!": urgency
        boolean police = false;
        boolean past = false;
        boolean paperwork = false;
        boolean papers = false;
        boolean plea = false;
        boolean legal = false;
        boolean reporting = false;
        boolean reported = false;
        List<Match<String>> threats = new ArrayList<>();
        List<Match<String>> paperworkWords = new ArrayList<>();
        List<Match<String>> found = markers.find(graph, accented);
        // A state that lasts is not an event happening now: "đang" in "đang nằm viện" says nothing of danger.
        List<Match<String>> lasting = found.stream().filter(m -> m.cue().value().equals("lasting")).toList();
        // Instructions someone gave in the story ("cài app theo hướng dẫn qua điện thoại") ask nothing.
        List<Match<String>> told = found.stream().filter(m -> m.cue().value().equals("told")).toList();
        // "Vừa" is now, unless the sentence says when it was: "anh tôi vừa chết đuối tuần trước", "tối thứ 7 vừa rồi".
        List<Match<String>> pastTimes = found.stream().filter(m -> m.cue().value().equals("past")).toList();
        for (Match<String> m : found) {
            switch (m.cue().value()) {
                case "present" -> present |= !Spans.overlapped(m, lasting);
                case "recent" -> present |= !Spans.overlapped(m, lasting) && !Spans.inSentenceWith(graph, m, pastTimes);
                case "question" -> question |= !Spans.overlapped(m, told);
                case "police" -> police = true;
                case "past", "lasting" -> past = true;
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
                default -> { }
            }
        }
        return new Read(question, present, police, past, paperwork, papers, plea, legal, reporting, reported, threats,
                paperworkWords);
    }
}
