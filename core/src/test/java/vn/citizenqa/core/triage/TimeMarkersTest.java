package vn.citizenqa.core.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.citizenqa.core.analysis.CueMatcher.Match;
import vn.citizenqa.core.analysis.TokenGraph;

/**
 * How the markers of triage/markers.txt tell a story from danger now: "đang" in a sentence that says when, in a
 * story, it happened; what almost happened; how it ended; the day of a month it happened on.
 */
class TimeMarkersTest {

    private static final TimeMarkers MARKERS = new TimeMarkers(CueFile.read(RealKnowledge.FILES, Triage.MARKERS));

    private static TimeMarkers.Read read(String text) {
        TokenGraph graph = RealKnowledge.graph(text);
        return MARKERS.read(graph, text, SituationMatcher.typedWithDiacritics(graph));
    }

    private static List<String> phrases(List<Match<String>> matches) {
        return matches.stream().map(m -> m.cue().phrase()).toList();
    }

    @Test
    void dangInTheSentenceOfAStoryIsNotNow() {
        TimeMarkers.Read r = read("Lúc ấy tôi đang đứng chờ xe buýt thì bị giật túi xách");
        assertFalse(r.present());
        assertTrue(r.past());
        assertEquals(List.of("lúc ấy"), phrases(r.narrated()));
        assertEquals(List.of("đang"), phrases(r.nows()), "still a word of now for the situations of its sentence");
        assertFalse(r.urgent());
        assertTrue(r.toldAsOver());
    }

    @Test
    void dangOutsideTheStorysSentenceIsNowButNotUrgent() {
        TimeMarkers.Read r = read("Hôm đó tôi đi làm. Về nhà thấy con đang ở trong bể nước.");
        assertTrue(r.present());
        assertFalse(r.urgent());
        assertEquals(List.of("đang ở trong", "đang"), phrases(r.nows()));
        assertTrue(r.toldAsOver(), "a story with only 'đang' for a sign of now");
    }

    @Test
    void aSignOfNowInAStoryKeepsItNow() {
        TimeMarkers.Read r = read("Lúc đó nhà em đang cháy, giờ vẫn còn khói");
        assertTrue(r.present());
        assertTrue(r.urgent());
        assertEquals(List.of("đang", "giờ vẫn còn"), phrases(r.nows()));
        assertFalse(r.toldAsOver());
    }

    @Test
    void dangWithoutAStoryIsNow() {
        TimeMarkers.Read r = read("nhà bên đang cháy to lắm");
        assertTrue(r.present());
        assertEquals(List.of(), r.narrated());
        assertFalse(r.toldAsOver());
    }

    @Test
    void whatAlmostHappenedIsNarrated() {
        TimeMarkers.Read r = read("Chỉ chậm vài phút là cả xóm đã bị nước cuốn");
        assertEquals(List.of("chỉ chậm vài phút"), phrases(r.narrated()));
        assertFalse(r.present());
        assertTrue(r.toldAsOver());
    }

    @Test
    void howItEndedIsOverAndMarksItsClause() {
        TimeMarkers.Read r = read("Cảm ơn các chú đã cứu bố em khỏi đám cháy, cả nhà đã an toàn");
        assertTrue(r.resolved());
        assertFalse(r.past(), "an ending is no sign that all is over: someone's deed may go on");
        assertEquals(List.of("đã cứu", "đã an toàn"), phrases(r.endings()));
        assertTrue(r.toldAsOver());
    }

