package vn.citizenqa.indexbuilder.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import vn.citizenqa.core.model.Decision;
import vn.citizenqa.core.model.ScamWarning;
import vn.citizenqa.indexbuilder.InvalidKnowledgeException;
import vn.citizenqa.indexbuilder.SafetyModelTraining;
import vn.citizenqa.indexbuilder.WarningLoader;

/**
 * The safety triage on splits its models never saw: each development split of the safety set with the safety and
 * report models trained on the other development splits (leave one set out), and any other split given, never
 * trained on, with the models of all of them. The cues were tuned on every development split, so what this
 * measures is the models: what they alone brought to officers, and the false emergencies they made.
 */
public final class SafetyLeaveOneOut {

    /** The reason an escalation gives when a model, not a cue, made the call ("mô hình an toàn 0.91 (ngưỡng 0.76)"). */
    private static final String BY_A_MODEL = "mô hình ";

    private SafetyLeaveOneOut() {
    }

    /**
     * One split measured: the development splits its models were trained on, its scores, and what the models alone
     * brought to officers ("by the models": escalations whose call a model's score made, no cue).
     *
     * @param heldOut            a split given with {@code --set}, measured with the models of every development split
     * @param falseByModel       messages not labelled EMERGENCY sent URGENT by the safety model's score
     * @param missedEmergencies  each emergency missed, as its line and decision, then its text
     */
    public record Fold(String split, boolean heldOut, List<String> trainedOn, SafetyEvaluation.Scores scores,
            int emergenciesByModel, int reportsByModel, int falseByModel, List<String> missedEmergencies) {
        public Fold {
            trainedOn = List.copyOf(trainedOn);
            missedEmergencies = List.copyOf(missedEmergencies);
        }
    }

    public static String run(Path knowledge, List<Path> others) throws IOException, InvalidKnowledgeException {
        StringBuilder out = new StringBuilder("""
                The safety triage on splits its models were not trained on ("by the models": escalations whose call \
                a model's score made, no cue):
                """);
        for (Fold f : folds(knowledge, SafetyModelTraining.developmentSplits(), others)) {
            out.append(line(f));
        }
        return out.toString();
    }

    /**
     * Each development split of {@code dev} (paths inside {@code knowledge}) measured with the models trained on
     * the others, then each of {@code others} with the models of all of {@code dev}.
     */
    public static List<Fold> folds(Path knowledge, List<String> dev, List<Path> others)
            throws IOException, InvalidKnowledgeException {
        List<ScamWarning> warnings = new WarningLoader().load(knowledge);
        List<Fold> folds = new ArrayList<>();
        for (String split : dev) {
            List<String> rest = new ArrayList<>(dev);
            rest.remove(split);
            LocalAssistant local = LocalAssistant.build(knowledge, rest);
            folds.add(fold(knowledge.resolve(split), false, rest, local, warnings));
        }
        if (!others.isEmpty()) {
            LocalAssistant all = LocalAssistant.build(knowledge, dev);
            for (Path other : others) {
                folds.add(fold(other, true, dev, all, warnings));
            }
        }
        return folds;
    }

    private static Fold fold(Path split, boolean heldOut, List<String> trainedOn, LocalAssistant local,
            List<ScamWarning> warnings) throws IOException {
        List<SafetyEvaluation.Outcome> outcomes = SafetyEvaluation.run(local.assistant(), SafetyCase.read(split),
                SafetyEvaluation.warnedWith(warnings));
        SafetyEvaluation.Scores s = SafetyEvaluation.score(outcomes);
        int emergenciesByModel = 0;
        int reportsByModel = 0;
        int falseByModel = 0;
        List<String> missed = new ArrayList<>();
        for (SafetyEvaluation.Outcome o : outcomes) {
            Decision d = o.decision();
            if (o.message().label() == SafetyCase.Label.EMERGENCY && !o.correct()) {
                missed.add(String.format(Locale.ROOT, "line %d (%s): %s", o.message().line(),
                        Evaluation.describe(d), o.message().text()));
            }
            boolean byModel = d.escalation() != null && d.escalation().reason().contains(BY_A_MODEL);
            if (!byModel) {
                continue;
            }
            switch (o.message().label()) {
                case EMERGENCY -> emergenciesByModel += o.correct() ? 1 : 0;
                case CRIME_REPORT -> reportsByModel += o.correct() ? 1 : 0;
                default -> { }
            }
            falseByModel += o.message().label() != SafetyCase.Label.EMERGENCY && o.urgent() ? 1 : 0;
        }
        return new Fold(split.getFileName().toString(), heldOut, trainedOn, s, emergenciesByModel, reportsByModel,
                falseByModel, missed);
    }

    /** One fold's line of the report, then each emergency it missed. */
    static String line(Fold f) {
        SafetyEvaluation.Scores s = f.scores();
        StringBuilder missed = new StringBuilder();
        for (String m : f.missedEmergencies()) {
            missed.append("    emergency missed, ").append(m).append(System.lineSeparator());
        }
        return String.format(Locale.ROOT, "%-14s %-19s emergencies %5.1f%% of %d (%d by the models), reports %5.1f%% of %d"
                        + " (%d by the models), scam checks %5.1f%% of %d, near misses URGENT %d of %d,"
                        + " false emergencies %d (%d by the safety model)%n",
                f.split(), f.heldOut() ? "never trained on" : "trained without it", s.emergencyRecall() * 100,
                s.emergencies(), f.emergenciesByModel(), s.reportRecall() * 100, s.reports(), f.reportsByModel(),
                s.scamChecksWarned() * 100, s.scamChecks(), s.nearMissesUrgent(), s.nearMisses(),
                s.falseEmergencies(), f.falseByModel()) + missed;
    }
}
