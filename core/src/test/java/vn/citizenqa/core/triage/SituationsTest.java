package vn.citizenqa.core.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.citizenqa.core.knowledge.KnowledgeFiles;

/** Emergencies read as situations: words between a cue's parts, held-down letters, diacritics, time. */
class SituationsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "nước lên rất nhanh, nhà có người già",
        "nuoc len rat nhanh, nha co nguoi gia",
        "cứuuu nhà cháyyy",
        "mẹ em tự dưng méo miệng, nói ngọng",
        "vợ em vỡ ối rồi, đường ngập không ra được",
        "tụi nó đang tụ tập cầm mã tấu ở đầu cầu",
        "Cứu với",
    })
    void everydayWordsForDangerNowAreEmergencies(String text) {
        assertNotNull(RealKnowledge.signals(text).emergency(), text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "năm ngoái tôi bị đánh gãy tay, giờ muốn khởi kiện có được không",
        "quy định về lối thoát nạn khi cháy cho nhà trọ cao tầng là gì",
        "làm lại giấy phép lái xe bị cháy hỏng như thế nào",
        "Hồi nhỏ tôi bị bỏng, giờ làm căn cước có cần khai sẹo không",
        "tui no doa tung clip nong neu ko chuyen tien",
    })
    void pastEventsAndFireSafetyQuestionsAreNotEmergencies(String text) {
        assertNull(RealKnowledge.signals(text).emergency(), text);
    }

    @Test
    void anAccentedWordMatchesOnlyItsAccentedCue() {
        assertNotNull(RealKnowledge.signals("hôm nay có mưa không").outOfScope(), "có mưa: the weather");
        assertNull(RealKnowledge.signals("tôi có mua xe cũ, sang tên thế nào").outOfScope(), "có mua: bought");
        assertNotNull(RealKnowledge.signals("hom nay co mua khong").outOfScope(), "typed bare: either, so the cue counts");
    }

    @Test
    void aCallForHelpIsAnUncertainEmergency() {
        TriageSignals.Emergency call = RealKnowledge.signals("cứu em với").emergency();
        assertNotNull(call);
        assertTrue(!call.certain(), "a procedure question the search is sure of may still win");
        assertTrue(RealKnowledge.signals("cháy nhà, cứu với").emergency().certain());
    }

    @Test
    void heldDownLettersCountOnce() {
        assertEquals("cứu", SituationMatcher.squeeze("cứuuuu"));
        assertEquals("scamed", SituationMatcher.squeeze("scammed"));
        assertEquals("ok", SituationMatcher.squeeze("ok"));
    }

    @Test
    void theSafetyModelReadsBackWhatItWrote() {
        float[] weights = new float[16];
        weights[3] = 1.5f;
        weights[9] = -0.25f;
        SafetyModel model = new SafetyModel(16, -0.5, 0.7, weights);
        String text = model.write("test model");
        SafetyModel back = SafetyModel.read(path -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(0.7, back.threshold(), 1e-9);
        var graph = RealKnowledge.graph("nhà em đang cháy");
        assertEquals(model.score(graph), back.score(graph), 1e-6);
    }

    @Test
    void theFeaturesAreTheBucketsOfTheSyllablesAndPairsWrittenOut() {
        var graph = RealKnowledge.graph("Nhà em cháyyy");
        java.util.TreeSet<Integer> expected = new java.util.TreeSet<>();
        String[][] words = {{"nhà", "em", "cháy"}, {"nha", "em", "chay"}};
        for (int i = 0; i < 3; i++) {
            expected.add(SafetyModel.bucket("u " + words[0][i], 1 << 14));
            expected.add(SafetyModel.bucket("f " + words[1][i], 1 << 14));
            if (i > 0) {
                expected.add(SafetyModel.bucket("b " + words[0][i - 1] + " " + words[0][i], 1 << 14));
                expected.add(SafetyModel.bucket("g " + words[1][i - 1] + " " + words[1][i], 1 << 14));
            }
        }
        int[] features = SafetyModel.features(graph, 1 << 14);
        assertEquals(expected.stream().mapToInt(Integer::intValue).boxed().toList(),
                java.util.Arrays.stream(features).boxed().toList());
    }

    @Test
    void aMalformedModelNamesTheFileAndLine() {
        KnowledgeFiles files = path -> new ByteArrayInputStream("buckets 16\nbias 0\nthreshold x\n".getBytes(StandardCharsets.UTF_8));
        var e = assertThrows(KnowledgeFiles.InvalidVocabularyException.class, () -> SafetyModel.read(files));
        assertTrue(e.getMessage().startsWith(SafetyModel.FILE + ":3: not a number"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Chiều qua con tôi đang chơi trước nhà thì hàng xóm xông vào nhà đánh tôi, giờ tôi muốn trình báo",
        "Nghe nói đốt vàng mã ở hành lang chung cư dễ gây cháy bị phạt, có đúng không",
        "Hai ngày trước tôi va chạm với một xe máy, người kia bị thương ở chân, hiện giờ họ muốn khởi kiện, xin hỏi có hòa giải được không?",
        "Cháu mua ống kẽm và van cứu hỏa về định chế súng bắn hơi, công an đến thu rồi, cháu có bị làm sao không ạ?",
    })
    void aDeedOverAThankYouOrARuleQuestionIsNotAnEmergency(String text) {
        assertNull(RealKnowledge.signals(text).emergency(), text);
    }

    @Test
    void aViolentDeedOverIsAReport() {
        TriageSignals s = RealKnowledge.signals(
                "Chiều qua con tôi đang chơi trước nhà thì hàng xóm xông vào nhà đánh tôi, giờ tôi muốn trình báo");
        assertFalse(s.crime().isEmpty(), "a report for officers (HIGH)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Chiều qua con tôi đang chơi trước nhà thì hàng xóm xông vào nhà đánh tôi, giờ nó đang cầm dao đứng trước cửa",
        "Chiều qua hàng xóm xông vào nhà đánh tôi, cứu tôi với",
        "Xin cảm ơn các anh đã giúp, nhưng cháu bị lạc vẫn chưa tìm thấy, cứu cháu với",
        "Nhà bên đang cháy, có bị phạt không",
        "Càng ngày càng nhiều số lạ gọi tới hù dọa tôi. Ngày nào cũng vay app này trả app kia, không biết làm thế nào, nhiều lúc muốn tự vẫn...",
        "bọn đòi nợ khủng bố điện thoại cả tháng nay, em chán sống lắm rồi, phải làm thế nào?",
    })
    void theSameStoryWithDangerNowOrAWishToDieStaysAnEmergency(String text) {
        assertNotNull(RealKnowledge.signals(text).emergency(), text);
    }
}
