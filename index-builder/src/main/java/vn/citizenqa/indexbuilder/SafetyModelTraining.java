package vn.citizenqa.indexbuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.apache.lucene.analysis.Analyzer;

import vn.citizenqa.core.analysis.Lexicon;
import vn.citizenqa.core.analysis.TokenGraph;
import vn.citizenqa.core.analysis.VietnameseAnalysis;
import vn.citizenqa.core.knowledge.KnowledgeFiles;
import vn.citizenqa.core.triage.SafetyModel;
import vn.citizenqa.indexbuilder.eval.SafetyCase;

/**
 * Trains the safety model at build time from the development splits of the labelled safety set
 * ({@code eval/safety/dev.tsv}, {@code dev2.tsv}, {@code dev3.tsv}, {@code dev4.tsv},
 * {@code dev5.tsv}, {@code dev6.tsv}, {@code dev7.tsv}, {@code dev8.tsv}) and the procedure questions of {@code eval/questions.tsv}
 * (more everyday non-emergencies). The files are named, never found by listing the folder, so a held-out split
 * ({@code holdout*.tsv}) is never read, and naming one is refused. Deterministic: the same knowledge gives the same model.
 *
 * <p>The threshold is chosen on out-of-fold scores (each message scored by a model trained without it): as low
 * as it can go while flagging few ordinary messages, because the model speaks only where no cue did.
 */
public final class SafetyModelTraining {

    static final List<String> SAFETY_DEV = List.of("eval/safety/dev.tsv", "eval/safety/dev2.tsv", "eval/safety/dev3.tsv",
            "eval/safety/dev4.tsv", "eval/safety/dev5.tsv",
            "eval/safety/dev6.tsv", "eval/safety/dev7.tsv", "eval/safety/dev8.tsv");
    static final String QUESTIONS = "eval/questions.tsv";
    static final int BUCKETS = 1 << 14;
    private static final int EPOCHS = 60;
    private static final double LEARNING_RATE = 0.2;
    private static final double L2 = 1e-4;
    /** Emergencies are few and a miss is the costly error: each counts this many times. */
    private static final double POSITIVE_WEIGHT = 3;
    private static final int FOLDS = 5;
    /** Never flag on less than this: a message the model knows nothing about scores near the prior. */
    private static final double FLOOR = 0.3;

    /** One training message: its features and whether it is of the model's kind. */
    record Example(int[] features, boolean emergency, String text) {
    }

    /** What a model is trained to recognise. */
    public enum Target {
        /** danger now: the safety model ({@link SafetyModel#FILE}); one everyday message in 50 may be flagged */
        EMERGENCY(50),
        /**
         * a message for officers, a crime, harassment or a scam suffered, or an emergency
         * ({@link SafetyModel#REPORT_FILE}); a report costs an officer a look, not a life: one in 100
         */
        REPORT(100);

        /** Out of fold, at most one message in this many that is not of the kind may be flagged. */
        final int falseAlarmsPer;

        Target(int falseAlarmsPer) {
            this.falseAlarmsPer = falseAlarmsPer;
        }

        boolean positive(SafetyCase.Label label) {
            return label == SafetyCase.Label.EMERGENCY || (this == REPORT && label == SafetyCase.Label.CRIME_REPORT);
        }

        /** For a line of questions.tsv, labelled with a procedure id or an intent. */
        boolean positive(String label) {
            return label.equals("EMERGENCY") || (this == REPORT && label.equals("CRIME_REPORT"));
        }
    }

    /** The model and how it was chosen, for the build log. */
    public record Trained(SafetyModel model, int examples, int emergencies, int outOfFoldCaught,
            int outOfFoldFlaggedNonEmergencies) {

        public String summary() {
            return String.format(Locale.ROOT, "%d messages (%d emergencies); threshold %.3f; out of fold, alone, it"
                    + " flags %d of the emergencies and %d of the %d other messages", examples, emergencies,
                    model.threshold(), outOfFoldCaught, outOfFoldFlaggedNonEmergencies, examples - emergencies);
        }
    }

    private SafetyModelTraining() {
    }

    public static Trained train(Path knowledgeDir) throws IOException {
        return train(knowledgeDir, Target.EMERGENCY);
    }

    public static Trained train(Path knowledgeDir, Target target) throws IOException {
        return train(knowledgeDir, target, SAFETY_DEV);
    }

    /** The development splits trained on, in order. */
    public static List<String> developmentSplits() {
        return SAFETY_DEV;
    }

