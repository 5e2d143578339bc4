package vn.citizenqa.core.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.model.Category;
import vn.citizenqa.core.model.OnlineService;
import vn.citizenqa.core.model.Penalty;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.search.SearchHit;
import vn.citizenqa.core.search.SearchResult;

/** Which of a procedure and a violation's fines a message is decided on. */
class FineAnswersTest {

    private static final Procedure VEHICLE_HELD = entry("nhan-lai-xe-bi-tam-giu", List.of());
    private static final Procedure NO_LICENCE = entry("khong-co-giay-phep-lai-xe",
            List.of(new Penalty(Penalty.Vehicle.MOTORBIKE, null, 2_000_000, 4_000_000, 0, null, "khoản 7 Điều 18", null)));

    private static Procedure entry(String id, List<Penalty> penalties) {
        return new Procedure(id, id, null, null, Category.TRAFFIC_VIOLATION, null, null, List.of(), List.of(), null, null,
                new OnlineService(OnlineService.Availability.NONE, List.of(), null), List.of(), null, null, List.of(),
                List.of(), null, List.of(), null, penalties);
    }

    private static SearchResult procedureFirst() {
        return new SearchResult(List.of(new SearchHit(VEHICLE_HELD, 10f, 0.6, 0.6), new SearchHit(NO_LICENCE, 9f, 0.6, 0.6)),
                10, 0, true);
    }

    @Test
    void askingWhatAViolationCostsLiftsItsFinesAboveTheProcedureTheStoryMentions() {
        SearchResult r = FineAnswers.forMessage(procedureFirst(),
                "Em chưa thi bằng lái, bị CSGT giữ xe. Lỗi này phạt bao nhiêu, làm sao lấy xe ra?");
        assertEquals(List.of("khong-co-giay-phep-lai-xe", "nhan-lai-xe-bi-tam-giu"),
                r.hits().stream().map(h -> h.procedure().id()).toList());
        assertEquals(9f * (1 + FineAnswers.COST_ASKED_BOOST), r.hits().getFirst().score(), 1e-4);
        assertEquals(10, r.meaningfulWords());
    }

    @Test
    void aProcedureThatStillLeadsKeepsItsMarginOverTheFine() {
        SearchResult wellAhead = new SearchResult(List.of(new SearchHit(VEHICLE_HELD, 20f, 0.8, 0.8),
                new SearchHit(NO_LICENCE, 9f, 0.5, 0.5)), 10, 0, true);
        SearchResult r = FineAnswers.forMessage(wellAhead, "bị giữ xe vì không có bằng, phạt bao nhiêu và làm sao lấy xe lại");
        assertEquals(List.of(20f, 9f), r.hits().stream().map(SearchHit::score).toList());
    }

    @Test
    void aProcedureOnFinesIsNotAskingWhatOneCosts() {
        SearchResult r = FineAnswers.forMessage(procedureFirst(), "xe bị giữ do nồng độ cồn, nộp phạt rồi, nhận lại xe thế nào");
        assertEquals("nhan-lai-xe-bi-tam-giu", r.hits().getFirst().procedure().id());
        assertEquals(10f, r.hits().getFirst().score());
    }

    @Test
    void theWordsThatAskTheCostWithOrWithoutDiacritics() {
        assertTrue(FineAnswers.asksWhatItCosts("đi ngược chiều phạt bao nhiêu"));
        assertTrue(FineAnswers.asksWhatItCosts("co bi phat khong a"));
        assertTrue(FineAnswers.asksWhatItCosts("mức phạt lỗi này"));
        assertTrue(FineAnswers.asksWhatItCosts("bị tước bằng không"));
        assertTrue(FineAnswers.asksWhatItCosts("trừ mấy điểm"));
        assertFalse(FineAnswers.asksWhatItCosts("nộp phạt trực tuyến ở đâu"));
        assertFalse(FineAnswers.asksWhatItCosts("tra cứu phạt nguội"));
        assertFalse(FineAnswers.asksWhatItCosts("bằng lái bị trừ điểm xem ở đâu"));
    }
}
