package vn.citizenqa.core.answer;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import vn.citizenqa.core.model.Penalty;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.search.SearchHit;
import vn.citizenqa.core.search.SearchResult;
import vn.citizenqa.core.text.Folding;

/**
 * The words of a fines answer, built from the penalties of a violation: first the fine range, the licence
 * points and the decree for the vehicle the citizen named (every vehicle when none), then on request the
 * additional penalties and notes. Figures are the knowledge file's; nothing is computed or rounded.
 */
public final class FineAnswers {

    /** The decree every figure comes from. */
    static final String DECREE = "Nghị định 168/2024/NĐ-CP";

    private static final List<VehicleWords> WORDS = List.of(
            new VehicleWords(Penalty.Vehicle.MOTORBIKE, "xe may|xe mo to|mo to|moto|xe gan may|xe so|xe tay ga|xe dien|\\bxm\\b"),
            new VehicleWords(Penalty.Vehicle.CAR, "o to|oto|xe hoi|xe con|xe tai|xe khach|xe 4 banh|xe bon banh"),
            new VehicleWords(Penalty.Vehicle.BICYCLE, "xe dap|xe tho so"),
            new VehicleWords(Penalty.Vehicle.PEDESTRIAN, "di bo|nguoi di bo"));

    private record VehicleWords(Penalty.Vehicle vehicle, Pattern pattern) {
        VehicleWords(Penalty.Vehicle vehicle, String regex) {
            this(vehicle, Pattern.compile("(?<![a-z])(" + regex + ")(?![a-z])"));
        }
    }

    /** Words that ask what a violation costs: without one, a message is not answered with a fine when a procedure fits. */
    private static final Pattern ASKS_FINE = Pattern.compile(
            "(?<![a-z])(phat|tru( het| may| bao nhieu)?( \\d+)? diem|tuoc|tich thu|giam bang|xu ly|fine|fined|penalty)(?![a-z])");

    private FineAnswers() {
    }

    /** Whether a message asks about a fine, points or a penalty ("phạt bao nhiêu", "trừ mấy điểm", "bị tước bằng"). */
    public static boolean asksAboutFine(String message) {
        return message != null && ASKS_FINE.matcher(Folding.fold(message)).find();
    }

    /**
     * The hits to decide on. A message that asks nothing about a fine is decided among the procedures when one
     * covers it as well as any fine does ("cấp đổi giấy phép lái xe" is the procedure, not the fine for driving
     * without a licence): the decision then weighs the same candidates it would without the fines. One that asks
     * what a violation costs has the violations' entries lifted ({@link #finesFirst}).
     */
    public static SearchResult forMessage(SearchResult result, String message) {
        List<SearchHit> hits = result.hits();
        if (hits.stream().noneMatch(h -> h.procedure().isFine())) {
            return result;
        }
        if (asksAboutFine(message)) {
            return asksWhatItCosts(message) ? finesFirst(result) : result;
        }
        double fineCoverage = hits.stream().filter(h -> h.procedure().isFine()).mapToDouble(SearchHit::coverage).max()
                .orElse(0);
        List<SearchHit> procedures = hits.stream().filter(h -> !h.procedure().isFine()).toList();
        if (procedures.stream().noneMatch(h -> h.coverage() >= fineCoverage)) {
            return result;
        }
        return new SearchResult(procedures, result.meaningfulWords(), result.unknownWords(), result.diacritics());
    }

    /**
     * Words that ask what a violation costs or what happens to the offender ("phạt bao nhiêu", "bị phạt không",
     * "mức phạt", "lỗi gì", "tước bằng"), not a procedure about fines ("nộp phạt", "tra cứu phạt nguội").
     */
    private static final Pattern ASKS_COST = Pattern.compile("(?<![a-z])((bi|muc|xu|bi xu) phat|phat (bao nhieu|bn|the nao|"
            + "ra sao|nhu the nao|khong|ko|gi|loi gi|nang)|loi (gi|nay|do)|tuoc|tru (may|bao nhieu|bn) diem)(?![a-z])");

    /** Whether a message asks what its violation costs (see {@link #ASKS_COST}). */
    static boolean asksWhatItCosts(String message) {
        return ASKS_COST.matcher(Folding.fold(message)).find();
    }

    /**
     * How much more a violation's entry scores when the message asks what a violation costs: the story around such a
     * question ("bị CSGT giữ xe", "chưa thi bằng lái") pulls toward the procedure it mentions (getting the vehicle
     * back, the driving test), while what is asked is the fine. Fitted on the development sets: more moves neat
     * questions about procedures on fines ("nộp phạt rồi, nhận lại xe thế nào").
     */
    static final float COST_ASKED_BOOST = 0.25f;

