package vn.citizenqa.core.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.analysis.TokenGraph;
import vn.citizenqa.core.model.Category;
import vn.citizenqa.core.model.OnlineService;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.search.SearchHit;
import vn.citizenqa.core.search.SearchResult;
import vn.citizenqa.core.triage.RealKnowledge;

/**
 * Siblings are read from the procedures' names, and a message tells them apart only by a word one is named by and
 * the other is never called or asked by: the words found are checked with their offsets and positions.
 */
class NeighboursTest {

    private static Procedure procedure(String id, String title, List<String> aliases, List<String> samples) {
        return new Procedure(id, title, null, null, Category.RESIDENCE, null, null, List.of(), List.of(), null, null,
                new OnlineService(OnlineService.Availability.NONE, List.of(), null), List.of(), null, null, samples,
                aliases, null);
    }

    private static final Procedure TEMPORARY = procedure("dang-ky-tam-tru", "Đăng ký tạm trú",
            List.of("làm tạm trú", "sổ tạm trú"), List.of("Em ở trọ thì có phải đăng ký tạm trú không?"));
    private static final Procedure PERMANENT = procedure("dang-ky-thuong-tru", "Đăng ký thường trú",
            List.of("nhập hộ khẩu"), List.of("Nhập khẩu cho con về nhà chồng thế nào?"));
    private static final Procedure EXTENSION = procedure("gia-han-tam-tru", "Gia hạn tạm trú", List.of(),
            List.of("Tạm trú sắp hết hạn thì gia hạn ở đâu?"));
    private static final Procedure FOREIGN_EXTENSION = procedure("gia-han-tam-tru-nguoi-nuoc-ngoai",
            "Gia hạn tạm trú cho người nước ngoài", List.of(), List.of("Chồng tôi người Hàn sắp hết hạn visa"));
    private static final Procedure TRANSFER = procedure("sang-ten-xe", "Đăng ký sang tên, di chuyển xe",
            List.of("sang tên xe", "sang tên đổi chủ"), List.of("Mua xe cũ sang tên thế nào?"));
    private static final Procedure THROUGH_OWNERS = procedure("sang-ten-xe-qua-nhieu-doi-chu",
            "Sang tên xe mua qua nhiều đời chủ", List.of("sang tên xe nhiều đời chủ"), List.of());
    private static final Procedure PASSPORT = procedure("cap-ho-chieu", "Cấp hộ chiếu phổ thông", List.of(), List.of());

    private static final Neighbours NEIGHBOURS = new Neighbours(
            List.of(TEMPORARY, PERMANENT, EXTENSION, FOREIGN_EXTENSION, TRANSFER, THROUGH_OWNERS, PASSPORT),
            RealKnowledge.LEXICON::isStopword);

    /** term[start-end]@from-to for each word found. */
    private static String found(List<TokenGraph.Edge> edges) {
        return edges.stream().map(e -> e.term() + "[" + e.start() + "-" + e.end() + "]@" + e.from() + "-" + e.to())
                .collect(Collectors.joining(" "));
    }

    private static SearchResult ranked(Procedure... procedures) {
        List<SearchHit> hits = new java.util.ArrayList<>();
        float score = 10;
        for (Procedure p : procedures) {
            hits.add(new SearchHit(p, score--, 1, 1, 1));
        }
        return new SearchResult(hits, 5, 0, true);
    }

    @Test
    void proceduresWhoseNamesDifferByOneSyllableOrByAQualifierAreSiblings() {
        assertTrue(NEIGHBOURS.siblings(TEMPORARY, PERMANENT), "tạm trú / thường trú");
        assertTrue(NEIGHBOURS.siblings(EXTENSION, FOREIGN_EXTENSION), "a citizen's / a foreigner's");
        assertTrue(NEIGHBOURS.siblings(TRANSFER, THROUGH_OWNERS), "an alias of one is the other's but for a qualifier");
        assertFalse(NEIGHBOURS.siblings(TEMPORARY, PASSPORT));
        assertFalse(NEIGHBOURS.siblings(TEMPORARY, TEMPORARY));
    }

    @Test
    void theWordThatNamesOneSiblingAndNotTheOtherTellsThemApart() {
        String message = "Em đã đăng ký tạm trú ở đây, giờ muốn đăng ký thường trú thì làm sao?";
        TokenGraph graph = RealKnowledge.graph(message);
        // "thường" of "đăng ký thường trú" is what "đăng ký tạm trú" is never called by; "tạm" the other way round.
        assertEquals("thường[46-52]@12-13", found(NEIGHBOURS.telling(graph, PERMANENT, TEMPORARY)));
        assertEquals("tạm[14-17]@4-5", found(NEIGHBOURS.telling(graph, TEMPORARY, PERMANENT)));
        assertEquals("thường", message.substring(46, 52));
        assertEquals("tạm", message.substring(14, 17));
    }

    @Test
    void aWordTypedWithoutDiacriticsTellsBare() {
        TokenGraph graph = RealKnowledge.graph("dang ky thuong tru cho con");
        assertEquals("thuong[8-14]@3-4", found(NEIGHBOURS.telling(graph, PERMANENT, TEMPORARY)));
    }

