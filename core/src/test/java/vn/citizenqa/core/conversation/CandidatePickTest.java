package vn.citizenqa.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CandidatePickTest {

    private final List<String> offered = List.of("dang-ky-tam-tru", "gia-han-tam-tru", "xoa-dang-ky-tam-tru");

    @Test
    void aNumberWithinTheOfferPicksThatCandidate() {
        assertEquals(Optional.of("gia-han-tam-tru"), CandidatePick.of("2", offered));
        assertEquals(Optional.of("gia-han-tam-tru"), CandidatePick.of(" số 2 ", offered));
        assertEquals(Optional.of("xoa-dang-ky-tam-tru"), CandidatePick.of("3.", offered));
        assertEquals(Optional.of("dang-ky-tam-tru"), CandidatePick.of("Chọn 1", offered));
    }

    @Test
    void anythingElseIsNoPick() {
        assertEquals(Optional.empty(), CandidatePick.of("4", offered));
        assertEquals(Optional.empty(), CandidatePick.of("2", List.of()));
        assertEquals(Optional.empty(), CandidatePick.of("2 cái", offered));
        assertEquals(Optional.empty(), CandidatePick.of("định danh mức 2", offered));
        assertEquals(Optional.empty(), CandidatePick.of(null, offered));
    }
}
