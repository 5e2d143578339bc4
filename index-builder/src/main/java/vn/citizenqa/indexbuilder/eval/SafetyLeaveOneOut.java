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

    public static String run(Path knowledge, List<Path> others) throws IOException, InvalidKnowledgeException {
        List<ScamWarning> warnings = new WarningLoader().load(knowledge);
        StringBuilder out = new StringBuilder("""
                The safety triage on splits its models were not trained on ("by the models": escalations whose call \
                a model's score made, no cue):
                """);
        List<String> dev = SafetyModelTraining.developmentSplits();
        for (String split : dev) {
            List<String> rest = new ArrayList<>(dev);
            rest.remove(split);
            LocalAssistant local = LocalAssistant.build(knowledge, rest);
            out.append(line(knowledge.resolve(split), "trained without it", local, warnings));
        }
        if (!others.isEmpty()) {
            LocalAssistant all = LocalAssistant.build(knowledge);
            for (Path other : others) {
                out.append(line(other, "never trained on", all, warnings));
            }
        }
        return out.toString();
    }

    private static String line(Path split, String how, LocalAssistant local, List<ScamWarning> warnings)
            throws IOException {
        List<SafetyEvaluation.Outcome> outcomes = SafetyEvaluation.run(local.assistant(), SafetyCase.read(split),
                SafetyEvaluation.warnedWith(warnings));
        SafetyEvaluation.Scores s = SafetyEvaluation.score(outcomes);
        int emergenciesByModel = 0;
        int reportsByModel = 0;
        int falseByModel = 0;
        for (SafetyEvaluation.Outcome o : outcomes) {
            Decision d = o.decision();
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
        StringBuilder missed = new StringBuilder();
        for (SafetyEvaluation.Outcome o : outcomes) {
            if (o.message().label() == SafetyCase.Label.EMERGENCY && !o.correct()) {
                missed.append(String.format(Locale.ROOT, "    emergency missed, line %d (%s): %s%n", o.message().line(),
                        Evaluation.describe(o.decision()), o.message().text()));
            }
        }
        return String.format(Locale.ROOT, "%-14s %-19s emergencies %5.1f%% of %d (%d by the models), reports %5.1f%% of %d"
                        + " (%d by the models), scam checks %5.1f%% of %d, near misses URGENT %d of %d,"
                        + " false emergencies %d (%d by the safety model)%n",
                split.getFileName(), how, s.emergencyRecall() * 100, s.emergencies(), emergenciesByModel,
                s.reportRecall() * 100, s.reports(), reportsByModel, s.scamChecksWarned() * 100, s.scamChecks(),
                s.nearMissesUrgent(), s.nearMisses(), s.falseEmergencies(), falseByModel) + missed;
    }
}
