package vn.citizenqa.indexbuilder.eval;

import java.util.ArrayList;
import java.util.List;

import vn.citizenqa.core.Assistant;
import vn.citizenqa.core.analysis.TokenGraph;
import vn.citizenqa.core.answer.FineAnswers;
import vn.citizenqa.core.decision.ConfidenceGate;
import vn.citizenqa.core.search.ProcedureSearch;
import vn.citizenqa.core.search.SearchResult;

/**
 * Fits the confidence gate on a labelled set: a logistic regression of "the first procedure is the right
 * one" on the search features, over the procedure questions (right or wrong first) and the out-of-scope
 * messages (never right). Then picks the thresholds: ANSWER where wrong answers stay under the target
 * rate; CLARIFY where offering candidates helps more procedure questions (right one offered) than it
 * bothers out-of-scope messages (those the vocabulary does not already decline); and the least share of the
 * message a match must cover.
 */
public final class Calibration {

    /**
     * @param declinedByVocabulary an out-of-scope message the triage vocabulary already declines, whatever
     *                             the gate says
     */
    public record Sample(double[] features, boolean right, boolean procedure, boolean rightInTop3,
            boolean declinedByVocabulary) {
    }

    private Calibration() {
    }

    public static List<Sample> samples(Assistant assistant, List<LabelledQuestion> questions) {
        List<Sample> out = new ArrayList<>();
        for (LabelledQuestion q : questions) {
            Sample s = sample(assistant, q);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * What the gate sees of one message, searched as the assistant searches it (the fines' lift when a cost is
     * asked included); null for a message that is neither a procedure question nor out of scope.
     */
    public static Sample sample(Assistant assistant, LabelledQuestion q) {
        if (!q.isProcedure() && !q.label().equals("OUT_OF_SCOPE")) {
            return null;
        }
        ProcedureSearch search = assistant.searcher();
        TokenGraph g = search.analyze(q.text());
        SearchResult r = FineAnswers.forMessage(search.search(g, 3), q.text());
        boolean right = !r.isEmpty() && r.hits().getFirst().procedure().id().equals(q.label());
        boolean top3 = r.hits().stream().anyMatch(h -> h.procedure().id().equals(q.label()));
        boolean vocabulary = !q.isProcedure() && assistant.signals(q.text()).outOfScope() != null;
        return new Sample(ConfidenceGate.features(r), right, q.isProcedure(), top3, vocabulary);
    }

    /** Logistic regression by gradient descent with a little L2, intercept first. */
    public static double[] fit(List<Sample> samples) {
        return fit(samples, DEFAULT_L2);
    }

    /** The L2 penalty of {@link #fit(List)}. */
    public static final double DEFAULT_L2 = 0.001;

    /** Logistic regression by gradient descent with an L2 penalty {@code l2} (not on the intercept). */
    public static double[] fit(List<Sample> samples, double l2) {
        int k = ConfidenceGate.FEATURES.length + 1;
        double[] w = new double[k];
        double rate = 0.5;
        for (int iter = 0; iter < 20000; iter++) {
            double[] grad = new double[k];
            for (Sample s : samples) {
                double z = w[0];
                for (int i = 1; i < k; i++) {
                    z += w[i] * s.features()[i - 1];
                }
                double err = 1 / (1 + Math.exp(-z)) - (s.right() ? 1 : 0);
                grad[0] += err;
                for (int i = 1; i < k; i++) {
                    grad[i] += err * s.features()[i - 1];
                }
            }
            for (int i = 0; i < k; i++) {
                w[i] -= rate * (grad[i] / samples.size() + (i == 0 ? 0 : l2 * w[i]));
            }
        }
        return w;
    }

    /**
     * The gate with fitted weights and thresholds: ANSWER at the lowest confidence where wrong answers (to
     * procedure questions and out-of-scope messages) stay within {@code maxWrongRate} of the procedure
     * questions; CLARIFY at the threshold that minimises procedure questions left below it (their right
     * procedure among the candidates) plus out-of-scope messages above it.
     */
    public static ConfidenceGate calibrate(List<Sample> samples, double maxWrongRate) {
        return calibrate(samples, maxWrongRate, DEFAULT_L2);
    }

    /** As {@link #calibrate(List, double)}, the regression penalised by {@code l2}. */
    public static ConfidenceGate calibrate(List<Sample> samples, double maxWrongRate, double l2) {
        ConfidenceGate g = new ConfidenceGate(fit(samples, l2), 0, 0, 0);
        long procedures = samples.stream().filter(Sample::procedure).count();
        double answer = 1.0;
        // Half-hundredths: the confidences of answered questions crowd between 0.88 and 0.95, where a hundredth moves
        // many of them.
        for (double t = 0.995; t >= 0.05; t -= STEP) {
            final double th = t;
            // An out-of-scope message the vocabulary declines is never answered, whatever its confidence.
            long wrong = samples.stream().filter(s -> !s.right() && !s.declinedByVocabulary()
                    && g.confidence(s.features()) >= th).count();
            if (wrong > maxWrongRate * procedures) {
                break;
            }
            answer = t;
        }
        double clarify = answer;
        long bestCost = Long.MAX_VALUE;
        for (double t = answer; t >= 0.05; t -= STEP) {
            final double th = t;
            long cost = samples.stream().filter(s -> s.procedure() && s.rightInTop3() && g.confidence(s.features()) < th).count()
                    + samples.stream().filter(s -> !s.procedure() && !s.declinedByVocabulary()
                            && g.confidence(s.features()) >= th).count();
            if (cost < bestCost) {
                bestCost = cost;
                clarify = t;
            }
        }
        // The least coverage of a match: the highest that loses at most one in two hundred procedure questions
        // whose right procedure is among the first three.
        long procedures3 = samples.stream().filter(s -> s.procedure() && s.rightInTop3()).count();
        double minCoverage = 0;
        for (double c = 0.05; c <= 0.5; c += 0.05) {
            final double cut = c;
            long lost = samples.stream().filter(s -> s.procedure() && s.rightInTop3() && s.features()[2] < cut).count();
            if (lost > procedures3 / 200) {
                break;
            }
            minCoverage = c;
        }
        return new ConfidenceGate(g.weights(), round(answer), round(clarify), round(minCoverage));
    }

    /** The step of the thresholds tried. */
    static final double STEP = 0.005;

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
