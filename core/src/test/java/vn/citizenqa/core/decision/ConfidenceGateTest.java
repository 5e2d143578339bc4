package vn.citizenqa.core.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.search.SearchResult;

class ConfidenceGateTest {

    private static final ConfidenceGate GATE = ConfidenceGate.DEFAULT;

    private static double[] features(double margin, double coverage) {
        return new double[] {margin, coverage, coverage, 2.5, 0, 0.2, 1};
    }

    @Test
    void nothingFoundIsNoConfidence() {
        assertEquals(0, GATE.confidence(SearchResult.EMPTY));
    }

    @Test
    void confidenceIsAProbability() {
        for (double m = 0; m <= 1; m += 0.25) {
            for (double c = 0; c <= 1; c += 0.25) {
                double p = GATE.confidence(features(m, c));
                assertTrue(p >= 0 && p <= 1, p + "");
            }
        }
    }

    @Test
    void aClearerLeadAndAFullerMatchAreMoreConfident() {
        assertTrue(GATE.confidence(features(0.6, 0.8)) > GATE.confidence(features(0.1, 0.8)));
        assertTrue(GATE.confidence(features(0.4, 1.0)) > GATE.confidence(features(0.4, 0.3)));
    }

    @Test
    void aMatchCoveringTooLittleOfTheMessageIsNoMatch() {
        ConfidenceGate gate = new ConfidenceGate(new double[] {10, 0, 0, 0, 0, 0, 0, 0, 0}, 0.9, 0.1, 0.2);
        assertTrue(gate.confidence(features(0.5, 1.0)) > 0.99, "the model alone is sure");
        assertEquals(0, gate.confidence(result(0.1)), "but a tenth of the message is too little");
        assertTrue(gate.confidence(result(0.5)) > 0.99);
    }

    private static SearchResult result(double weightedCoverage) {
        vn.citizenqa.core.model.Procedure p = new vn.citizenqa.core.model.Procedure("x", "X", null, null,
                vn.citizenqa.core.model.Category.RESIDENCE, null, null, List.of(), List.of(), null, null,
                new vn.citizenqa.core.model.OnlineService(vn.citizenqa.core.model.OnlineService.Availability.NONE, List.of(), null),
                List.of(), null, null, List.of(), List.of(), null);
        return new SearchResult(List.of(new vn.citizenqa.core.search.SearchHit(p, 10f, weightedCoverage, weightedCoverage)), 4, 0,
                true);
    }

    @Test
    void thresholdsAreOrdered() {
        assertTrue(GATE.clarify() < GATE.reportOverride());
        assertTrue(GATE.reportOverride() < GATE.answer());
        assertTrue(GATE.answer() <= 1);
    }
}