    /**
     * The hits with the violations' entries scored {@link #COST_ASKED_BOOST} higher, best first, when a violation is
     * then first; otherwise as they were (a procedure that still leads is not made less sure by a fine closer behind
     * it: "bị giữ xe vì vượt đèn đỏ, phạt bao nhiêu và làm sao lấy xe lại" is answered with the procedure, the fine
     * beside it).
     */
    static SearchResult finesFirst(SearchResult result) {
        List<SearchHit> hits = new ArrayList<>();
        for (SearchHit h : result.hits()) {
            hits.add(h.procedure().isFine() ? new SearchHit(h.procedure(), h.score() * (1 + COST_ASKED_BOOST), h.coverage(),
                    h.weightedCoverage(), h.named()) : h);
        }
        hits.sort(java.util.Comparator.comparingDouble(SearchHit::score).reversed());
        if (!hits.getFirst().procedure().isFine()) {
            return result;
        }
        return new SearchResult(hits, result.meaningfulWords(), result.unknownWords(), result.diacritics());
    }

    /** The kinds of vehicle a message names ("xe máy", "oto", "xe đạp"…), empty when none. */
    public static Set<Penalty.Vehicle> vehiclesNamed(String message) {
        Set<Penalty.Vehicle> out = EnumSet.noneOf(Penalty.Vehicle.class);
        if (message == null) {
            return out;
        }
        String folded = Folding.fold(message);
        for (VehicleWords w : WORDS) {
            if (w.pattern().matcher(folded).find()) {
                out.add(w.vehicle());
            }
        }
        return out;
    }

    /** The penalties to state first: those of the vehicles named, or all when the message names none of them. */
    static List<Penalty> relevant(Procedure fine, Set<Penalty.Vehicle> named) {
        List<Penalty> chosen = new ArrayList<>();
        for (Penalty p : fine.penalties()) {
            if (named.contains(p.vehicle())) {
                chosen.add(p);
            }
        }
        return chosen.isEmpty() ? fine.penalties() : chosen;
    }

    /** The first answer: one line a vehicle (range, points, additional penalty, clause), the decree, where to check. */
    public static String brief(Procedure fine, Set<Penalty.Vehicle> named) {
        StringBuilder b = new StringBuilder("🚦 ").append(fine.title()).append('\n');
        for (Penalty p : relevant(fine, named)) {
            b.append("\n• ").append(line(p));
        }
        b.append("\n\nCăn cứ: ").append(DECREE).append(". ").append(footer(fine));
        if (fine.notes() != null || relevant(fine, named).size() < fine.penalties().size()) {
            b.append("\nNhắn \"phạt bao nhiêu\" để xem mức cho các loại xe khác và ghi chú.");
        }
        return Replies.fit(b.toString());
    }

    /** Everything the entry says: what the violation is, every vehicle, the notes. */
    public static String details(Procedure fine) {
        StringBuilder b = new StringBuilder("🚦 ").append(fine.title());
        if (fine.eligibility() != null) {
            b.append("\n").append(fine.eligibility());
        }
        b.append('\n');
        for (Penalty p : fine.penalties()) {
            b.append("\n• ").append(line(p));
        }
        if (fine.notes() != null) {
            b.append("\n\n").append(fine.notes());
        }
        b.append("\n\nCăn cứ: ").append(DECREE).append(". ").append(footer(fine));
        return Replies.fit(b.toString());
    }

    /** "Xe máy: phạt 4.000.000–6.000.000 đồng, trừ 4 điểm giấy phép lái xe (điểm c khoản 7 Điều 7 …)". */
    static String line(Penalty p) {
        StringBuilder b = new StringBuilder(p.vehicle().label())
                .append(p.situation() == null ? "" : ", " + p.situation()).append(": phạt ")
                .append(money(p.fineMin())).append("–").append(money(p.fineMax())).append(" đồng");
        if (p.points() > 0) {
            b.append(", trừ ").append(p.points()).append(" điểm giấy phép lái xe");
        }
        if (p.additional() != null) {
            b.append("; ").append(Character.toLowerCase(p.additional().charAt(0))).append(p.additional().substring(1));
        }
        b.append(" (").append(p.article()).append(")");
        return b.toString();
    }

    static String money(long amount) {
        NumberFormat f = NumberFormat.getIntegerInstance(Locale.GERMANY); // 4.000.000, as Vietnamese texts write it
        return f.format(amount);
    }

    private static String footer(Procedure fine) {
        return "(Rà soát ngày " + fine.reviewed() + "; đối chiếu văn bản tại " + Replies.link(fine) + ")";
    }
}
