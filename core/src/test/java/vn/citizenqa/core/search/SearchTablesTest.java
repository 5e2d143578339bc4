package vn.citizenqa.core.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import vn.citizenqa.core.analysis.Lexicon;
import vn.citizenqa.core.model.Category;
import vn.citizenqa.core.model.OnlineService;
import vn.citizenqa.core.model.Procedure;

/**
 * The search's tables written and read back are the ones computed from the index (procedures, vocabulary, postings,
 * norms, statistics, over two segments), and a searcher given them finds what one reading the index finds; tables of
 * another index are refused.
 */
class SearchTablesTest {

    private static final Lexicon LEXICON = Lexicon.of(List.of(
            new Lexicon.Entry(List.of("hc"), List.of("hộ chiếu"), "test"),
            new Lexicon.Entry(List.of("cccd"), List.of("căn cước công dân", "căn cước"), "test"),
            new Lexicon.Entry(List.of("dk", "đk"), List.of("đăng ký", "điều kiện"), "test")));

    private static Procedure procedure(String id, String title, List<String> aliases, List<String> samples, String note) {
        return new Procedure(id, title, "Title " + id, null, Category.RESIDENCE, "Công an cấp xã", "Công dân", List.of("Tờ khai", note),
                List.of("Nộp hồ sơ"), "3 ngày", "miễn phí", new OnlineService(OnlineService.Availability.FULL, List.of("https://dichvucong.gov.vn"),
                "nộp trực tuyến"), List.of("Luật Cư trú 2020"), null, LocalDate.of(2026, 1, 1), samples, aliases, "ghi chú\tcó tab");
    }

    private static ByteBuffersDirectory index(int count) throws IOException {
        List<Procedure> procedures = List.of(
                procedure("dang-ky-thuong-tru", "Đăng ký thường trú", List.of("nhập hộ khẩu"),
                        List.of("Đăng ký thường trú cần giấy tờ gì?", "nhập khẩu vào nhà chồng"), "sổ hộ khẩu cũ"),
                procedure("xoa-dang-ky-thuong-tru", "Xóa đăng ký thường trú", List.of("cắt khẩu"),
                        List.of("Xóa thường trú cho người đã mất", "cắt hộ khẩu ở đâu"), "hộ chiếu hộ chiếu"),
                procedure("cap-ho-chieu", "Cấp hộ chiếu phổ thông", List.of("passport", "làm hộ chiếu"),
                        List.of("Làm hộ chiếu lần đầu cần gì?", "lam passport o dau"), "ảnh 4x6"),
                procedure("cap-the-can-cuoc", "Cấp thẻ căn cước", List.of("làm căn cước"), List.of("căn cước cần gì"),
                        "căn cước công dân"));
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(ProcedureIndex.indexAnalyzer()).setSimilarity(new BM25Similarity())
                .setMergePolicy(NoMergePolicy.INSTANCE);
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            for (int i = 0; i < count; i++) {
                writer.addDocument(ProcedureIndex.toDocument(procedures.get(i)));
                if (i == 1) {
                    writer.commit(); // a second segment
                }
            }
            writer.commit();
        }
        return dir;
    }

    private static SearchTables roundTrip(SearchTables tables) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            tables.write(out);
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        SearchTables read = SearchTables.read(in);
        assertEquals(-1, in.read(), "read to the end of what was written");
        return read;
    }

    @Test
    void theTablesReadBackAreTheIndexsAndSearchAlike() throws IOException {
        ByteBuffersDirectory dir = index(4);
        SearchTables computed;
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            assertEquals(2, reader.leaves().size());
            computed = SearchTables.of(reader);
        }
        SearchTables restored = roundTrip(computed);
        assertTrue(restored.sameAs(computed));
        assertEquals(List.copyOf(computed.knowledgeBase().procedures()), List.copyOf(restored.knowledgeBase().procedures()));
        assertEquals("ghi chú\tcó tab", restored.knowledgeBase().get("cap-ho-chieu").notes());

        ProcedureSearcher fromIndex = new ProcedureSearcher(dir, LEXICON);
        ProcedureSearcher fromTables = new ProcedureSearcher(dir, LEXICON, restored);
        for (String message : List.of("làm hộ chiếu ở đâu", "hc cần gì", "cccd", "dk thuong tru cho con", "cắt khẩu cho bố",
                "pasport", "xin chào")) {
            assertEquals(fromIndex.search(message, 3), fromTables.search(message, 3), message);
        }
        assertFalse(fromIndex.search("làm hộ chiếu ở đâu", 3).hits().isEmpty());
    }

    @Test
    void phrasesFoundFromTheTablesPositionsAreThoseReadFromTheIndex() throws IOException {
        ByteBuffersDirectory dir = index(4);
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            SearchTables restored = roundTrip(SearchTables.of(reader));
            PhrasePostings fromIndex = new PhrasePostings(reader);
            PhrasePostings fromTables = new PhrasePostings(restored.fieldTerms);
            int found = 0;
            for (List<String> words : List.of(List.of("ho", "chieu"), List.of("hộ", "chiếu"), List.of("can", "cuoc", "cong", "dan"),
                    List.of("dang", "ky", "thuong", "tru"), List.of("chieu", "ho"), List.of("ho", "khau"), List.of("khong", "co"))) {
                for (int field = 0; field < SearchField.ALL.size(); field++) {
                    PhrasePostings.Phrase a = fromIndex.get(field, words);
                    PhrasePostings.Phrase b = fromTables.get(field, words);
                    assertArrayEquals(a.docs(), b.docs(), words + " in " + SearchField.ALL.get(field).name());
                    assertArrayEquals(a.freqs(), b.freqs(), words + " in " + SearchField.ALL.get(field).name());
                    found += a.docs().length;
                }
            }
            assertTrue(found > 0, "some phrase occurs");
            // "hộ chiếu hộ chiếu" in a note: a phrase twice in one document counts twice
            int notes = -1;
            for (int field = 0; field < SearchField.ALL.size(); field++) {
                if (fromTables.get(field, List.of("ho", "chieu")).freqs().length > 0
                        && java.util.Arrays.stream(fromTables.get(field, List.of("ho", "chieu")).freqs()).anyMatch(f -> f >= 2)) {
                    notes = field;
                }
            }
            assertTrue(notes >= 0, "a document holds the phrase twice");
        }
    }

    @Test
    void tablesOfAnotherIndexAreRefused() throws IOException {
        SearchTables ofThree;
        try (DirectoryReader reader = DirectoryReader.open(index(3))) {
            ofThree = SearchTables.of(reader);
        }
        ByteBuffersDirectory four = index(4);
        ProcedureSearcher searcher = new ProcedureSearcher(four, LEXICON, ofThree);
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> searcher.searchWithLucene(searcher.analyze("làm hộ chiếu"), 3));
        assertTrue(e.getMessage().contains("3 procedures, the index 4"), e.getMessage());
    }
}
