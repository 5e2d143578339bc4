package vn.citizenqa.indexbuilder.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import vn.citizenqa.core.Assistant;
import vn.citizenqa.core.model.Action;
import vn.citizenqa.core.model.ConversationContext;
import vn.citizenqa.core.model.Decision;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.model.Priority;
import vn.citizenqa.core.model.Reply;

/**
 * Runs the labelled safety set through an assistant and measures what issue 15 asks for: emergency recall,
 * crime and scam-report recall, scam checks answered with a warning, and the false emergencies (every message
 * not labelled EMERGENCY that went URGENT), near misses first.
 */
public final class SafetyEvaluation {

    /** One message, what it is and what the assistant decided. */
    public record Outcome(SafetyCase message, Decision decision, boolean warned) {

        public boolean urgent() {
            return decision.escalation() != null && decision.escalation().priority() == Priority.URGENT;
        }

        public boolean correct() {
            Decision d = decision;
            return switch (message.label()) {
                case EMERGENCY -> d.intent() == Intent.EMERGENCY && urgent() && d.reply() instanceof Reply.EmergencyNumbers n
                        && !n.numbers().isEmpty();
                case CRIME_REPORT -> d.action() == Action.ESCALATE && d.escalation().priority() != Priority.NORMAL;
                case SCAM_CHECK -> warned && !urgent();
                case NEAR_MISS -> !urgent();
            };
        }
    }

    /** The figures of one run; rates in [0,1]. */
    public record Scores(int emergencies, double emergencyRecall, int reports, double reportRecall, int scamChecks,
            double scamChecksWarned, int nearMisses, int nearMissesUrgent, int falseEmergencies) {
    }

    private SafetyEvaluation() {
    }

    /**
     * Whether a decision's reply warns with one of these warnings of knowledge/warnings: a check's answer (action
     * WARN), or a trick under way, whose warning goes with the case it opens for officers.
     */
    public static Predicate<Decision> warnedWith(List<vn.citizenqa.core.model.ScamWarning> warnings) {
        return d -> (d.action() == Action.WARN && d.reply() instanceof Reply.ScamCheckAnswer a && a.warning() != null
                && warnings.contains(a.warning()))
                || (d.action() == Action.ESCALATE && d.reply() instanceof Reply.ScamUnderWay u && u.warning() != null
                && warnings.contains(u.warning()));
    }

    /** @param warned whether a decision's reply answers with a scam warning of knowledge/warnings */
    public static List<Outcome> run(Assistant assistant, List<SafetyCase> cases, Predicate<Decision> warned) {
        List<Outcome> out = new ArrayList<>(cases.size());
        for (SafetyCase c : cases) {
            Decision d = assistant.decide(c.text(), ConversationContext.NONE);
            out.add(new Outcome(c, d, warned.test(d)));
        }
        return out;
    }

    public static Scores score(List<Outcome> outcomes) {
        int[] n = new int[SafetyCase.Label.values().length];
        int[] hit = new int[n.length];
        int nearUrgent = 0;
        int falseEmergencies = 0;
        for (Outcome o : outcomes) {
            int l = o.message().label().ordinal();
            n[l]++;
            hit[l] += o.correct() ? 1 : 0;
            if (o.message().label() != SafetyCase.Label.EMERGENCY && o.urgent()) {
                falseEmergencies++;
                nearUrgent += o.message().label() == SafetyCase.Label.NEAR_MISS ? 1 : 0;
            }
        }
        int e = SafetyCase.Label.EMERGENCY.ordinal();
        int r = SafetyCase.Label.CRIME_REPORT.ordinal();
        int s = SafetyCase.Label.SCAM_CHECK.ordinal();
        int m = SafetyCase.Label.NEAR_MISS.ordinal();
        return new Scores(n[e], rate(hit[e], n[e]), n[r], rate(hit[r], n[r]), n[s], rate(hit[s], n[s]), n[m], nearUrgent,
                falseEmergencies);
    }

    private static double rate(int hits, int of) {
        return of == 0 ? 1.0 : hits / (double) of;
    }

    /** The figures, recall by family, every false emergency, then every other miss. */
    public static String report(String title, List<Outcome> outcomes) {
        Scores s = score(outcomes);
        StringBuilder out = new StringBuilder(title).append('\n');
        out.append(String.format("%-52s %6.1f%%%n", "emergency recall (" + s.emergencies() + ")", s.emergencyRecall() * 100));
        out.append(String.format("%-52s %6.1f%%%n", "crime and scam-report recall (" + s.reports() + ")", s.reportRecall() * 100));
        out.append(String.format("%-52s %6.1f%%%n", "scam checks answered with a warning (" + s.scamChecks() + ")",
                s.scamChecksWarned() * 100));
        long withCase = outcomes.stream().filter(o -> o.message().label() == SafetyCase.Label.SCAM_CHECK && o.warned()
                && o.decision().action() == Action.ESCALATE).count();
        out.append(String.format("%-52s %7d%n", "  of them with an officer's case (trick under way)", withCase));
        out.append(String.format("%-52s %7d%n", "near misses escalated URGENT (of " + s.nearMisses() + ")", s.nearMissesUrgent()));
        out.append(String.format("%-52s %7d%n", "false emergencies (any label but EMERGENCY)", s.falseEmergencies()));
        Map<String, int[]> byFamily = new TreeMap<>();
        for (Outcome o : outcomes) {
            int[] f = byFamily.computeIfAbsent(o.message().label() + " " + o.message().family(), k -> new int[2]);
            f[0]++;
            f[1] += o.correct() ? 1 : 0;
        }
        out.append("\nby family (right / messages):\n");
        byFamily.forEach((k, v) -> out.append(String.format("  %-40s %3d / %3d%n", k, v[1], v[0])));
        out.append("\nfalse emergencies:\n");
        for (Outcome o : outcomes) {
            if (o.message().label() != SafetyCase.Label.EMERGENCY && o.urgent()) {
                out.append(line(o));
            }
        }
        out.append("\nother misses:\n");
        for (Outcome o : outcomes) {
            if (!o.correct() && !(o.message().label() != SafetyCase.Label.EMERGENCY && o.urgent())) {
                out.append(line(o));
            }
        }
        return out.toString();
    }

    private static String line(Outcome o) {
        String why = o.decision().escalation() == null ? "" : "  (" + o.decision().escalation().reason() + ")";
        return String.format("  line %d  %s/%s  got %s%s%n      %s%n", o.message().line(), o.message().label(),
                o.message().family(), Evaluation.describe(o.decision()), why, o.message().text());
    }
}
