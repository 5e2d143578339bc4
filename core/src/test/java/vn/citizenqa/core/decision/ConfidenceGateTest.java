package vn.citizenqa.core.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.search.SearchHit;
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
        ConfidenceGate gate = new ConfidenceGate(new double[] {10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 0.9, 0.1, 0.2);
        assertTrue(gate.confidence(features(0.5, 1.0)) > 0.99, "the model alone is sure");
        assertEquals(0, gate.confidence(result(0.1)), "but a tenth of the message is too little");
        assertTrue(gate.confidence(result(0.5)) > 0.99);
    }

    private static SearchResult result(double weightedCoverage) {
        return new SearchResult(List.of(new SearchHit(procedure("x"), 10f, weightedCoverage, weightedCoverage)), 4, 0,
                true);
    }

    private static vn.citizenqa.core.model.Procedure procedure(String id) {
        return new vn.citizenqa.core.model.Procedure(id, id.toUpperCase(), null, null,
                vn.citizenqa.core.model.Category.RESIDENCE, null, null, List.of(), List.of(), null, null,
                new vn.citizenqa.core.model.OnlineService(vn.citizenqa.core.model.OnlineService.Availability.NONE, List.of(), null),
                List.of(), null, null, List.of(), List.of(), null);
    }

    /** Candidates with these weighted coverages, best score first, over a long question (40 words asked). */
    private static SearchResult longQuestion(double... weightedCoverages) {
        List<SearchHit> hits = new java.util.ArrayList<>();
        for (int i = 0; i < weightedCoverages.length; i++) {
            hits.add(new SearchHit(procedure("p" + i), 100f - 10 * i, weightedCoverages[i], weightedCoverages[i], 1.0));
        }
        return new SearchResult(hits, 40, 0, true);
    }

    @Test
    void theCoverageLeadIsWhatTheFirstHasOfTheQuestionBeyondTheBestOtherCandidate() {
        assertEquals(0.3, ConfidenceGate.coverageLead(longQuestion(0.5, 0.2, 0.1)), 1e-9);
        assertEquals(0.5, ConfidenceGate.coverageLead(longQuestion(0.5)), 1e-9, "alone, it leads by all it has");
        assertEquals(-0.2, ConfidenceGate.coverageLead(longQuestion(0.4, 0.3, 0.6)), 1e-9,
                "the third has more of the question than the first");
        assertEquals(0, ConfidenceGate.coverageLead(SearchResult.EMPTY));
        assertEquals(ConfidenceGate.coverageLead(longQuestion(0.5, 0.2)),
                ConfidenceGate.features(longQuestion(0.5, 0.2))[8], 1e-9);
    }

    @Test
    void theSiblingsFeatureIsHowAlikeTheFirstTwoTitlesAre() {
        SearchResult r = new SearchResult(List.of(new SearchHit(titled("Đăng ký thường trú"), 100f, 0.5, 0.5, 1.0),
                new SearchHit(titled("Xóa đăng ký thường trú"), 90f, 0.5, 0.5, 1.0)), 10, 0, true);
        assertEquals(0.8, ConfidenceGate.features(r)[9], 1e-9);
        assertEquals(0, ConfidenceGate.features(longQuestion(0.5))[9], "no second procedure, no sibling");
    }

    private static vn.citizenqa.core.model.Procedure titled(String title) {
        return new vn.citizenqa.core.model.Procedure("x", title, null, null,
                vn.citizenqa.core.model.Category.RESIDENCE, null, null, List.of(), List.of(), null, null,
                new vn.citizenqa.core.model.OnlineService(vn.citizenqa.core.model.OnlineService.Availability.NONE, List.of(), null),
                List.of(), null, null, List.of(), List.of(), null);
    }

    @Test
    void thresholdsAreOrdered() {
        assertTrue(GATE.clarify() < GATE.reportOverride());
        assertTrue(GATE.reportOverride() < GATE.answer());
        assertTrue(GATE.answer() <= 1);
    }
}
