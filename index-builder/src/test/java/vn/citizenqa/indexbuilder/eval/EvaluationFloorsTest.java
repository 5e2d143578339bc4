package vn.citizenqa.indexbuilder.eval;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.Assistant;

/**
 * The floors of issue 3 on the development set, and a looser sanity floor on the held-out set (never tuned
 * against; its real figures are in the README).
 */
class EvaluationFloorsTest {

    private static Evaluation.Scores scores(Assistant assistant, String file) {
        return Evaluation.score(Evaluation.run(assistant, TestKnowledge.questions(file)));
    }

    private static String report(String file) {
        return Evaluation.report(file, Evaluation.run(TestKnowledge.assistant(), TestKnowledge.questions(file)), null);
    }

    @Test
    void theDevelopmentSetMeetsTheFloors() {
        Evaluation.Scores s = scores(TestKnowledge.assistant(), "questions.tsv");
        String report = report("questions.tsv");
        assertAll(
                () -> assertTrue(s.top1() >= 0.95, "top-1 " + s.top1() + "\n" + report),
                () -> assertTrue(s.wrongAnswerRate() <= 0.02, "wrong answers " + s.wrongAnswerRate() + "\n" + report),
                () -> assertTrue(s.emergencyRecall() == 1.0, "emergency recall " + s.emergencyRecall() + "\n" + report),
                () -> assertTrue(s.crimeReportRecall() >= 0.95, "crime-report recall " + s.crimeReportRecall() + "\n" + report),
                () -> assertTrue(s.outOfScopeRejection() >= 0.95, "out of scope " + s.outOfScopeRejection() + "\n" + report),
                () -> assertTrue(s.smallTalkAccuracy() >= 0.9, "small talk " + s.smallTalkAccuracy() + "\n" + report));
    }

    @Test
    void theAnalysisClearlyBeatsAPlainStandardAnalyzerBaseline() {
        Assistant ours = TestKnowledge.assistant();
        Assistant plain = ours.with(new PlainSearch(TestKnowledge.procedures(), ours.searcher()), PlainSearch.MARGIN_GATE);
        for (String file : List.of("questions.tsv", "holdout.tsv")) {
            Evaluation.Scores a = scores(ours, file);
            Evaluation.Scores b = scores(plain, file);
            assertTrue(a.top1() - b.top1() >= 0.10, file + ": top-1 " + a.top1() + " vs baseline " + b.top1());
            assertTrue(a.wrongAnswerRate() < b.wrongAnswerRate(), file + ": wrong answers " + a.wrongAnswerRate()
                    + " vs baseline " + b.wrongAnswerRate());
        }
    }

    @Test
    void theHeldOutSetPassesASanityFloor() {
        Evaluation.Scores s = scores(TestKnowledge.assistant(), "holdout.tsv");
        String report = report("holdout.tsv");
        assertAll(
                () -> assertTrue(s.top1() >= 0.85, "top-1 " + s.top1() + "\n" + report),
                () -> assertTrue(s.wrongAnswerRate() <= 0.03, "wrong answers " + s.wrongAnswerRate() + "\n" + report),
                () -> assertTrue(s.emergencyRecall() >= 0.8, "emergency recall " + s.emergencyRecall() + "\n" + report),
                () -> assertTrue(s.crimeReportRecall() >= 0.8, "crime-report recall " + s.crimeReportRecall() + "\n" + report),
                () -> assertTrue(s.outOfScopeRejection() >= 0.9, "out of scope " + s.outOfScopeRejection() + "\n" + report));
    }

    /** Issue 14 on the real-style development split (long, story-like, several questions): what it was fitted on. */
    @Test
    void theRealStyleDevelopmentSplitMeetsItsFloors() {
        Evaluation.Scores s = scores(TestKnowledge.assistant(), QuestionSetTest.REAL_DEV);
        String report = report(QuestionSetTest.REAL_DEV);
        assertAll(
                () -> assertTrue(s.top1() >= 0.85, "top-1 " + s.top1() + "\n" + report),
                // 0.60: 61.9% since another agency's word beside a police procedure named in full is context and the
                // story weighs 0.6 (12/2026).
                () -> assertTrue(s.answeredRight() >= 0.60, "answered right " + s.answeredRight() + "\n" + report),
                () -> assertTrue(s.rightOffered() >= 0.93, "right answered or offered " + s.rightOffered() + "\n" + report),
                () -> assertTrue(s.wrongAnswerRate() <= 0.01, "wrong answers " + s.wrongAnswerRate() + "\n" + report),
                () -> assertTrue(s.smallTalkAccuracy() >= 0.9, "thank-you messages " + s.smallTalkAccuracy() + "\n" + report),
                () -> assertTrue(s.outOfScopeRejection() >= 0.95, "out of scope " + s.outOfScopeRejection() + "\n" + report));
    }

    /** A looser sanity floor on the real-style held-out split, never tuned on (its figures are in the README). */
    @Test
    void theRealStyleHeldOutSplitPassesASanityFloor() {
        Evaluation.Scores s = scores(TestKnowledge.assistant(), QuestionSetTest.REAL_HOLDOUT);
        String report = report(QuestionSetTest.REAL_HOLDOUT);
        assertAll(
                () -> assertTrue(s.top1() >= 0.85, "top-1 " + s.top1() + "\n" + report),
                () -> assertTrue(s.answeredRight() >= 0.62, "answered right " + s.answeredRight() + "\n" + report),
                () -> assertTrue(s.rightOffered() >= 0.9, "right answered or offered " + s.rightOffered() + "\n" + report),
                () -> assertTrue(s.wrongAnswerRate() <= 0.02, "wrong answers " + s.wrongAnswerRate() + "\n" + report));
    }
}
