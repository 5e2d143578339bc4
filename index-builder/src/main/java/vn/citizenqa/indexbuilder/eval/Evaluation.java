package vn.citizenqa.indexbuilder.eval;

import java.util.ArrayList;
import java.util.List;

import vn.citizenqa.core.Assistant;
import vn.citizenqa.core.model.Action;
import vn.citizenqa.core.model.Candidate;
import vn.citizenqa.core.model.ConversationContext;
import vn.citizenqa.core.model.Decision;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.model.Priority;
import vn.citizenqa.core.model.Reply;

/**
 * Runs a labelled question set through an assistant and measures what issue 3 asks for. Each message is
 * decided alone, without conversation context.
 */
public final class Evaluation {

    /** One message, what it should be and what the assistant decided. */
    public record Outcome(LabelledQuestion question, Decision decision) {

        /** The procedure the decision puts first: the answer, or the first candidate offered. */
        public String firstId() {
            if (decision.action() == Action.ANSWER) {
                return decision.procedure().id();
            }
            if (decision.action() == Action.CLARIFY && !decision.candidates().isEmpty()) {
                return decision.candidates().getFirst().id();
            }
            return null;
        }

        public boolean correct() {
            LabelledQuestion q = question;
            Decision d = decision;
            return switch (q.intent()) {
                case PROCEDURE -> q.label().equals(firstId()) && d.intent() == Intent.PROCEDURE;
                case EMERGENCY -> d.intent() == Intent.EMERGENCY && d.action() == Action.ESCALATE
                        && d.escalation().priority() == Priority.URGENT && d.reply() instanceof Reply.EmergencyNumbers;
                case CRIME_REPORT -> d.intent() == Intent.CRIME_REPORT && d.action() == Action.ESCALATE
                        && d.escalation().priority() == Priority.HIGH;
                case SMALL_TALK -> d.action() == Action.CHAT;
                case OUT_OF_SCOPE -> d.action() != Action.ANSWER;
                case SCAM_CHECK -> d.action() == Action.WARN; // not a label of these sets (see SafetyEvaluation)
            };
        }

        /** What was returned, in one line. */
        public String returned() {
            return describe(decision);
        }
    }

    /** A decision in one line: intent/action[/priority], procedure or candidates, confidence. */
    public static String describe(Decision decision) {
        {
            StringBuilder b = new StringBuilder(decision.intent() + "/" + decision.action());
            if (decision.escalation() != null) {
                b.append("/").append(decision.escalation().priority());
            }
            if (decision.procedure() != null) {
                b.append(" ").append(decision.procedure().id());
            }
            if (decision.action() != Action.ANSWER && !decision.candidates().isEmpty()) {
                b.append(" [");
                for (Candidate c : decision.candidates()) {
                    b.append(c.id()).append(' ');
                }
                b.setLength(b.length() - 1);
                b.append(']');
            }
            b.append(String.format(" conf %.2f", decision.confidence()));
            return b.toString();
        }
    }

    /** The figures of one run. Rates are in [0,1]; counts say what they are rates of. */
    public record Scores(
            int procedureQuestions,
            double top1,
            int answers,
            double answerPrecision,
            double wrongAnswerRate,
            int clarified,
            double clarifyRecovery,
            int emergencies,
            double emergencyRecall,
            int crimeReports,
            double crimeReportRecall,
            int outOfScope,
            double outOfScopeRejection,
            double outOfScopeDeclined,
            int smallTalk,
            double smallTalkAccuracy,
            int falseEmergencies,
            double answeredRight,
            double rightOffered) {
    }

    /** Length buckets of the report, in words: the upper bound of each (the last has none). */
    static final int[] BUCKETS = {12, 40, 80};

