package vn.citizenqa.core.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class FeedbackTest {

    @Test
    void theLabelsTappedOrTypedAreFeedback() {
        assertEquals(Optional.of(Feedback.WRONG), Feedback.of("Chưa đúng"));
        assertEquals(Optional.of(Feedback.WRONG), Feedback.of("chua dung!"));
        assertEquals(Optional.of(Feedback.HELPFUL), Feedback.of(" HỮU ÍCH "));
    }

    @Test
    void aSentenceMentioningThemIsNot() {
        assertEquals(Optional.empty(), Feedback.of("giấy tờ chưa đúng thì làm sao"));
        assertEquals(Optional.empty(), Feedback.of(""));
        assertEquals(Optional.empty(), Feedback.of(null));
    }
}
