package vn.citizenqa.core.triage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vn.citizenqa.core.analysis.CueMatcher;
import vn.citizenqa.core.analysis.CueMatcher.Match;
import vn.citizenqa.core.analysis.TokenGraph;
import vn.citizenqa.core.knowledge.KnowledgeFiles;
import vn.citizenqa.core.model.ScamWarning;
import vn.citizenqa.core.text.Folding;

/**
 * Reads a message about a scam: the victim's words or a check question ({@code triage/scam.txt}), and which trick
 * of {@code knowledge/warnings/} it is about: the trick whose cues it names most, else the one whose own words
 * (title, cues, signs) it shares most, rarer words counting more ("bấm phím 9 để gặp nhân viên" is the automated
 * call of the bank and carrier warning though no cue is typed as written). Thread-safe; build once.
 */
final class ScamReading {

    private static final Set<String> KINDS = Set.of("check", "doubt", "truth", "victim", "paid", "unanswered",
            "deceived", "sent", "moved", "notyet", "recovery", "posing", "demand", "stranger", "safe");

    /** The least weight of shared words for a trick picked by its words rather than its cues. */
    private static final double LEAST_SHARED = 4.0;

    private final SituationMatcher markers;
    private final SituationMatcher tricks;
    private final Map<String, ScamWarning> warnings = new LinkedHashMap<>();
    /** Per warning, its folded words and word pairs; and each one's weight (rarer across warnings: more). */
    private final Map<String, Set<String>> wordsOf = new LinkedHashMap<>();
    private final Map<String, Double> weight = new HashMap<>();

    /**
     * @param trickCues the warnings' cues, each standing for its warning's id ({@link #trickCues})
     * @param wordsOf   per warning id, its folded words and word pairs ({@link #wordsOf})
     */
    ScamReading(List<CueMatcher.Cue<String>> markersOfScams, List<ScamWarning> scamWarnings,
            List<CueMatcher.Cue<String>> trickCues, Map<String, Set<String>> wordsOf) {
        check(markersOfScams);
        this.markers = new SituationMatcher(markersOfScams, false, false);
        Map<String, Integer> documents = new HashMap<>();
        for (ScamWarning w : scamWarnings) {
            warnings.put(w.id(), w);
        }
        wordsOf.forEach((id, words) -> {
            this.wordsOf.put(id, words);
            words.forEach(t -> documents.merge(t, 1, Integer::sum));
        });
        this.tricks = new SituationMatcher(trickCues, true, false);
        int n = Math.max(1, scamWarnings.size());
        // A word most tricks share ("tiền", "chuyển") says nothing of which trick it is.
        documents.forEach((t, df) -> weight.put(t, df * 3 > n ? 0.0 : Math.log((double) n / df) * (t.contains(" ") ? 2 : 1)));
    }

    /** Refuses a marker of an unknown kind. */
    static void check(List<CueMatcher.Cue<String>> markersOfScams) {
        for (CueMatcher.Cue<String> c : markersOfScams) {
            if (!KINDS.contains(c.value())) {
                throw new KnowledgeFiles.InvalidVocabularyException(Triage.SCAM + ": cue '" + c.phrase()
                        + "': unknown kind '" + c.value() + "' (expected one of " + new java.util.TreeSet<>(KINDS) + ")");
            }
        }
    }

    /** The warnings' cues, each standing for its warning's id, in the warnings' order. */
    static List<CueMatcher.Cue<String>> trickCues(List<ScamWarning> scamWarnings) {
        List<CueMatcher.Cue<String>> cues = new ArrayList<>();
        for (ScamWarning w : scamWarnings) {
            for (String phrase : w.cues()) {
                CueMatcher.Cue<String> c = CueMatcher.cue(phrase, w.id());
                if (c != null) {
                    cues.add(c);
                }
            }
        }
        return cues;
    }