    @Test
    void luckIsOverButMarksNoClause() {
        TimeMarkers.Read r = read("May mà em trốn được vào phòng");
        assertTrue(r.resolved());
        assertEquals(List.of(), r.endings());
        assertTrue(r.toldAsOver());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tối 19/6, chồng tôi say rượu về", "ngày 3/10 bị mất xe ở chợ", "Đêm 12/12 có tiếng nổ"})
    void aDayOfAMonthIsWhenItHappened(String text) {
        assertTrue(read(text).past(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ngập 1/2 nhà rồi", "con tôi 3/4 tuổi", "mã số 12/2024/TT"})
    void aFractionOrANumberIsNoDay(String text) {
        assertFalse(read(text).past(), text);
    }

    @Test
    void aRecurringHazardIsLasting() {
        assertTrue(read("Cái ao không có rào chắn, năm nào trẻ con cũng ra tắm").past());
    }

    /** The cues, read with the markers: a situation in a story's sentence, or in the clause of how it ended, is over. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Khi đó, cháu đã ngừng thở. Mọi người chạy đến sơ cứu",
        "Lúc ấy chỉ có ít khói ở tầng 3, chúng tôi gọi lực lượng cứu hỏa",
        "Chỉ trễ vài phút, chúng tôi đã mắc kẹt trong thang máy",
        "Last year I was in a motorbike accident, do I need to declare it for my visa now?",
        "Cảm ơn các chú đã cứu bố em khỏi đám cháy, cả nhà đã an toàn",
        "Vợ và các con tôi đã được cứu, xin cảm ơn mọi người",
        "thông tin cá nhân bị rò rỉ từ bên giao hàng",
    })
    void aSituationToldAsOverIsNoEmergency(String text) {
        assertNull(RealKnowledge.signals(text).emergency(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Lúc đó nhà em đang cháy, em chạy ra ngoài, giờ vẫn còn khói và lửa đang lan",
        "Hôm đó con đi học. Giờ con bất tỉnh ở trạm xá",
        "Lúc đó thấy khói, em đang kẹt trong phòng",
        "may mà em trốn được vào phòng, nó đang cầm dao đập cửa",
        "May mà em trốn được vào nhà tắm, thằng chồng cầm dao đập cửa",
        "Mẹ con em đã được cứu ra nhưng thằng chồng vẫn cầm dao đứng ngoài cửa",
        "nhà em đang cháy, khói mù mịt",
    })
    void aSituationNowStaysAnEmergencyInAStory(String text) {
        assertNotNull(RealKnowledge.signals(text).emergency(), text);
    }

    /** Someone missing told as a story: two signs of it make an emergency. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Bố tôi bị Alzheimer, sáng nay đi lang thang ra khỏi nhà",
        "Bà tôi không nhớ đường về, mong ai nhìn thấy bà thì báo giúp",
        "cháu bé đi từ sáng, từ hôm qua đến nay bặt tin",
    })
    void someoneMissingToldAsAStoryIsAnEmergency(String text) {
        TriageSignals.Emergency e = RealKnowledge.signals(text).emergency();
        assertNotNull(e, text);
        assertEquals(List.of("113"), e.numbers(), text);
    }

    @Test
    void dangInTheClauseOfAFinishedDayIsNotNow() {
        TimeMarkers.Read r = read("Chiều qua con tôi đang chơi trước nhà thì hàng xóm sang chửi bới");
        assertFalse(r.present(), "'chiều qua' tells its clause's 'đang' in the past");
        assertTrue(r.past());
        assertTrue(read("Chiều qua hàng xóm sang chửi bới, giờ nó đang cầm dao đứng trước cửa").present(),
                "'đang' in another clause is now");
        assertTrue(read("Từ tối qua con đang sốt cao").present(), "a day counted up to now is not over");
    }

    @Test
    void daysAgoAreThePast() {
        assertTrue(read("Hai ngày trước tôi có va chạm với một xe máy khác").past());
        assertTrue(read("3 tuần trước tôi bị giật túi").past());
        assertFalse(read("trước nhà tôi có hai người đánh nhau").past());
    }

    @Test
    void nowInAClauseAboutPaperworkIsThePaperworksNow() {
        assertFalse(read("hiện giờ người nhà nạn nhân muốn khởi kiện").present());
        assertTrue(read("hiện giờ nhà bên đang bốc khói, tôi muốn báo công an").present());
    }

    @Test
    void aDeedDoneIsReadWhereItIsSaid() {
        assertTrue(phrases(read("cảm ơn công an phường đã giúp tìm lại cháu bị lạc").deeds()).contains("đã giúp tìm lại"));
        assertTrue(read("mong các anh giúp tìm lại cháu bị lạc").deeds().isEmpty(), "asked for, not done");
    }

    @Test
    void aBareDangIsNowButNotTypedCompany() {
        TimeMarkers.Read r = read("nha ben dang chay to lam");
        assertTrue(r.present(), "'dang' typed bare is 'đang'");
        assertFalse(r.presentTyped(), "but it is itself typed bare: no company for another bare word");
        assertTrue(read("nha ben dang chay, goi cuu hoa ngay bay gio").presentTyped());
        assertTrue(read("nhà bên đang cháy").presentTyped());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "cho em hoi dang ky tam tru cho con o dau",
        "anh toi dang sinh song tai Da Nang, lam ho chieu o dau",
        "anh tôi đang sinh sống tại Đà Nẵng, làm hộ chiếu ở đâu",
        "ban em dang hoc tai Nhat, muon lam lai can cuoc",
    })
    void dangInAnotherWordOrForWhereOneLivesIsNotNow(String text) {
        assertFalse(read(text).present(), text);
    }

    @Test
    void aWordThatHoldsAMarkersLettersTypedBareIsNoMarker() {
        assertEquals(List.of(), read("nha em co trom, nghe tieng luc do duoi tang 1").narrated(),
                "'tieng luc do' is someone rummaging, not 'lúc đó'");
        assertEquals(List.of("lúc đó"), phrases(read("luc do em dang ngu thi nghe tieng dong").narrated()),
                "'luc do' alone is still 'lúc đó'");
    }

    @Test
    void aDayAgoOrADateTypedBareIsPast() {
        assertTrue(read("hai ngay truoc toi va cham xe may, gio ben kia doi boi thuong").past());
        assertTrue(read("toi 19/6 nha toi bi mat trom xe").past());
        assertFalse(read("nha toi dang bi mat nuoc").past());
    }
}
