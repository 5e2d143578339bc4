package vn.citizenqa.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

import vn.citizenqa.core.triage.RealKnowledge;

/**
 * A part of an analysed message (its asking sentences) is the graph its text would have had alone: the same terms,
 * positions, offsets and roles, without a second analysis (in the style of Lucene's analysis tests).
 */
class TokenGraphPartTest {

    private static final Analyzer QUERY = VietnameseAnalysis.queryAnalyzer(RealKnowledge.LEXICON);
    private static final MessageCues CUES = RealKnowledge.LEXICON.messageCues();

    /** term[start-end]@from-to (* a reading) =role for every edge. */
    private static String edges(TokenGraph graph) {
        StringBuilder b = new StringBuilder();
        for (TokenGraph.Edge e : graph.edges()) {
            b.append(e.term()).append(e.typed() ? "" : "*").append('[').append(e.start()).append('-').append(e.end())
                    .append("]@").append(e.from()).append('-').append(e.to()).append('=')
                    .append(graph.structure().role(e.from()).name().charAt(0)).append(' ');
        }
        return b.toString().strip();
    }

    @Test
    void oneSentenceOfAMessageReadsAsThatSentenceAlone() {
        String message = "Chào anh chị. Em bị mất ví ở chợ. Làm lại căn cước thế nào?";
        TokenGraph graph = TokenGraph.analyze(QUERY, message, CUES);
        Sentences.Span third = graph.structure().sentences().get(2);
        TokenGraph part = graph.part(List.of(third));

        assertEquals("Làm lại căn cước thế nào?", part.text());
        // "làm" stretches over the two positions of a reading of "làm lại"; the typed words as alone.
        assertEquals("làm[0-3]@0-2=A lại[4-7]@2-3=A căn[8-11]@3-4=A cước[12-16]@4-5=A thế[17-20]@5-6=A nào[21-24]@6-7=A",
                edges(part).replaceAll("\\S+\\*\\S+ ?", "").strip());
        assertEquals(edges(TokenGraph.analyze(QUERY, part.text(), CUES)), edges(part));
        assertEquals(7, part.length());
    }

    @Test
    void twoAskingSentencesJoinWithASpaceAndKeepTheirReadings() {
        String message = "Em ở trọ 4 tháng. Đăng ký tạm trú cần gì? Ko làm thì có bị phạt ko?";
        TokenGraph graph = TokenGraph.analyze(QUERY, message, CUES);
        List<Sentences.Span> asking = graph.structure().asking();
        assertEquals(2, asking.size());
        TokenGraph part = graph.part(asking);

        assertEquals("Đăng ký tạm trú cần gì? Ko làm thì có bị phạt ko?", part.text());
        // "ko" is teencode for "không": its reading stays with it, moved with the sentence.
        TokenGraph alone = TokenGraph.analyze(QUERY, part.text(), CUES);
        assertEquals(edges(alone), edges(part));
        assertEquals(alone.length(), part.length());
        assertEquals(alone.structure().asking(), part.structure().asking());
    }

    @Test
    void aReadingThatSpansTwoSentencesIsNotPartOfEither() {
        // "hộ khẩu" (an old term with readings) cut by a full stop: neither sentence alone has the reading.
        String message = "Em muốn hỏi về hộ. Khẩu trang có cần không?";
        TokenGraph graph = TokenGraph.analyze(QUERY, message, CUES);
        int cut = message.indexOf('.');
        assertTrue(graph.edges().stream().anyMatch(e -> !e.typed() && e.start() < cut && e.end() > cut));
        TokenGraph second = graph.part(List.of(graph.structure().sentences().get(1)));
        assertFalse(second.edges().stream().anyMatch(e -> e.term().equals("hộ")));
        assertEquals(edges(TokenGraph.analyze(QUERY, second.text(), CUES)), edges(second));
        assertEquals(0, second.edges().getFirst().from());
        assertEquals(0, second.edges().getFirst().start());
    }
}
