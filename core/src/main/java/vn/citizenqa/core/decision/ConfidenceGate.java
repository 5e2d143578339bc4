package vn.citizenqa.core.decision;

import vn.citizenqa.core.search.SearchHit;
import vn.citizenqa.core.search.SearchResult;

/**
 * How sure the search is that its first procedure is the one meant, as a probability in [0,1]: a logistic
 * model over features of the search, fitted on the development material with the parameters chosen by
 * cross-validation, so that wrong answers stay within 1% on messages it was not fitted on ({@code index-builder
 * evaluate --cross-validate}, which prints these coefficients). Above {@link #answer} the assistant answers;
 * between {@link #clarify} and it, it offers the candidates; below, it declines or escalates.
 *
 * <p>The features: the margin between the first and second scores, the share of the message's words the
 * first procedure has (plain and weighted by rarity), the first score per meaningful word (log), the
 * share of words nobody knows, how short the message is, whether it was typed with diacritics, and how much
 * of the first procedure's name (title or alias) the message says, and how much more of what is asked the first
 * procedure has than the other candidates ({@link #coverageLead}), and how alike the titles of the first two
 * procedures are ({@link TitleLikeness}: a lead over a sibling, "đăng ký thường trú" over "xóa đăng ký thường trú",
 * is worth less than the same lead over an unrelated procedure). The message's words are those of what it
 * asks (its story, greeting and names are context, see {@code MessageStructure}), so a long message whose
 * question is clear reads like the question alone.
 *
 * <p>Below {@link #minCoverage} of the message's words (weighted by rarity) the first procedure is no match
 * at all, whatever the model says: the message is about something the knowledge base does not hold.
 */
public record ConfidenceGate(double[] weights, double answer, double clarify, double minCoverage) {

    /** Names of the features, in the order of {@link #features}; the intercept comes first in the weights. */
    public static final String[] FEATURES = {"margin", "coverage", "weightedCoverage", "logScorePerWord", "unknownShare", "shortness",
        "diacritics", "named", "coverageLead", "siblings"};

    /**
     * The gate of 2 December. The coverage lead and the siblings' likeness weigh nothing yet: a gate refitted with
     * them answers more out of fold (docs/measurements.md, 3 December), but its thresholds moved what the decision
     * ties to them (out-of-scope messages offered instead of declined, a debt-collection report read as a question).
     */
    public static final ConfidenceGate DEFAULT = new ConfidenceGate(
            new double[] {-6.025, 1.860, 1.692, 0.547, 1.584, -0.036, -2.180, -0.876, 1.955, 0, 0},
            0.905, 0.115, 0.15);

    public ConfidenceGate {
        if (weights.length != FEATURES.length + 1) {
            throw new IllegalArgumentException("expected " + (FEATURES.length + 1) + " weights");
        }
        weights = weights.clone();
    }

    /** A confidence as reported: to three decimals. */
    public static double rounded(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** The features of a search result (all zero when nothing was found). */
    public static double[] features(SearchResult r) {
        double[] f = new double[FEATURES.length];
        if (r.isEmpty() || r.meaningfulWords() == 0) {
            return f;
        }
        SearchHit first = r.hits().getFirst();
        double second = r.hits().size() > 1 ? r.hits().get(1).score() : 0;
        f[0] = first.score() <= 0 ? 0 : (first.score() - second) / first.score();
        f[1] = first.coverage();
        f[2] = first.weightedCoverage();
        f[3] = Math.log1p(first.score() / r.meaningfulWords());
        f[4] = r.unknownWords() / (double) r.meaningfulWords();
        f[5] = 1.0 / r.meaningfulWords();
        f[6] = r.diacritics() ? 1 : 0;
        f[7] = first.named();
        f[8] = coverageLead(r);
        f[9] = r.hits().size() > 1 ? TitleLikeness.of(first.procedure(), r.hits().get(1).procedure()) : 0;
        return f;
    }

    /**
     * How much more of what is asked (weighted by rarity) the first procedure has than the best of the other
     * candidates. A long question's coverage is low for every procedure (it says more than any procedure's
     * words: "bao nhiêu tuổi mới điều khiển được xe 50cc… có bị liên đới trách nhiệm gì không"), so the share
     * alone reads it as a poor match; the lead over the others does not depend on how much the citizen wrote.
     */
    public static double coverageLead(SearchResult r) {
        if (r.isEmpty()) {
            return 0;
        }
        double others = 0;
        for (SearchHit h : r.hits().subList(1, r.hits().size())) {
            others = Math.max(others, h.weightedCoverage());
        }
        return r.hits().getFirst().weightedCoverage() - others;
    }

    public double confidence(SearchResult r) {
        if (r.isEmpty()) {
            return 0;
        }
        double[] f = features(r);
        return f[2] < minCoverage ? 0 : confidence(f);
    }

    public double confidence(double[] features) {
        double z = weights[0];
        for (int i = 0; i < features.length; i++) {
            z += weights[i + 1] * features[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    public ConfidenceGate withThresholds(double answer, double clarify) {
        return new ConfidenceGate(weights, answer, clarify, minCoverage);
    }

    /**
     * The confidence above which the search is sure enough of a procedure question for it to outweigh an emergency
     * or scam word ("chặn đường xe cấp cứu có bị phạt không"): never below {@link #SURE}, the level the safety
     * triage was measured against, so refitting the answer threshold does not move what counts as danger.
     */
    public double sure() {
        return Math.max(answer, SURE);
    }

    /** See {@link #sure()}. */
    public static final double SURE = 0.92;

    /**
     * The confidence above which a question with a crime word is taken as a procedure question rather than
     * a report ("bị giật ví mất bằng lái, làm lại thế nào?"): halfway between the two thresholds.
     */
    public double reportOverride() {
        return (answer + clarify) / 2;
    }
}
