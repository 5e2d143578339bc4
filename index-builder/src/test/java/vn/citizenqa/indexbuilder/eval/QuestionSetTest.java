package vn.citizenqa.indexbuilder.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.text.Folding;

/** The labelled sets measure something only if they are not the knowledge base's own words. */
class QuestionSetTest {

    /** The words of a message without case, diacritics or punctuation; an emoji-only message as it is. */
    private static String key(String text) {
        String words = String.join(" ", Folding.fold(text).split("[^\\p{L}\\p{N}]+")).strip();
        return words.isEmpty() ? text.strip() : words;
    }

    @Test
    void noLabelledMessageIsASampleQuestionOfTheKnowledgeBase() {
        Set<String> samples = new HashSet<>();
        for (Procedure p : TestKnowledge.procedures()) {
            p.sampleQuestions().forEach(q -> samples.add(key(q)));
        }
        List<String> copies = new ArrayList<>();
        for (String file : List.of("questions.tsv", "holdout.tsv", REAL_DEV, REAL_HOLDOUT)) {
            for (LabelledQuestion q : TestKnowledge.questions(file)) {
                if (samples.contains(key(q.text()))) {
                    copies.add(file + ":" + q.line() + " " + q.text());
                }
            }
        }
        assertTrue(copies.isEmpty(), String.join("\n", copies));
    }

    static final String REAL_DEV = "real-style/dev.tsv";
    static final String REAL_HOLDOUT = "real-style/holdout.tsv";

    @Test
    void theRealStyleSetsShareNoMessageWithEachOtherOrTheNeatSets() {
        Set<String> seen = new HashSet<>();
        List<String> shared = new ArrayList<>();
        for (String file : List.of("questions.tsv", "holdout.tsv", REAL_DEV, REAL_HOLDOUT)) {
            for (LabelledQuestion q : TestKnowledge.questions(file)) {
                if (!seen.add(key(q.text()))) {
                    shared.add(file + ":" + q.line() + " " + q.text());
                }
            }
        }
        assertTrue(shared.isEmpty(), String.join("\n", shared));
    }

    /** Issue 14: at least 300 real-style messages, 40% over 40 words, every procedure in both splits, sources given. */
    @Test
    void theRealStyleSetIsLongStoryLikeAndCoversEveryProcedure() {
        List<LabelledQuestion> all = new ArrayList<>(TestKnowledge.questions(REAL_DEV));
        List<LabelledQuestion> holdout = TestKnowledge.questions(REAL_HOLDOUT);
        all.addAll(holdout);
        assertTrue(all.size() >= 300, all.size() + " messages");
        long longOnes = all.stream().filter(q -> Evaluation.words(q.text()) > 40).count();
        assertTrue(longOnes * 10 >= all.size() * 4 - 5, longOnes + " of " + all.size() + " over 40 words");
        assertTrue(all.stream().allMatch(q -> q.source() != null), "every message names its source");
        assertTrue(all.stream().anyMatch(q -> !q.source().equals(LabelledQuestion.WRITTEN)), "some are real");
        assertTrue(holdout.size() * 10 >= all.size() * 3, "a held-out split of about 40%: " + holdout.size());
        for (List<LabelledQuestion> split : List.of(TestKnowledge.questions(REAL_DEV), holdout)) {
            Set<String> missing = new HashSet<>(TestKnowledge.ids());
            split.forEach(q -> missing.remove(q.label()));
            assertTrue(missing.isEmpty(), "no real-style question for " + missing);
        }
    }

    @Test
    void theHeldOutSetSharesNoMessageWithTheDevelopmentSet() {
        Set<String> dev = new HashSet<>();
        TestKnowledge.questions("questions.tsv").forEach(q -> dev.add(key(q.text())));
        List<String> shared = TestKnowledge.questions("holdout.tsv").stream()
                .filter(q -> dev.contains(key(q.text()))).map(LabelledQuestion::text).toList();
        assertTrue(shared.isEmpty(), String.join("\n", shared));
    }

    @Test
    void theDevelopmentSetCoversEveryProcedureAndEveryIntent() {
        Set<String> labels = new HashSet<>();
        TestKnowledge.questions("questions.tsv").forEach(q -> labels.add(q.label()));
        Set<String> missing = new HashSet<>(TestKnowledge.ids());
        missing.addAll(LabelledQuestion.INTENTS);
        missing.removeAll(labels);
        assertTrue(missing.isEmpty(), "no question for " + missing);
    }

    @Test
    void atLeastAThirdIsTypedWithoutDiacritics() {
        List<LabelledQuestion> dev = TestKnowledge.questions("questions.tsv");
        long bare = dev.stream().filter(q -> !Folding.hasDiacritics(q.text())).count();
        assertTrue(bare * 3 >= dev.size(), bare + " of " + dev.size());
    }
}