    /** Per warning id, in the warnings' order, the folded words and word pairs of its cues, title and signs. */
    static Map<String, Set<String>> wordsOf(List<ScamWarning> scamWarnings) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (ScamWarning w : scamWarnings) {
            List<String> text = new ArrayList<>(w.cues());
            text.add(w.title());
            text.addAll(w.signs());
            out.put(w.id(), words(text));
        }
        return out;
    }

    Optional<ScamWarning> warning(String id) {
        return Optional.ofNullable(id == null ? null : warnings.get(id));
    }

    /**
     * A message about a scam: a trick of knowledge/warnings or a fraud cue, with a victim's words (money already
     * gone) or a check question ("có phải lừa không"). Null otherwise. {@code paperwork}: where the message names
     * paperwork ("nộp phạt", "bằng lái"): a trick's cue that is such a word says less of the trick.
     */
    TriageSignals.Scam read(TokenGraph graph, boolean accented, List<Match<String>> crimes,
            List<Match<String>> paperwork, boolean reporting) {
        List<Match<String>> trickCues = tricks.find(graph, accented);
        boolean victim = false;
        boolean check = false;
        boolean doubt = false;
        boolean truth = false;
        boolean paid = false;
        boolean deceived = false;
        boolean sent = false;
        int paidAt = Integer.MAX_VALUE;
        int unansweredAt = -1;
        List<Match<String>> found = markers.find(graph, accented);
        // "Đã chuyển đi hơn 1 năm", "chuyển hộ khẩu": moving house or papers, not money sent.
        List<Match<String>> moved = found.stream().filter(m -> m.cue().value().equals("moved")).toList();
        // A victim's word inside the question ("có nên làm theo không") or inside the offer of a recovery service
        // ("lấy lại được 80% tiền em bị lừa") tells no loss of this message.
        List<Match<String>> asking = found.stream().filter(m -> Set.of("check", "doubt", "truth", "recovery")
                .contains(m.cue().value())).toList();
        // What someone else asks the writer to do ("người ta bảo chuyển trước 500k", "cần em chuyển 15 triệu", "bắt
        // đọc mã"): its money words are asked for, not paid; nor are those inside what was not done ("chưa chuyển
        // khoản", "đã chuyển đâu").
        List<Match<String>> asked = found.stream().filter(m -> m.cue().value().equals("demand")).toList();
        List<Match<String>> undone = found.stream().filter(m -> m.cue().value().equals("notyet")).toList();
        boolean notYet = false;
        boolean safe = false;
        boolean demand = false;
        boolean stranger = false;
        for (Match<String> m : found) {
            if (Spans.overlapped(m, moved) && !m.cue().value().equals("moved")) {
                continue;
            }
            boolean askedFor = Spans.overlapped(m, asked) || Spans.masked(m, undone, true);
            switch (m.cue().value()) {
                // A victim's words inside a trick's name are the trick, not a loss: "lấy lại tiền bị lừa".
                // So is one inside what someone asks for, when the message asks about it ("người ta bảo tôi chuyển hết
                // tiền vào tài khoản an toàn…, tôi có nên chuyển không"): asked for, not done.
                case "victim" -> victim |= !inside(m, trickCues) && !Spans.masked(m, asking, true)
                        && !Spans.masked(m, undone, true) && !(Spans.overlapped(m, asked) && !asking.isEmpty());
                case "demand" -> demand = true;
                case "stranger" -> stranger = true;
                case "notyet" -> notYet = true;
                case "safe" -> safe = true;
                case "check" -> check = true;
                case "doubt" -> doubt = true;
                case "truth" -> truth = true;
                case "paid" -> {
                    // "Có nên chuyển cọc không" asks about paying; "bảo chuyển trước" is asked for.
                    if (!askedFor && !Spans.overlapped(m, asking)) {
                        paid = true;
                        paidAt = Math.min(paidAt, m.from());
                    }
                }
                case "unanswered" -> unansweredAt = Math.max(unansweredAt, m.from());
                case "deceived" -> deceived |= !inside(m, trickCues);
                case "sent" -> sent |= !askedFor;
                default -> { }
            }
        }
        // Money sent, then nothing for it ("chuyển 6 triệu xong không nhận được vé", "chuyển 250 nghìn, gọi lại
        // thì không liên lạc được") is a fraud told without the word.
        boolean paidForNothing = paid && unansweredAt > paidAt;
        // Deceived by someone ("bị kẻ giả danh công an lừa", "lừa mẹ em chuyển") into sending money ("chuyển 30
        // triệu"), whoever of the family it was, is a victim's account, unless the message asks whether it is a scam.
        boolean deceivedOfMoney = deceived && (paid || sent) && !check;
        // Nothing of the writer's or their family's lost: no loss told, no money sent, nobody deceived.
        // ("cần chuyển gấp 20 triệu", asked for, is no money sent when the message says it was not: "tôi chưa chuyển").
        // So is money paid in advance when the message says it was not ("chỉ cần chuyển trước 700k, em chưa chuyển").
        boolean nothingLost = !victim && !deceived && ((!paid && !sent) || notYet);
        // "Mình chưa đưa. Có nên đưa không": nothing lost yet, and the message asks: a check, not a victim.
        victim &= !(notYet && (check || doubt || truth));
        // Someone asked for money, a code or an app ("bảo chuyển trước 500k phí kích hoạt"), and the writer says it
        // was not done ("em chưa chuyển đồng nào"): they tell it to ask whether to, a check though nothing is asked.
        boolean heldBack = demand && notYet && nothingLost && !victim;
        // Someone posing as police, a bank or an office ("tự xưng", "giả danh"), told with nothing lost and not
        // to report it: a trick being worked on the writer now, asked about or not.
        boolean posing = found.stream().anyMatch(m -> m.cue().value().equals("posing"));
        boolean underWay = nothingLost && !reporting && posing;
        if (!victim && !check && !doubt && !truth && !paidForNothing && !deceivedOfMoney && !underWay && !demand) {
            return null;
        }
        Map<String, Set<String>> named = new LinkedHashMap<>();
        Map<String, Set<String>> telling = new LinkedHashMap<>();
        for (Match<String> m : trickCues) {
            named.computeIfAbsent(m.cue().value(), k -> new HashSet<>()).add(m.cue().phrase());
            if (!Spans.masked(m, paperwork, false)) { // "bằng lái" alone, not "bằng lái không cần thi"
                telling.computeIfAbsent(m.cue().value(), k -> new HashSet<>()).add(m.cue().phrase());
            }
        }
        // "Có phải lừa không", "lừa hay thật": the question names the fraud itself.
        boolean fraud = check || crimes.stream().anyMatch(m -> m.cue().value().startsWith("lừa đảo"));
        int cues = named.values().stream().mapToInt(Set::size).max().orElse(0);
        // A trick's words alone are everyday words ("bằng lái", "vneid"): a victim needs a fraud word or two of them;
        // so does "có đúng không", one of them other than the paperwork's own words ("tôi nghe nói nộp phạt trên
        // Cổng dịch vụ công thì bằng lái được gửi về nhà, có đúng không" asks about a rule; "nộp phạt qua tài khoản
        // cá nhân, có đúng không" about the trick). Naming a trick plainly takes the same.
        boolean named2 = false;
        for (var e : named.entrySet()) {
            named2 |= e.getValue().size() >= 2 && telling.containsKey(e.getKey());
        }
        victim = paidForNothing || deceivedOfMoney || (victim && (fraud || cues >= 2));
        // "Làm sao biết bằng lái còn bao nhiêu điểm": a doubt about paperwork's own words asks about the paperwork; it
        // takes a trick's word other than those ("làm sao biết tin nhắn trừ điểm bằng lái là thật").
        boolean tells = !telling.isEmpty();
        boolean asksFraud = check || ((doubt || truth) && fraud);
        // A doubt about what someone asked the writer to do ("họ bảo phải chuyển tiền để chứng minh trong sạch, có nên
        // tin không") asks about a trick though it names none; "có đúng không" only when a stranger or a caller
        // asked it ("có người gọi bảo kết bạn zalo để nộp phạt, có đúng là csgt làm vậy không"), not a rule heard of.
        boolean byStranger = demand && (stranger || posing);
        check = check || (doubt && (fraud || tells || demand || posing)) || (truth && (fraud || named2 || byStranger))
                || heldBack;
        // Money asked for in a trick named plainly, nothing lost and not to report it ("bạn trai quen trên mạng bảo
        // quà bị giữ ở hải quan, cần em đóng 8 triệu phí thông quan, anh ấy cứ giục"): a trick under way, as a
        // posing caller's is.
        underWay |= nothingLost && !reporting && demand && named2;
        if (!victim && !check && underWay) {
            // A posing caller's trick told by someone who has lost nothing and does not ask ("sáng nay có số lạ tự
            // xưng công an xã gọi, nói tôi liên quan vụ án, lát nữa sẽ có cán bộ khác gọi tiếp"): under way.
            return new TriageSignals.Scam(TriageSignals.Scam.Kind.UNDER_WAY, best(named, graph), named2, false,
                    demand, byStranger);
        }
        if (!victim && !check) {
            return null;
        }
        return new TriageSignals.Scam(victim ? TriageSignals.Scam.Kind.VICTIM : TriageSignals.Scam.Kind.CHECK,
                best(named, graph), named2, asksFraud, demand, byStranger, safe && demand && !victim);
    }

    /** The trick whose cues the message names most, else the one whose words it shares most, or null. */
    private String best(Map<String, Set<String>> named, TokenGraph graph) {
        String best = null;
        int most = 0;
        for (var e : named.entrySet()) {
            if (e.getValue().size() > most) {
                best = e.getKey();
                most = e.getValue().size();
            }
        }
        return best != null ? best : closest(graph);
    }

    /** Whether a longer match covers this one. */
    private static boolean inside(Match<String> m, List<Match<String>> others) {
        for (Match<String> o : others) {
            if (o.from() <= m.from() && m.to() <= o.to() && o.to() - o.from() > m.to() - m.from()) {
                return true;
            }
        }
        return false;
    }

    /** The warning whose own words the message shares most, or null when it shares too little with any. */
    private String closest(TokenGraph graph) {
        List<String> typed = new ArrayList<>();
        for (TokenGraph.Segment s : graph.segments()) {
            for (TokenGraph.Edge e : s.typedPath()) {
                typed.add(e.folded());
            }
        }
        Set<String> message = new HashSet<>(typed);
        for (int i = 1; i < typed.size(); i++) {
            message.add(typed.get(i - 1) + " " + typed.get(i));
        }
        String best = null;
        double most = LEAST_SHARED;
        for (var e : wordsOf.entrySet()) {
            double shared = 0;
            for (String t : message) {
                if (e.getValue().contains(t)) {
                    shared += weight.getOrDefault(t, 0.0);
                }
            }
            if (shared > most) {
                best = e.getKey();
                most = shared;
            }
        }
        return best;
    }

    /** The folded words and pairs of neighbouring words of some texts. */
    private static Set<String> words(List<String> texts) {
        Set<String> out = new HashSet<>();
        for (String text : texts) {
            String[] w = Folding.fold(text).split("[^\\p{L}\\p{N}]+");
            String previous = null;
            for (String word : w) {
                if (word.isEmpty()) {
                    previous = null;
                    continue;
                }
                out.add(word);
                if (previous != null) {
                    out.add(previous + " " + word);
                }
                previous = word;
            }
        }
        return out;
    }
}
