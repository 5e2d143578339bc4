package vn.citizenqa.indexbuilder.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class CrossValidationTest {

    @Test
    void everyMessageIsInOneFoldAndTheFoldsAreEvenAndTheSameOnEveryRun() {
        int[] folds = CrossValidation.folds(1094, CrossValidation.FOLDS);
        assertArrayEquals(folds, CrossValidation.folds(1094, CrossValidation.FOLDS));
        int[] sizes = new int[CrossValidation.FOLDS];
        for (int f : folds) {
            assertTrue(f >= 0 && f < CrossValidation.FOLDS, "fold " + f);
            sizes[f]++;
        }
        assertEquals(1094, Arrays.stream(sizes).sum());
        int min = Arrays.stream(sizes).min().orElseThrow();
        int max = Arrays.stream(sizes).max().orElseThrow();
        assertTrue(max - min <= 1, Arrays.toString(sizes));
    }

    @Test
    void theFoldsAreShuffledNotCutInRuns() {
        // A set's messages come grouped by procedure: folds cut in runs would hold out whole procedures.
        int[] folds = CrossValidation.folds(100, CrossValidation.FOLDS);
        int sameAsNext = 0;
        for (int i = 0; i + 1 < folds.length; i++) {
            sameAsNext += folds[i] == folds[i + 1] ? 1 : 0;
        }
        assertTrue(sameAsNext < 50, "neighbours in the same fold: " + sameAsNext);
    }
}
