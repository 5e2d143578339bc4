package vn.citizenqa.indexbuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import vn.citizenqa.core.Assistant;
import vn.citizenqa.core.decision.ConfidenceGate;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.indexbuilder.eval.Calibration;
import vn.citizenqa.indexbuilder.eval.Evaluation;
import vn.citizenqa.indexbuilder.eval.LabelledQuestion;
import vn.citizenqa.indexbuilder.eval.LocalAssistant;
import vn.citizenqa.indexbuilder.eval.PlainSearch;
import vn.citizenqa.indexbuilder.eval.SafetyCase;
import vn.citizenqa.indexbuilder.eval.SafetyEvaluation;
import vn.citizenqa.indexbuilder.eval.Tuning;
import vn.citizenqa.core.search.ProcedureSearcher;

/** {@code evaluate}: the figures of a labelled question set, ours and the plain baseline's, and the misses. */
final class EvaluateCommand {

    /** The target rate of wrong answers the calibration keeps under (the floor is 2%). */
    static final double WRONG_ANSWER_TARGET = 0.01;

    private EvaluateCommand() {
    }

    static String tune(Path knowledge, Path questionsFile) throws IOException, InvalidKnowledgeException {
        LocalAssistant local = LocalAssistant.build(knowledge);
        Set<String> ids = local.procedures().stream().map(Procedure::id).collect(Collectors.toSet());
        StringBuilder log = new StringBuilder();
        Tuning.tune((ProcedureSearcher) local.assistant().searcher(), LabelledQuestion.read(questionsFile, ids), log);
        return log.toString();
    }

    /** {@code evaluate-safety}: the figures of a labelled safety set, every false emergency and every miss. */
    static String safety(Path knowledge, Path setFile) throws IOException, InvalidKnowledgeException {
        LocalAssistant local = LocalAssistant.build(knowledge);
        List<SafetyCase> cases = SafetyCase.read(setFile);
        List<SafetyEvaluation.Outcome> outcomes = SafetyEvaluation.run(local.assistant(), cases,
                SafetyEvaluation.warnedWith(new WarningLoader().load(knowledge)));
        return SafetyEvaluation.report(setFile.getFileName() + ": " + cases.size() + " messages", outcomes);
    }

    static String run(Path knowledge, Path questionsFile, boolean baseline, boolean calibrate)
            throws IOException, InvalidKnowledgeException {
        LocalAssistant local = LocalAssistant.build(knowledge);
        Set<String> ids = local.procedures().stream().map(Procedure::id).collect(Collectors.toSet());
        // Several sets may be given, separated by commas: the gate is fitted on their union (issue 14: the neat
        // development set and the real-style development split together).
        List<LabelledQuestion> questions = new java.util.ArrayList<>();
        for (String part : questionsFile.toString().split(",")) {
            questions.addAll(LabelledQuestion.read(Path.of(part.strip()), ids));
        }
        Assistant assistant = local.assistant();
        StringBuilder out = new StringBuilder();
        if (calibrate) {
            ConfidenceGate gate = Calibration.calibrate(Calibration.samples(assistant, questions), WRONG_ANSWER_TARGET);
            out.append("calibrated gate (paste into ConfidenceGate.DEFAULT):\n  new double[] {")
                    .append(Arrays.stream(gate.weights()).mapToObj(w -> String.format(Locale.ROOT, "%.3f", w))
                            .collect(Collectors.joining(", ")))
                    .append("}, ").append(gate.answer()).append(", ").append(gate.clarify()).append(", ")
                    .append(gate.minCoverage()).append("\n\n");
            assistant = assistant.with(assistant.searcher(), gate);
        }
        List<Evaluation.Outcome> ours = Evaluation.run(assistant, questions);
        List<Evaluation.Outcome> plain = null;
        if (baseline) {
            PlainSearch search = new PlainSearch(local.procedures(), assistant.searcher());
            plain = Evaluation.run(assistant.with(search, PlainSearch.MARGIN_GATE), questions);
        }
        out.append(Evaluation.report(questionsFile + ": " + questions.size() + " messages, "
                + local.procedures().size() + " procedures", ours, plain));
        return out.toString();
    }
}