    @Test
    void functionWordsAndWordsBothAreCalledByTellNothing() {
        // "cho" is in the foreigner's name but is a function word; "gia hạn tạm trú" both are called by.
        TokenGraph graph = RealKnowledge.graph("Gia hạn tạm trú cho mẹ em ở đâu ạ?");
        assertEquals("", found(NEIGHBOURS.telling(graph, FOREIGN_EXTENSION, EXTENSION)));
        TokenGraph foreigner = RealKnowledge.graph("Gia hạn tạm trú cho người nước ngoài ở đâu ạ?");
        assertEquals("nước[26-30]@6-7 ngoài[31-36]@7-8", found(NEIGHBOURS.telling(foreigner, FOREIGN_EXTENSION, EXTENSION)));
    }

    @Test
    void theFirstIsNotAnsweredWhenTheMessageTellsASiblingBelowItAndNothingOfItsOwn() {
        SearchResult temporaryFirst = ranked(TEMPORARY, PERMANENT, PASSPORT);
        assertEquals(PERMANENT, NEIGHBOURS.rival(RealKnowledge.graph("Muốn đăng ký thường trú cho vợ thì làm sao?"),
                temporaryFirst));
        // Told of both: the search's ranking judges.
        assertNull(NEIGHBOURS.rival(RealKnowledge.graph("Em đã đăng ký tạm trú ở đây, giờ muốn đăng ký thường trú thì làm sao?"),
                temporaryFirst));
        // Told of neither: nothing points away from the first.
        assertNull(NEIGHBOURS.rival(RealKnowledge.graph("Đăng ký cần giấy tờ gì?"), temporaryFirst));
        // A neighbour that is no sibling is no rival, whatever the message says of it.
        assertNull(NEIGHBOURS.rival(RealKnowledge.graph("Làm hộ chiếu phổ thông ở đâu?"), ranked(TEMPORARY, PASSPORT)));
        assertNull(NEIGHBOURS.rival(RealKnowledge.graph("Sang tên xe mua qua nhiều đời chủ"), ranked(THROUGH_OWNERS)));
    }

    @Test
    void theQuestionOutweighsTheStoryWhenItSaysTheSiblingsTitleWord() {
        SearchResult temporaryFirst = ranked(TEMPORARY, PERMANENT, PASSPORT);
        // The story tells of the landlord's registration; what is asked is the registration at home.
        TokenGraph graph = RealKnowledge.graph("Chủ nhà trọ có làm tạm trú cho em rồi. Vậy em có phải đăng ký thường trú ở quê lại không?");
        assertEquals(PERMANENT, NEIGHBOURS.rival(graph, temporaryFirst));
        assertEquals(PERMANENT, NEIGHBOURS.asked(graph, temporaryFirst));
        // Both in the question: the search's ranking judges.
        TokenGraph both = RealKnowledge.graph("Em đã đăng ký tạm trú ở đây, giờ muốn đăng ký thường trú thì làm sao?");
        assertNull(NEIGHBOURS.asked(both, temporaryFirst));
        // The sibling told by the whole message and the first by nothing: a rival, but not named over a story.
        TokenGraph only = RealKnowledge.graph("Muốn đăng ký thường trú cho vợ thì làm sao?");
        assertNull(NEIGHBOURS.asked(only, temporaryFirst));
    }

    @Test
    void anAliasWordInTheQuestionDoesNotOutweighTheStory() {
        // "mấy đời chủ" is the through-owners procedure's alias and title word; "cũ" of an alias alone is not.
        Procedure restored = procedure("khoi-phuc-ho-chieu", "Khôi phục giá trị hộ chiếu phổ thông",
                List.of("dùng lại hộ chiếu cũ"), List.of());
        Procedure passport = procedure("cap-ho-chieu", "Cấp hộ chiếu phổ thông", List.of("làm hộ chiếu mới"), List.of());
        Neighbours n = new Neighbours(List.of(restored, passport, TEMPORARY), RealKnowledge.LEXICON::isStopword);
        TokenGraph graph = RealKnowledge.graph("Nghe nói hộ chiếu mới có gắn chip. Hộ chiếu cũ của tôi còn hạn, đổi được không?");
        assertNull(n.rival(graph, ranked(passport, restored)));
        assertNull(n.asked(graph, ranked(passport, restored)));
    }

    @Test
    void aVehicleBoughtThroughSeveralOwnersPointsAwayFromThePlainTransfer() {
        TokenGraph graph = RealKnowledge.graph("Xe em mua lại đã qua mấy đời chủ, giờ sang tên thế nào?");
        assertEquals("đời[25-28]@7-8", found(NEIGHBOURS.telling(graph, THROUGH_OWNERS, TRANSFER)));
        assertEquals(THROUGH_OWNERS, NEIGHBOURS.rival(graph, ranked(TRANSFER, THROUGH_OWNERS)));
    }
}
