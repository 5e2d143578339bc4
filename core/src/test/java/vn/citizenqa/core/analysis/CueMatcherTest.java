package vn.citizenqa.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class CueMatcherTest {

    private static final Lexicon LEXICON = Lexicon.of(List.of(
            new Lexicon.Entry(List.of("bn"), List.of("bao nhiêu"), "test")));

    private static TokenGraph graph(String text) {
        return TokenGraph.analyze(VietnameseAnalysis.queryAnalyzer(LEXICON), text);
    }

    private static CueMatcher<String> matcher(String... phrases) {
        return new CueMatcher<>(java.util.Arrays.stream(phrases).map(p -> CueMatcher.cue(p, p)).toList());
    }

    @Test
    void aCueMatchesWithOrWithoutDiacriticsAndInCapitals() {
        CueMatcher<String> m = matcher("đang cháy");
        assertTrue(m.any(graph("nhà bên ĐANG CHÁY")));
        assertTrue(m.any(graph("nha ben dang chay")));
    }

    @Test
    void otherDiacriticsAreAnotherWord() {
        assertFalse(matcher("đang cháy").any(graph("xe đang chạy")));
    }

    @Test
    void inAMessageTypedWithDiacriticsABareSyllableIsMeantBare() {
        CueMatcher<String> weather = matcher("có mưa");
        assertFalse(weather.any(graph("Cho em hỏi có mua được vé tàu không")), "có mua (buy) is not có mưa (rain)");
        assertTrue(weather.any(graph("hom nay co mua khong")), "typed without any diacritics, it may be either");
        assertTrue(weather.any(graph("Hôm nay có mưa không")));
    }

    @Test
    void aOneSyllableCueNeedsItsDiacritics() {
        CueMatcher<String> m = matcher("đang");
        assertTrue(m.any(graph("đang đi")));
        assertFalse(m.any(graph("dang ky")), "dang is also đăng");
    }

    @Test
    void anExactCueTypedBareIsAnApproximateMatchWhenAsked() {
        CueMatcher<String> loose = new CueMatcher<>(List.of(CueMatcher.cue("cháy", "fire")), true);
        List<CueMatcher.Match<String>> found = loose.find(graph("nha chay roi"));
        assertEquals(1, found.size());
        assertTrue(found.getFirst().approximate());
        assertFalse(loose.find(graph("nhà cháy rồi")).getFirst().approximate());
        assertTrue(loose.find(graph("xe chạy")).isEmpty());
    }

    @Test
    void aCueMatchesThroughTheLexicon() {
        List<CueMatcher.Match<String>> found = matcher("bao nhiêu tiền").find(graph("lệ phí bn tiền ad"));
        assertEquals(1, found.size());
        assertEquals(2, found.getFirst().from());
    }

    @Test
    void anEqualsSignAsksForDiacritics() {
        CueMatcher<String> m = matcher("=cháy xe");
        assertTrue(m.any(graph("cháy xe")));
        assertFalse(m.any(graph("chay xe may")));
    }
}