    /** Words of a message as the report counts them: runs of letters or digits. */
    public static int words(String text) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            boolean w = Character.isLetterOrDigit(text.charAt(i));
            if (w && !in) {
                n++;
            }
            in = w;
        }
        return n;
    }

    /** The bucket of a message: 0 for 12 words or fewer, 1 for 13–40, 2 for 41–80, 3 for more. */
    public static int bucket(String text) {
        int w = words(text);
        for (int b = 0; b < BUCKETS.length; b++) {
            if (w <= BUCKETS[b]) {
                return b;
            }
        }
        return BUCKETS.length;
    }

    static String bucketName(int b) {
        return b == 0 ? "<= " + BUCKETS[0] + " words"
                : b == BUCKETS.length ? "> " + BUCKETS[b - 1] + " words"
                : (BUCKETS[b - 1] + 1) + "-" + BUCKETS[b] + " words";
    }

    private Evaluation() {
    }

    public static List<Outcome> run(Assistant assistant, List<LabelledQuestion> questions) {
        List<Outcome> out = new ArrayList<>(questions.size());
        for (LabelledQuestion q : questions) {
            out.add(new Outcome(q, assistant.decide(q.text(), ConversationContext.NONE)));
        }
        return out;
    }

    public static Scores score(List<Outcome> outcomes) {
        int procedures = 0, top1 = 0, answers = 0, rightAnswers = 0, wrongProcedureAnswers = 0;
        int clarified = 0, recovered = 0, emergencies = 0, emergencyHits = 0, crimes = 0, crimeHits = 0;
        int oos = 0, oosRejected = 0, oosDeclined = 0, small = 0, smallHits = 0, falseEmergencies = 0;
        int answeredRight = 0, offered = 0;
        for (Outcome o : outcomes) {
            LabelledQuestion q = o.question();
            Decision d = o.decision();
            if (d.action() == Action.ANSWER) {
                answers++;
                if (q.label().equals(d.procedure().id())) {
                    rightAnswers++;
                }
            }
            if (d.intent() == Intent.EMERGENCY && q.intent() != Intent.EMERGENCY) {
                falseEmergencies++;
            }
            switch (q.intent()) {
                case PROCEDURE -> {
                    procedures++;
                    if (o.correct()) {
                        top1++;
                    }
                    if (d.action() == Action.ANSWER && !q.label().equals(d.procedure().id())) {
                        wrongProcedureAnswers++;
                    }
                    if (d.action() == Action.ANSWER && q.label().equals(d.procedure().id())) {
                        answeredRight++;
                        offered++;
                    }
                    if (d.action() == Action.CLARIFY) {
                        clarified++;
                        if (d.candidates().stream().anyMatch(c -> c.id().equals(q.label()))) {
                            recovered++;
                            offered++;
                        }
                    }
                }
                case EMERGENCY -> {
                    emergencies++;
                    emergencyHits += o.correct() ? 1 : 0;
                }
                case CRIME_REPORT -> {
                    crimes++;
                    crimeHits += o.correct() ? 1 : 0;
                }
                case SMALL_TALK -> {
                    small++;
                    smallHits += o.correct() ? 1 : 0;
                }
                case OUT_OF_SCOPE -> {
                    oos++;
                    oosRejected += o.correct() ? 1 : 0;
                    oosDeclined += d.action() == Action.DECLINE ? 1 : 0;
                }
            }
        }
        return new Scores(procedures, rate(top1, procedures), answers, rate(rightAnswers, answers),
                rate(wrongProcedureAnswers, procedures), clarified, rate(recovered, clarified), emergencies,
                rate(emergencyHits, emergencies), crimes, rate(crimeHits, crimes), oos, rate(oosRejected, oos),
                rate(oosDeclined, oos), small, rate(smallHits, small), falseEmergencies,
                rate(answeredRight, procedures), rate(offered, procedures));
    }

    private static double rate(int n, int of) {
        return of == 0 ? 1.0 : n / (double) of;
    }

    /** The scores side by side, ours first, then every miss of ours with what was returned. */
    public static String report(String title, List<Outcome> ours, List<Outcome> baseline) {
        StringBuilder out = new StringBuilder(figures(title, ours, baseline));
        List<Outcome> misses = ours.stream().filter(o -> !o.correct()).toList();
        out.append("\nmisses (").append(misses.size()).append("):\n");
        for (Outcome o : misses) {
            out.append(String.format("  line %d  expected %s  got %s%n      %s%n", o.question().line(), o.question().label(),
                    o.returned(), o.question().text()));
        }
        return out.toString();
    }

    /** The scores side by side (ours first) and per length bucket, without the misses. */
    public static String figures(String title, List<Outcome> ours, List<Outcome> baseline) {
        Scores a = score(ours);
        Scores b = baseline == null ? null : score(baseline);
        StringBuilder out = new StringBuilder();
        out.append(title).append('\n');
        out.append(String.format("%-46s %10s%s%n", "", "citizen-qa", b == null ? "" : String.format(" %10s", "baseline")));
        row(out, "top-1 accuracy (" + a.procedureQuestions() + " procedure questions)", a.top1(), b == null ? null : b.top1());
        row(out, "answered automatically and right", a.answeredRight(), b == null ? null : b.answeredRight());
        row(out, "answered or offered the right choice", a.rightOffered(), b == null ? null : b.rightOffered());
        row(out, "answer precision (share of ANSWERs that are right)", a.answerPrecision(), b == null ? null : b.answerPrecision());
        count(out, "  ANSWERs given", a.answers(), b == null ? null : b.answers());
        row(out, "wrong auto-answers / procedure questions", a.wrongAnswerRate(), b == null ? null : b.wrongAnswerRate());
        row(out, "recovery through CLARIFY (right id offered)", a.clarifyRecovery(), b == null ? null : b.clarifyRecovery());
        count(out, "  CLARIFYs on procedure questions", a.clarified(), b == null ? null : b.clarified());
        row(out, "emergency recall (" + a.emergencies() + ")", a.emergencyRecall(), b == null ? null : b.emergencyRecall());
        count(out, "  false emergencies", a.falseEmergencies(), b == null ? null : b.falseEmergencies());
        row(out, "crime-report recall (" + a.crimeReports() + ")", a.crimeReportRecall(), b == null ? null : b.crimeReportRecall());
        row(out, "out-of-scope never answered (" + a.outOfScope() + ")", a.outOfScopeRejection(), b == null ? null : b.outOfScopeRejection());
        row(out, "  out-of-scope declined", a.outOfScopeDeclined(), b == null ? null : b.outOfScopeDeclined());
        row(out, "small-talk accuracy (" + a.smallTalk() + ")", a.smallTalkAccuracy(), b == null ? null : b.smallTalkAccuracy());
        buckets(out, ours, baseline);
        return out.toString();
    }

    /**
     * The procedure figures per length bucket (citizen-qa, then the baseline in brackets): how many procedure
     * questions, top-1, answered automatically and right, answered or offered the right choice, wrong answers.
     */
    private static void buckets(StringBuilder out, List<Outcome> ours, List<Outcome> baseline) {
        out.append(String.format("%nper length (procedure questions: top-1 / answered right / right answered or offered / wrong answers%s)%n",
                baseline == null ? "" : "; baseline in brackets"));
        for (int b = 0; b <= BUCKETS.length; b++) {
            final int bucket = b;
            List<Outcome> mine = ours.stream().filter(o -> bucket(o.question().text()) == bucket).toList();
            Scores a = score(mine);
            if (mine.isEmpty()) {
                continue;
            }
            out.append(String.format("  %-14s %4d msgs %4d proc  %s", bucketName(b), mine.size(), a.procedureQuestions(),
                    figures(a)));
            if (baseline != null) {
                out.append("  [").append(figures(score(baseline.stream()
                        .filter(o -> bucket(o.question().text()) == bucket).toList()))).append(']');
            }
            out.append('\n');
        }
    }

    private static String figures(Scores s) {
        return String.format("%5.1f%% %5.1f%% %5.1f%% %4.1f%%", s.top1() * 100, s.answeredRight() * 100,
                s.rightOffered() * 100, s.wrongAnswerRate() * 100);
    }

    private static void row(StringBuilder out, String name, double ours, Double baseline) {
        out.append(String.format("%-46s %9.1f%%%s%n", name, ours * 100, baseline == null ? "" : String.format(" %9.1f%%", baseline * 100)));
    }

    private static void count(StringBuilder out, String name, int ours, Integer baseline) {
        out.append(String.format("%-46s %10d%s%n", name, ours, baseline == null ? "" : String.format(" %10d", baseline)));
    }
}
