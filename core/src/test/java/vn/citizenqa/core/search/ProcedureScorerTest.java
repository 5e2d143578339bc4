package vn.citizenqa.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.citizenqa.core.analysis.Lexicon;
import vn.citizenqa.core.analysis.TokenGraph;
import vn.citizenqa.core.model.Category;
import vn.citizenqa.core.model.OnlineService;
import vn.citizenqa.core.model.Procedure;

/**
 * The searcher's own scorer against Lucene's on an index of two segments (postings of a term in both), with the
 * cases its arithmetic must reproduce: a word said twice (Lucene merges the two clauses, summing their boosts), a
 * reading of several syllables (a phrase, overlapping and repeated syllables), several readings of one word (the best
 * of them counts), typos, a story around the question.
 */
class ProcedureScorerTest {

    private static ProcedureSearcher searcher;

    private static Procedure procedure(String id, String title, List<String> aliases, List<String> samples, String note) {
        return new Procedure(id, title, null, null, Category.RESIDENCE, "Công an cấp xã", null, List.of("Tờ khai", note),
                List.of("Nộp hồ sơ hộ hộ hộ"), null, null, new OnlineService(OnlineService.Availability.NONE, List.of(), null),
                List.of(), null, LocalDate.of(2026, 1, 1), samples, aliases, null);
    }

    @BeforeAll
    static void index() throws IOException {
        List<Procedure> procedures = List.of(
                procedure("dang-ky-thuong-tru", "Đăng ký thường trú", List.of("nhập hộ khẩu"),
                        List.of("Đăng ký thường trú cần giấy tờ gì?", "nhập khẩu vào nhà chồng"), "sổ hộ khẩu cũ"),
                procedure("xoa-dang-ky-thuong-tru", "Xóa đăng ký thường trú", List.of("cắt khẩu"),
                        List.of("Xóa thường trú cho người đã mất", "cắt hộ khẩu ở đâu"), "hộ chiếu hộ chiếu"),
                procedure("cap-ho-chieu", "Cấp hộ chiếu phổ thông", List.of("passport", "làm hộ chiếu"),
                        List.of("Làm hộ chiếu lần đầu cần gì?", "lam passport o dau", "hộ chiếu hộ chiếu"), "ảnh 4x6"),
                procedure("cap-the-can-cuoc", "Cấp thẻ căn cước", List.of("làm căn cước"), List.of("căn cước cần gì"),
                        "căn cước công dân"),
                procedure("cap-doi-the-can-cuoc", "Cấp đổi thẻ căn cước", List.of("đổi căn cước"),
                        List.of("căn cước cần gì", "đổi căn cước công dân"), "thẻ cũ"));
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(ProcedureIndex.indexAnalyzer()).setSimilarity(new BM25Similarity())
                .setMergePolicy(NoMergePolicy.INSTANCE);
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            for (int i = 0; i < procedures.size(); i++) {
                writer.addDocument(ProcedureIndex.toDocument(procedures.get(i)));
                if (i == 2) {
                    writer.commit(); // a second segment
                }
            }
            writer.commit();
        }
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            assertEquals(2, reader.leaves().size());
        }
        searcher = new ProcedureSearcher(dir, Lexicon.of(List.of(
                new Lexicon.Entry(List.of("hc"), List.of("hộ chiếu"), "test"),
                new Lexicon.Entry(List.of("hhh"), List.of("hộ hộ"), "test"),
                new Lexicon.Entry(List.of("cccd"), List.of("căn cước công dân", "căn cước"), "test"),
                new Lexicon.Entry(List.of("dk", "đk"), List.of("đăng ký", "điều kiện"), "test"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "làm hộ chiếu ở đâu", "LAM HO CHIEU O DAU", "hc hc hc cần gì", "hộ chiếu hộ chiếu", "hhh", "hhh hồ sơ",
        "cccd", "đổi cccd cũ", "dk thuong tru", "đk thường trú cho con", "pasport", "cắt khẩu cho bố",
        "Chào ad, em ở Đà Nẵng, nhà có sổ hộ khẩu cũ. Cho em hỏi làm căn cước công dân thế nào ạ? Cảm ơn ad",
        "thẻ cũ thẻ cũ đổi ở đâu", "xyzw"})
    void scoresAreLucenes(String text) {
        TokenGraph graph = searcher.analyze(text);
        SearchResult ours = searcher.search(graph, 5);
        SearchResult lucene = searcher.searchWithLucene(graph, 5);
        assertEquals(describe(lucene), describe(ours), text);
        assertTrue(text.equals("xyzw") || !ours.isEmpty(), text);
    }

    private static String describe(SearchResult r) {
        StringBuilder out = new StringBuilder();
        for (SearchHit h : r.hits()) {
            out.append(h.procedure().id()).append(' ').append(Float.floatToIntBits(h.score())).append(' ')
                    .append(h.coverage()).append(' ').append(h.weightedCoverage()).append('\n');
        }
        return out.toString();
    }
}
