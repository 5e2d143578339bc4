package vn.citizenqa.indexbuilder.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import vn.citizenqa.core.Assistant;
import vn.citizenqa.core.decision.ConfidenceGate;

/**
 * The gate's figures on messages it was not fitted on: the development material is cut into {@code k} folds; each
 * fold is decided by a gate fitted ({@link Calibration}) on the other folds alone, so every message's decision is an
 * out-of-fold one. The gate fitted on all of the development material answers too readily on new messages (a fresh
 * held-out split had 4% wrong answers against the 1% it was fitted for): its parameters (the wrong-answer rate aimed
 * at inside the folds, the regression's penalty) are chosen here so that the out-of-fold wrong answers stay within
 * the target, and only then is the gate refitted on everything with them.
 */
public final class CrossValidation {

    /** Folds: each is a fifth of the material. */
    public static final int FOLDS = 5;
    /** The same folds on every run: the figures are reproducible. */
    private static final long SEED = 14;
    /** Wrong-answer rates aimed at inside the folds, tried in turn. */
    static final double[] TARGETS = {0.005, 0.006, 0.007, 0.008, 0.009, 0.01};
    /** Penalties of the regression, tried in turn. */
    static final double[] PENALTIES = {0.001, 0.01};

    /** The parameters of a calibration and the out-of-fold decisions they lead to. */
    public record Run(double target, double l2, List<Evaluation.Outcome> outcomes) {

        public Evaluation.Scores scores() {
            return Evaluation.score(outcomes);
        }
    }

    private CrossValidation() {
    }

    /** The fold of each question: a seeded shuffle dealt round, so folds are even and the same on every run. */
    static int[] folds(int n, int k) {
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(SEED));
        int[] fold = new int[n];
        for (int pos = 0; pos < n; pos++) {
            fold[order.get(pos)] = pos % k;
        }
        return fold;
    }

    /** Every question decided by the gate fitted, with these parameters, on the folds it is not in. */
    public static Run outOfFold(Assistant assistant, List<LabelledQuestion> questions, List<Calibration.Sample> samples,
            double target, double l2) {
        int[] fold = folds(questions.size(), FOLDS);
        Evaluation.Outcome[] out = new Evaluation.Outcome[questions.size()];
        for (int f = 0; f < FOLDS; f++) {
            List<Calibration.Sample> training = new ArrayList<>();
            List<LabelledQuestion> held = new ArrayList<>();
            List<Integer> heldAt = new ArrayList<>();
            for (int i = 0; i < questions.size(); i++) {
                if (fold[i] != f) {
                    if (samples.get(i) != null) {
                        training.add(samples.get(i));
                    }
                } else {
                    held.add(questions.get(i));
                    heldAt.add(i);
                }
            }
            ConfidenceGate gate = Calibration.calibrate(training, target, l2);
            List<Evaluation.Outcome> decided = Evaluation.run(assistant.with(assistant.searcher(), gate), held);
            for (int j = 0; j < decided.size(); j++) {
                out[heldAt.get(j)] = decided.get(j);
            }
        }
        return new Run(target, l2, List.of(out));
    }

    /**
     * The parameters whose out-of-fold wrong answers stay within {@code maxWrongRate}, both over all the material and
     * over the messages {@code strict} selects (the real-style ones, where the gate failed), answering the most
     * procedure questions right; the most cautious when none does.
     */
    public static Run choose(Assistant assistant, List<LabelledQuestion> questions, double maxWrongRate,
            java.util.function.Predicate<LabelledQuestion> strict, StringBuilder log) {
        List<Calibration.Sample> samples = new ArrayList<>();
        for (LabelledQuestion q : questions) {
            samples.add(Calibration.sample(assistant, q)); // null for those the gate does not see
        }
        Run best = null;
        Run cautious = null;
        for (double l2 : PENALTIES) {
            for (double target : TARGETS) {
                Run run = outOfFold(assistant, questions, samples, target, l2);
                Evaluation.Scores all = run.scores();
                Evaluation.Scores hard = Evaluation.score(run.outcomes().stream()
                        .filter(o -> strict.test(o.question())).toList());
                boolean within = all.wrongAnswerRate() <= maxWrongRate && hard.wrongAnswerRate() <= maxWrongRate;
                log.append(String.format(Locale.ROOT,
                        "  aim %.4f  l2 %.3f: out of fold answered right %.1f%%, wrong %.2f%% (real-style %.1f%%, %.2f%%)%s%n",
                        target, l2, all.answeredRight() * 100, all.wrongAnswerRate() * 100, hard.answeredRight() * 100,
                        hard.wrongAnswerRate() * 100, within ? "" : "  over the target"));
                if (within && (best == null || all.answeredRight() > best.scores().answeredRight())) {
                    best = run;
                }
                if (cautious == null || all.wrongAnswerRate() < cautious.scores().wrongAnswerRate()) {
                    cautious = run;
                }
            }
        }
        return best != null ? best : cautious;
    }
}
