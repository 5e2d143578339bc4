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
import vn.citizenqa.indexbuilder.eval.CrossValidation;
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
        return safety(knowledge, setFile, false);
    }

    /**
     * @param typedBare evaluate the set's messages that have diacritics as typed without them (the others are left
     *                  out: typed bare already, they are the set's own figures)
     */
    static String safety(Path knowledge, Path setFile, boolean typedBare) throws IOException, InvalidKnowledgeException {
        LocalAssistant local = LocalAssistant.build(knowledge);
        List<SafetyCase> cases = SafetyCase.read(setFile);
        if (typedBare) {
            cases = cases.stream().filter(SafetyCase::accented).map(SafetyCase::typedBare).toList();
        }
        List<SafetyEvaluation.Outcome> outcomes = SafetyEvaluation.run(local.assistant(), cases,
                SafetyEvaluation.warnedWith(new WarningLoader().load(knowledge)));
        return SafetyEvaluation.report(setFile.getFileName() + (typedBare ? ", typed without diacritics" : "") + ": "
                + cases.size() + " messages", outcomes);
    }

    static String run(Path knowledge, Path questionsFile, boolean baseline, boolean calibrate)
            throws IOException, InvalidKnowledgeException {
        return run(knowledge, questionsFile, baseline, calibrate, false);
    }

    /**
     * @param crossValidate choose the calibration's parameters by cross-validation (their out-of-fold figures, per
     *                      set and per length, are printed), then calibrate on all the sets with them
     */
    static String run(Path knowledge, Path questionsFile, boolean baseline, boolean calibrate, boolean crossValidate)
            throws IOException, InvalidKnowledgeException {
        LocalAssistant local = LocalAssistant.build(knowledge);
        Set<String> ids = local.procedures().stream().map(Procedure::id).collect(Collectors.toSet());
        // Several sets may be given, separated by commas: the gate is fitted on their union (issue 14: the neat
        // development set and the real-style development splits together).
        List<LabelledQuestion> questions = new java.util.ArrayList<>();
        List<String> setOf = new java.util.ArrayList<>();
        for (String part : questionsFile.toString().split(",")) {
            List<LabelledQuestion> set = LabelledQuestion.read(Path.of(part.strip()), ids);
            questions.addAll(set);
            set.forEach(q -> setOf.add(part.strip()));
        }
        Assistant assistant = local.assistant();
        StringBuilder out = new StringBuilder();
        double target = WRONG_ANSWER_TARGET;
        double l2 = Calibration.DEFAULT_L2;
        if (crossValidate) {
            out.append("cross-validation, ").append(CrossValidation.FOLDS).append(" folds over ").append(questions.size())
                    .append(" messages; the calibration's parameters tried:\n");
            // The real-style messages (those with a source) are where a gate fitted on everything failed.
            CrossValidation.Run chosen = CrossValidation.choose(assistant, questions, WRONG_ANSWER_TARGET,
                    q -> q.source() != null, out);
            target = chosen.target();
            l2 = chosen.l2();
            out.append(String.format(Locale.ROOT, "chosen: aim %.4f, l2 %.3f%n%n", target, l2));
            out.append(Evaluation.figures("out of fold, all sets", chosen.outcomes(), null)).append('\n');
            for (String set : new java.util.LinkedHashSet<>(setOf)) {
                List<Evaluation.Outcome> mine = new java.util.ArrayList<>();
                for (int i = 0; i < questions.size(); i++) {
                    if (setOf.get(i).equals(set)) {
                        mine.add(chosen.outcomes().get(i));
                    }
                }
                out.append(Evaluation.figures("out of fold, " + set, mine, null)).append('\n');
            }
            out.append("wrong automatic answers out of fold:\n");
            for (int i = 0; i < questions.size(); i++) {
                Evaluation.Outcome o = chosen.outcomes().get(i);
                if (o.question().isProcedure() && o.decision().action() == vn.citizenqa.core.model.Action.ANSWER
                        && !o.correct()) {
                    out.append(String.format("  %s:%d  expected %s  got %s%n      %s%n", setOf.get(i), o.question().line(),
                            o.question().label(), o.returned(), o.question().text()));
                }
            }
            out.append('\n');
        }
        if (calibrate || crossValidate) {
            ConfidenceGate gate = Calibration.calibrate(Calibration.samples(assistant, questions), target, l2);
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
