package vn.citizenqa.core.triage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import vn.citizenqa.core.analysis.CueMatcher;
import vn.citizenqa.core.analysis.CueMatcher.Match;
import vn.citizenqa.core.analysis.TokenGraph;
import vn.citizenqa.core.knowledge.KnowledgeFiles;

/**
 * The emergency situations of {@code triage/emergency.txt}, each cue with the numbers to call and whether it is
 * weak (needs company), a call for help, or an event (a report once it is over). Thread-safe; build once.
 */
final class EmergencyCues {

    private static final String WEAK = "weak";
    private static final String CALL = "call";
    private static final String EVENT = "event";
    /** A danger that lasts until it ends (someone missing): no date, story or paperwork word makes it over. */
    private static final String LASTING = "lasting";
    /** The most words between a threat and the act it names: "dọa <i>sẽ cho người đến</i> chém". */
    private static final int THREAT_REACH = 4;
    private static final Set<String> ATTRIBUTES = Set.of(WEAK, CALL, EVENT, LASTING);

    private final SituationMatcher emergency;

    EmergencyCues(List<CueMatcher.Cue<String>> cues) {
        check(cues);
        // Situations are told in many words: the cues let a few words come between their parts, and an emergency
        // word typed without diacritics ("chay": cháy or chạy?) still counts, as a weak sign.
        this.emergency = new SituationMatcher(cues, true, true);
    }

    /** Refuses a cue with an unknown attribute. */
    static void check(List<CueMatcher.Cue<String>> cues) {
        for (CueMatcher.Cue<String> c : cues) {
            for (String attribute : c.value().split("\\s+")) {
                if (!number(attribute) && !ATTRIBUTES.contains(attribute)) {
                    throw new KnowledgeFiles.InvalidVocabularyException(Triage.EMERGENCY + ": cue '" + c.phrase()
                            + "': unknown attribute '" + attribute + "' (expected 113, 114, 115, weak, call, event or lasting)");
                }
            }
        }
    }

    /** Whether an attribute is a number to call: 113, 114 or 115. */
    private static boolean number(String attribute) {
        return attribute.length() == 3 && attribute.startsWith("11") && attribute.charAt(2) >= '3' && attribute.charAt(2) <= '5';
    }

    /**
     * The emergency the cues find, or null. {@code over}: the message tells it as over; an event then goes to
     * {@code reports} instead ("sáng nay ra thấy cửa hàng bị phá khóa"); so does an event only threatened, when
     * nothing says it is happening now ("nhắn tin dọa tạt axit nếu em không quay lại"; not "đang cầm dao dọa chém").
     * A cue in a sentence that says when, in a story, it happened or that it almost did ({@code narrated}: "khi đó,
     * con đã ngừng thở rồi", "chỉ trễ vài phút, cả nhà tôi đã mắc kẹt trong đám cháy") does not count, unless a
     * marker of now ({@code nows}) is in that sentence too; nor does one in a clause that says how it ended
     * ({@code endings}: "cảm ơn các chú đã cứu mẹ con em ra khỏi đám cháy"), unless that clause says it goes on or
     * the cue is an event, someone's deed, which a rescue does not end ("đã được cứu ra nhưng nó còn cầm dao").
     * {@code presentTyped}: {@code present} by a sign not itself typed bare ("dang" for "đang").
     * {@code afterTheFact}: the message asks about something over or about paperwork; then only a lasting danger
     * counts (someone missing is missing until found: "tối 19/4 đi bán hàng về thì không thấy cháu đâu, cháu chưa
     * có giấy tờ tùy thân"), and a lasting cue is never taken back by the sentence's story, only by how it ended.
     */
    TriageSignals.Emergency find(TokenGraph graph, boolean accented, boolean present, boolean presentTyped,
            boolean paperwork,
            boolean over, boolean afterTheFact, List<Match<String>> masks, List<Match<String>> crimes, List<Match<String>> threats,
            List<Match<String>> narrated, List<Match<String>> nows, List<Match<String>> endings,
            List<String> reports) {
        List<Match<String>> found = emergency.find(graph, accented);
        if (found.isEmpty()) {
            return null;
        }
        Set<String> strongNumbers = new LinkedHashSet<>();
        Set<String> weakNumbers = new LinkedHashSet<>();
        Set<String> reasons = new LinkedHashSet<>();
        Set<String> weakCues = new HashSet<>();
        Set<String> bareCues = new HashSet<>();
        Set<String> threatened = new LinkedHashSet<>();
        boolean strong = false;
        boolean call = false;
        boolean events = true;
        for (Match<String> m : found) {
            boolean weak = m.approximate() || m.cue().value().contains(WEAK);
            boolean isCall = !weak && m.cue().value().contains(CALL);
            if (Spans.overlapped(m, masks) || (weak && Spans.masked(m, crimes, true))) {
                continue; // "chữa cháy", "tra cứu", "kẹt xe"; "lửa" in "lua dao" (lừa đảo)
            }
            if (Spans.masked(m, found, true)) {
                continue; // the longer cue says more: "cháy" in "chuông báo cháy" (weak: an alarm may be false)
            }
            boolean lasting = m.cue().value().contains(LASTING);
            if (afterTheFact && !lasting) {
                continue;
            }
            if ((!lasting && Spans.inSentenceWith(graph, m, narrated) && !Spans.inSentenceWith(graph, m, nows))
                    || (!m.cue().value().contains(EVENT) && Spans.inClauseWith(graph, m, endings)
                            && !Spans.inClauseWith(graph, m, nows))) {
                continue; // "lúc đó, chỉ có khói bốc ra", "last month I was in a motorbike accident"
            }
            if (!present && m.cue().value().contains(EVENT) && threatened(m, threats)) {
                threatened.add(m.cue().phrase());
                continue;
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
                if (number(n)) {
                    (weak ? weakNumbers : strongNumbers).add(n);
                }
            }
            reasons.add(m.cue().phrase());
        }
        // An ambiguous word needs company: it is happening now, or a second one. A word typed without its
        // diacritics ("chay": cháy or chạy?) counts only next to a sign that is not itself bare: not "dang" ("ban
        // nguoi Anh dang o Viet Nam" is a friend, "bạn người Anh", not "bắn người").
        boolean enough = strong || call || weakCues.size() >= 2 || (!weakCues.isEmpty() && present)
                || (!bareCues.isEmpty() && (presentTyped || !weakCues.isEmpty()));
        // "Cứu em, mất bằng lái mai phải chạy xe": a call for help about paperwork, with no sign of danger, is a way
        // of speaking.
        boolean onlyCalls = !strong && weakCues.isEmpty() && bareCues.isEmpty();
        if (reasons.isEmpty() && !threatened.isEmpty()) {
            reports.add("đe dọa " + String.join(", ", threatened));
            return null;
        }
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

    /** Whether a threat comes just before the match: "dọa tạt axit", "dọa sẽ cho người đến chém". */
    private static boolean threatened(Match<String> m, List<Match<String>> threats) {
        for (Match<String> t : threats) {
            if (t.to() <= m.from() && m.from() - t.to() <= THREAT_REACH) {
                return true;
            }
        }
        return false;
    }
}
