package vn.citizenqa.core.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.citizenqa.core.triage.OtherAgencyMentions.Mention;
import vn.citizenqa.core.triage.OtherAgencyMentions.Role;

/** How another agency's word sits in its clause, with the repository's vocabularies (triage/out-of-scope-context.txt). */
class OtherAgencyMentionsTest {

    private static List<Mention> mentions(String text) {
        return RealKnowledge.TRIAGE.outOfScopeMentions(RealKnowledge.graph(text));
    }

    private static Mention only(String text) {
        List<Mention> found = mentions(text);
        assertEquals(1, found.size(), text + " → " + found);
        return found.getFirst();
    }

    @Test
    void overlappingCuesAreOneMentionWithTheLongestWordsAndTheirOffsets() {
        String text = "Em cần mang giấy đăng ký kết hôn với căn cước thôi hay phải thêm gì nữa ạ?";
        Mention m = only(text);
        assertEquals("giay dang ky ket hon", m.words());
        assertEquals("giấy đăng ký kết hôn", text.substring(m.start(), m.end()));
        assertEquals(3, m.from());
        assertEquals(8, m.to());
        assertEquals(Role.HELD, m.role());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        // What the clause acts on or asks about: that agency's matter.
        "làm giấy khai sinh cho con ở đâu ạ                             | ASKED",
        "đăng ký kết hôn cần những giấy tờ gì                          | ASKED",
        "Làm lại giấy khai sinh bị mất ở đâu?                          | ASKED",
        "đổi tên cho con trong giấy khai sinh thì làm sao               | ASKED",
        "xin bản sao giấy khai sinh ở đâu                               | ASKED",
        // Compared with: what is asked is the police record.
        "nam sinh tren vneid bi sai 1 nam so voi giay khai sinh, sua o dau ad | COMPARED",
        "Thông tin ngày sinh trên hệ thống cư trú bị sai so với giấy khai sinh | COMPARED",
        "chứng minh nhân dân và giấy khai sinh không khớp nhau có sao không | COMPARED",
        // A paper had or brought.
        "bé được 1 tháng rồi đã có giấy khai sinh, nhập khẩu thế nào    | HELD",
        "mua nhà chưa có sổ hồng thì có nhập hộ khẩu được không         | HELD",
        // Done already.
        "chúng tôi đã đăng ký kết hôn, giờ chuyển hộ khẩu về nhà chồng  | DONE",
        "sau khi kết hôn chuyển hộ khẩu về nhà chồng thế nào            | DONE",
        "em đổi tên trong giấy khai sinh rồi, giờ cập nhật dữ liệu cư trú thì làm sao | DONE",
    })
    void aWordIsReadInItsClause(String text, Role role) {
        assertEquals(role, only(text).role());
    }

    @Test
    void aCueReadsOnlyWithinTheWordsClauseAndNearIt() {
        // "có" before a matter that is no paper ("có đăng ký kết hôn") is the question's "có… không", not holding.
        assertEquals(Role.ASKED, only("cho em hỏi có đăng ký kết hôn online được không").role());
        // A comma between: "rồi" closes the clause before, not the word.
        assertEquals(Role.ASKED, only("em hỏi mấy lần rồi, làm giấy khai sinh ở đâu").role());
        // Too far: three words between "mang" and the paper.
        assertEquals(Role.ASKED, only("mang cho em xin lại giấy khai sinh ở đâu").role());
        assertTrue(OtherAgencyMentions.nearInClause("a b c", 0, 3));
        assertFalse(OtherAgencyMentions.nearInClause("a, b", 0, 4));
        assertFalse(OtherAgencyMentions.nearInClause("a b c d", 0, 7));
    }

    @Test
    void eachWordOfSeveralIsReadOnItsOwn() {
        List<Mention> found = mentions("đã có giấy khai sinh, giờ muốn đăng ký kết hôn ở đâu");
        assertEquals(List.of(Role.HELD, Role.ASKED), found.stream().map(Mention::role).toList());
    }
}
