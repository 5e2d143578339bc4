package vn.citizenqa.core.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.citizenqa.core.model.ProcedureField;
import vn.citizenqa.core.triage.RealKnowledge;

class FollowUpsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "lệ phí bao nhiêu?            | FEE",
        "le phi bn ad                 | FEE",
        "mất bn tiền vậy              | FEE",
        "làm online được không?       | ONLINE",
        "lam tren vneid dc ko         | ONLINE",
        "cần mang gì?                 | DOCUMENTS",
        "can nhung giay to j          | DOCUMENTS",
        "mất bao lâu?                 | TIME",
        "mấy ngày thì có              | TIME",
        "ở đâu                        | PLACE",
        "nop o dau vay                | PLACE",
        "how much is the fee          | FEE",
    })
    void theFieldAskedIsFound(String text, ProcedureField field) {
        FollowUps.Asked asked = RealKnowledge.FOLLOW_UPS.asked(RealKnowledge.graph(text));
        assertEquals(field, asked.field(), text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"làm căn cước", "cảm ơn ad"})
    void aMessageAskingNoFieldHasNone(String text) {
        assertNull(RealKnowledge.FOLLOW_UPS.asked(RealKnowledge.graph(text)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"lệ phí bao nhiêu | 0", "lệ phí làm hộ chiếu bao nhiêu | 2"})
    void wordsAboutSomethingElseAreCounted(String text, int other) {
        assertEquals(other, RealKnowledge.FOLLOW_UPS.asked(RealKnowledge.graph(text)).otherWords());
    }
}
