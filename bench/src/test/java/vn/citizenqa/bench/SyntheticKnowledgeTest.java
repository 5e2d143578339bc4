package vn.citizenqa.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.model.Category;
import vn.citizenqa.core.model.OnlineService;
import vn.citizenqa.core.model.Procedure;

class SyntheticKnowledgeTest {

    private static final List<Procedure> REAL = List.of(
            procedure("dang-ky-tam-tru", "Đăng ký tạm trú", List.of("đăng ký tạm trú cần giấy tờ gì", "tạm trú online"),
                    List.of("khai báo tạm trú")),
            procedure("cap-ho-chieu", "Cấp hộ chiếu phổ thông", List.of("làm hộ chiếu mất bao lâu"), List.of("passport")));

    @Test
    void theSameSeedGivesTheSameKnowledgeBase() {
        assertEquals(SyntheticKnowledge.generate(REAL, 50, 7), SyntheticKnowledge.generate(REAL, 50, 7));
        assertNotEquals(SyntheticKnowledge.generate(REAL, 50, 7), SyntheticKnowledge.generate(REAL, 50, 8));
    }

    @Test
    void theRealProceduresComeFirstAndEveryIdIsUnique() {
        List<Procedure> kb = SyntheticKnowledge.generate(REAL, 1000, SyntheticKnowledge.SEED);
        assertEquals(1000, kb.size());
        assertEquals(REAL, kb.subList(0, 2));
        assertEquals(1000, new HashSet<>(kb.stream().map(Procedure::id).toList()).size());
    }

    @Test
    void variantsKeepTheirBaseProcedureAndItsShape() {
        List<Procedure> kb = SyntheticKnowledge.generate(REAL, 10, SyntheticKnowledge.SEED);
        for (Procedure p : kb.subList(2, 10)) {
            Procedure base = REAL.stream().filter(r -> p.id().startsWith(r.id() + "-")).findFirst().orElseThrow();
            assertEquals(base.category(), p.category());
            assertEquals(base.sampleQuestions().size(), p.sampleQuestions().size());
            assertEquals(base.aliases().size(), p.aliases().size());
            assertTrue(p.title().contains(" tại "), p.title());
        }
    }

    @Test
    void aSizeBelowTheRealOneKeepsTheFirstProcedures() {
        assertEquals(REAL.subList(0, 1), SyntheticKnowledge.generate(REAL, 1, SyntheticKnowledge.SEED));
    }

    private static Procedure procedure(String id, String title, List<String> samples, List<String> aliases) {
        return new Procedure(id, title, null, null, Category.values()[0], "Công an", null, List.of("Tờ khai"), List.of("Nộp hồ sơ"),
                "3 ngày", "miễn phí", new OnlineService(OnlineService.Availability.values()[0], List.of(), null), List.of(),
                null, LocalDate.of(2026, 1, 1), samples, aliases, null);
    }
}
