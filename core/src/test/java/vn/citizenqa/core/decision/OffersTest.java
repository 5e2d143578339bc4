package vn.citizenqa.core.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.model.Candidate;

class OffersTest {

    private static final List<Candidate> THREE = List.of(new Candidate("xoa-dang-ky-tam-tru", "Xóa đăng ký tạm trú", 0.9),
            new Candidate("xoa-dang-ky-thuong-tru", "Xóa đăng ký thường trú", 0.8),
            new Candidate("dang-ky-tam-tru", "Đăng ký tạm trú", 0.6));

    private static List<String> ids(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::id).toList();
    }

    @Test
    void theCandidateNamedMovesFirstAndTheOthersKeepTheirOrder() {
        assertEquals(List.of("xoa-dang-ky-thuong-tru", "xoa-dang-ky-tam-tru", "dang-ky-tam-tru"),
                ids(Offers.first(THREE, "xoa-dang-ky-thuong-tru")));
    }

    @Test
    void aCandidateNotOfferedChangesNothing() {
        assertEquals(ids(THREE), ids(Offers.first(THREE, "cap-ho-chieu")));
    }
}