    /** Trains on the named splits of the safety set; a held-out split among them is refused. */
    public static Trained train(Path knowledgeDir, Target target, List<String> splits) throws IOException {
        for (String split : splits) {
            if (heldOut(split)) {
                throw new IllegalArgumentException("the safety model never trains on a held-out split: " + split);
            }
        }
        Lexicon lexicon = Lexicon.load(KnowledgeFiles.directory(knowledgeDir));
        Analyzer analyzer = VietnameseAnalysis.queryAnalyzer(lexicon);
        List<Example> examples = new ArrayList<>();
        for (String split : splits) {
            for (SafetyCase c : SafetyCase.read(knowledgeDir.resolve(split))) {
                examples.add(example(analyzer, c.text(), target.positive(c.label())));
            }
        }
        Path questions = knowledgeDir.resolve(QUESTIONS);
        if (Files.exists(questions)) {
            List<String> lines = Files.readAllLines(questions, StandardCharsets.UTF_8);
            for (int i = 1; i < lines.size(); i++) {
                int tab = lines.get(i).indexOf('\t');
                if (tab > 0) {
                    examples.add(example(analyzer, lines.get(i).substring(tab + 1),
                            target.positive(lines.get(i).substring(0, tab))));
                }
            }
        }
        return train(examples, target.falseAlarmsPer);
    }

    /** Whether a split of the safety set is held out ({@code holdout2.tsv}, {@code holdout3.tsv}…). */
    static boolean heldOut(String split) {
        return Path.of(split).getFileName().toString().startsWith("holdout");
    }

    static Trained train(List<Example> examples) {
        return train(examples, Target.EMERGENCY.falseAlarmsPer);
    }

    /** @param falseAlarmsPer out of fold, at most one message in this many not of the kind may be flagged */
    static Trained train(List<Example> examples, int falseAlarmsPer) {
        double[] oof = new double[examples.size()];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Example> in = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (i % FOLDS != fold) {
                    in.add(examples.get(i));
                }
            }
            Fit fit = fit(in);
            for (int i = fold; i < examples.size(); i += FOLDS) {
                oof[i] = fit.score(examples.get(i).features());
            }
        }
        // The threshold: at most one everyday message in falseAlarmsPer flagged out of fold. The model only
        // speaks where no cue did, so its recall is measured on what the cues miss (see evaluate-safety).
        List<Double> ordinary = new ArrayList<>();
        int emergencies = 0;
        for (int i = 0; i < examples.size(); i++) {
            if (examples.get(i).emergency()) {
                emergencies++;
            } else {
                ordinary.add(oof[i]);
            }
        }
        ordinary.sort(null);
        int allowed = ordinary.size() / falseAlarmsPer;
        double threshold = Math.max(FLOOR, ordinary.isEmpty() ? FLOOR : ordinary.get(ordinary.size() - 1 - allowed));
        int caught = 0;
        int flagged = 0;
        for (int i = 0; i < examples.size(); i++) {
            boolean flags = oof[i] >= threshold;
            if (examples.get(i).emergency()) {
                caught += flags ? 1 : 0;
            } else {
                flagged += flags ? 1 : 0;
            }
        }
        Fit all = fit(examples);
        float[] weights = new float[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            weights[i] = (float) all.weights[i];
        }
        return new Trained(new SafetyModel(BUCKETS, all.bias, threshold, weights), examples.size(), emergencies,
                caught, flagged);
    }

    static Example example(Analyzer analyzer, String text, boolean emergency) {
        return new Example(SafetyModel.features(TokenGraph.analyze(analyzer, text), BUCKETS), emergency, text);
    }

    /** Weights by stochastic gradient descent on the weighted log loss, in a fixed shuffled order. */
    private static Fit fit(List<Example> examples) {
        double[] w = new double[BUCKETS];
        double bias = 0;
        Random random = new Random(15);
        int[] order = new int[examples.size()];
        Arrays.setAll(order, i -> i);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double rate = LEARNING_RATE / (1 + epoch * 0.05);
            for (int k : order) {
                Example e = examples.get(k);
                double z = bias;
                for (int f : e.features()) {
                    z += w[f];
                }
                double p = 1 / (1 + Math.exp(-z));
                double gradient = (p - (e.emergency() ? 1 : 0)) * (e.emergency() ? POSITIVE_WEIGHT : 1);
                bias -= rate * gradient;
                for (int f : e.features()) {
                    w[f] -= rate * (gradient + L2 * w[f]);
                }
            }
        }
        return new Fit(w, bias);
    }

    private record Fit(double[] weights, double bias) {
        double score(int[] features) {
            double z = bias;
            for (int f : features) {
                z += weights[f];
            }
            return 1 / (1 + Math.exp(-z));
        }
    }
}
