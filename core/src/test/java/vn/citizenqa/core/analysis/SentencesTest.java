package vn.citizenqa.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Sentence and clause boundaries, checked by offsets as Lucene's analysis tests check tokens. */
class SentencesTest {

    private static String show(String text, List<Sentences.Span> spans) {
        StringBuilder b = new StringBuilder();
        for (Sentences.Span s : spans) {
            b.append('[').append(s.start()).append(',').append(s.end()).append(s.question() ? "?" : "").append("]")
                    .append(s.of(text)).append('|');
        }
        return b.toString();
    }

    @Test
    void aMessageIsCutAtFullStopsQuestionMarksAndLineBreaksWithItsOffsets() {
        String text = "Chào ad. Em ở trọ quận 7?? Làm sao ạ\nEm cảm ơn";
        assertEquals("[0,8]Chào ad.|[9,26?]Em ở trọ quận 7??|[27,36]Làm sao ạ|[37,46]Em cảm ơn|",
                show(text, Sentences.sentences(text)));
    }

    @Test
    void numbersAbbreviationsAndPlatesAreNotCut() {
        String text = "Phạt 1.500.000 ở TP.HCM, xe 59-X1 123.45 nhé. Xong";
        assertEquals("[0,45]Phạt 1.500.000 ở TP.HCM, xe 59-X1 123.45 nhé.|[46,50]Xong|",
                show(text, Sentences.sentences(text)));
    }

    @Test
    void aQuestionMarkWithoutASpaceAfterItStillEndsTheSentence() {
        String text = "làm ở đâu?em cảm ơn";
        assertEquals("[0,10?]làm ở đâu?|[10,19]em cảm ơn|", show(text, Sentences.sentences(text)));
    }

    @Test
    void clausesAreCutAtCommasAndTheLastKeepsTheQuestionMark() {
        String text = "Chào ad, vợ chồng em mới mua nhà, làm thường trú thế nào?";
        Sentences.Span sentence = Sentences.sentences(text).getFirst();
        assertEquals("[0,8]Chào ad,|[9,33]vợ chồng em mới mua nhà,|[34,57?]làm thường trú thế nào?|",
                show(text, Sentences.clauses(text, sentence)));
    }
}
