package vn.citizenqa.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.triage.RealKnowledge;

/**
 * The role of every word of a message, with its position and offsets, read with the repository's
 * {@code lexicon/message.txt} (in the style of Lucene's analysis tests: term, offsets, position).
 */
class MessageCuesTest {

    private static final MessageCues CUES = RealKnowledge.LEXICON.messageCues();

    /** term[start-end]@position=ROLE for every typed syllable. */
    private static String roles(String text) {
        TokenGraph graph = TokenGraph.analyze(VietnameseAnalysis.queryAnalyzer(RealKnowledge.LEXICON), text, CUES);
        StringBuilder b = new StringBuilder();
        for (TokenGraph.Segment s : graph.segments()) {
            for (TokenGraph.Edge e : s.typedPath()) {
                if (e.typed()) {
                    b.append(e.term()).append('[').append(e.start()).append('-').append(e.end()).append("]@")
                            .append(e.from()).append('=').append(graph.structure().role(e.from()).name().charAt(0)).append(' ');
                }
            }
        }
        return b.toString().strip();
    }

    private static MessageStructure structure(String text) {
        return TokenGraph.analyze(VietnameseAnalysis.queryAnalyzer(RealKnowledge.LEXICON), text, CUES).structure();
    }

    @Test
    void theAddressClauseAndThePreambleAreWrapperAndTheQuestionIsAsked() {
        assertEquals("chào[0-4]@0=W luật[5-9]@1=W sư[10-12]@2=W cho[14-17]@3=W em[18-20]@4=W hỏi[21-24]@5=W "
                + "tạm[25-28]@6=A trú[29-32]@7=A ở[33-34]@8=A đâu[35-38]@9=A",
                roles("Chào luật sư, cho em hỏi tạm trú ở đâu?"));
    }

    @Test
    void theStoryBeforeTheQuestionIsContextAndTheThanksAfterItWrapper() {
        assertEquals("em[0-2]@0=S mất[3-6]@1=S ví[7-9]@2=S làm[11-14]@3=A lại[15-18]@5=A sao[19-22]@6=A "
                + "em[24-26]@7=W cảm[27-30]@8=W ơn[31-33]@9=W",
                roles("Em mất ví. Làm lại sao? Em cảm ơn"));
    }

    @Test
    void placeNamesAfterTheirMarkersAndCapitalisedRunsAreNeutral() {
        assertEquals("em[0-2]@0=A ở[3-4]@1=A hẻm[5-8]@2=A 12[9-11]@3=N đường[12-17]@4=A lê[18-20]@5=N "
                + "văn[21-24]@6=N việt[25-29]@7=N xã[31-33]@8=A tân[34-37]@9=N phú[38-41]@10=N",
                roles("Em ở hẻm 12 đường Lê Văn Việt, xã Tân Phú"));
        assertEquals("toi[0-3]@0=A o[4-5]@1=A xa[6-8]@2=A duc[9-12]@3=N hoa[13-16]@4=N ha[17-19]@5=N",
                roles("toi o xa Duc Hoa Ha"));
    }

    @Test
    void aCueDoesNotRunAcrossASentenceEnd() {
        // "tôi. Xin hỏi" is no "tôi xin hỏi": the story sentence before it stays story, the preamble is the second's.
        assertEquals("nhà[0-3]@0=S đất[4-7]@1=S đứng[8-12]@2=S tên[13-16]@3=S con[17-20]@4=S tôi[21-24]@5=S "
                + "xin[26-29]@6=W hỏi[30-33]@7=W nhập[34-38]@8=A khẩu[39-43]@12=A thì[44-47]@13=A sao[48-51]@14=A",
                roles("Nhà đất đứng tên con tôi. Xin hỏi nhập khẩu thì sao?"));
        assertEquals(1, structure("Nhà đất đứng tên con tôi. Xin hỏi nhập khẩu thì sao?").asking().size());
    }

    @Test
    void aPersonsNameAfterItsCueIsNeutralButAnAbbreviationIsNot() {
        assertEquals("tôi[0-3]@0=A tên[4-7]@1=A hùng[8-12]@2=N làm[13-16]@3=A cccd[17-21]@4=A",
                roles("Tôi tên Hùng làm CCCD"));
    }

    @Test
    void aLongThankYouAsksNothing() {
        MessageStructure s = structure("Hôm nay lên công an xã làm hồ sơ, các anh làm việc rất nhanh và lịch sự. "
                + "Cảm ơn các anh rất nhiều ạ!");
        assertTrue(s.thanks());
        assertFalse(s.asks());
        MessageStructure question = structure("Cảm ơn ad, cho em hỏi làm hộ chiếu ở đâu?");
        assertTrue(question.asks());
        assertEquals(1, question.asking().size());
    }

    @Test
    void twoAskingSentencesAreTwoQuestions() {
        MessageStructure s = structure("Em ở trọ 4 tháng. Đăng ký tạm trú cần gì? Có bị phạt không?");
        assertEquals(2, s.asking().size());
        assertEquals("Đăng ký tạm trú cần gì? Có bị phạt không?", s.askedText("Em ở trọ 4 tháng. Đăng ký tạm trú cần gì? Có bị phạt không?"));
    }
}
