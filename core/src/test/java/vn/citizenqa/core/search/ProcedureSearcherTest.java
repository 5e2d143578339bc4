package vn.citizenqa.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.citizenqa.core.analysis.Lexicon;
import vn.citizenqa.core.model.Category;
import vn.citizenqa.core.model.OnlineService;
import vn.citizenqa.core.model.Procedure;

/** The search over a small knowledge base written here, so each behaviour is visible in the test. */
class ProcedureSearcherTest {

    private static ProcedureSearcher searcher;

    private static Procedure procedure(String id, String title, List<String> aliases, List<String> samples) {
        return new Procedure(id, title, null, null, Category.RESIDENCE, "Công an cấp xã", null, List.of("Tờ khai"), List.of(),
                null, null, new OnlineService(OnlineService.Availability.NONE, List.of(), null), List.of(), null,
                LocalDate.of(2026, 1, 1), samples, aliases, null);
    }

    @BeforeAll
    static void index() throws IOException {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        ProcedureIndex.write(List.of(
                procedure("dang-ky-thuong-tru", "Đăng ký thường trú", List.of("nhập hộ khẩu"),
                        List.of("Đăng ký thường trú cần giấy tờ gì?", "nhập khẩu vào nhà chồng")),
                procedure("xoa-dang-ky-thuong-tru", "Xóa đăng ký thường trú", List.of("cắt khẩu"),
                        List.of("Xóa thường trú cho người đã mất", "cắt hộ khẩu ở đâu")),
                procedure("cap-ho-chieu", "Cấp hộ chiếu phổ thông", List.of("passport", "làm hộ chiếu"),
                        List.of("Làm hộ chiếu lần đầu cần gì?", "lam passport o dau")),
                procedure("cap-the-can-cuoc", "Cấp thẻ căn cước", List.of("làm căn cước"), List.of("căn cước cần gì")),
                procedure("cap-doi-the-can-cuoc", "Cấp đổi thẻ căn cước", List.of("đổi căn cước"), List.of("căn cước cần gì"))),
                dir);
        searcher = new ProcedureSearcher(dir, Lexicon.of(List.of(
                new Lexicon.Entry(List.of("hc"), List.of("hộ chiếu"), "test"),
                new Lexicon.Entry(List.of("dk", "đk"), List.of("đăng ký", "điều kiện"), "test"))));
    }

    private static String first(String text) {
        SearchResult r = searcher.search(text, 3);
        return r.isEmpty() ? null : r.hits().getFirst().procedure().id();
    }

    @Test
    void aQuestionTypedWithoutDiacriticsFindsTheSameProcedure() {
        assertEquals("cap-ho-chieu", first("Làm hộ chiếu ở đâu"));
        assertEquals("cap-ho-chieu", first("LAM HO CHIEU O DAU"));
    }

    @Test
    void anAbbreviationIsReadThroughTheLexicon() {
        assertEquals("cap-ho-chieu", first("lam hc"));
        assertEquals("dang-ky-thuong-tru", first("dk thuong tru"));
    }

    @Test
    void anUnknownLongWordIsMatchedOneTypoAway() {
        assertEquals("cap-ho-chieu", first("pasport"));
        assertEquals(1, searcher.search("pasport", 3).unknownWords());
    }

    @Test
    void aProcedureWhoseWholeNameIsInTheMessageComesBeforeOneWithAnExtraWord() {
        assertEquals("cap-the-can-cuoc", first("cấp thẻ căn cước"));
        assertEquals("cap-doi-the-can-cuoc", first("cấp đổi thẻ căn cước"));
        assertEquals("dang-ky-thuong-tru", first("dang ky thuong tru"));
    }

    @Test
    void coverageIsTheShareOfMeaningfulWordsTheProcedureHas() {
        SearchHit hit = searcher.search("cắt khẩu cho bố", 3).hits().getFirst();
        assertEquals("xoa-dang-ky-thuong-tru", hit.procedure().id());
        assertTrue(hit.coverage() > 0.5 && hit.coverage() <= 1, hit.toString());
    }

    @Test
    void onlyFunctionWordsFindNothing() {
        assertTrue(searcher.search("", 3).isEmpty());
        assertTrue(searcher.search("xyzw qwrt", 3).isEmpty());
    }

    @Test
    void oneEditIsAnInsertionADeletionASubstitutionOrASwap() {
        assertTrue(Vocabulary.withinOneEdit("pasport", "passport"));
        assertTrue(Vocabulary.withinOneEdit("chieu", "chiue"));
        assertTrue(Vocabulary.withinOneEdit("truu", "tru"));
        assertTrue(Vocabulary.withinOneEdit("thuong", "thuomg"));
        assertTrue(!Vocabulary.withinOneEdit("thuong", "thuong") && !Vocabulary.withinOneEdit("abc", "xyz"));
    }
}
