package vn.citizenqa.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.knowledge.KnowledgeFiles;

class LexiconTest {

    static KnowledgeFiles files(Map<String, String> contents) {
        return path -> {
            String text = contents.get(path);
            if (text == null) {
                throw new FileNotFoundException(path);
            }
            return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        };
    }

    static Lexicon lexicon(String synonyms) {
        return Lexicon.load(files(Map.of(
                "lexicon/abbreviations.txt", "cccd => căn cước công dân | căn cước\ntt => tạm trú | thường trú | thủ tục\n",
                "lexicon/teencode.txt", "ko, k, hok => không\n",
                "lexicon/synonyms.txt", synonyms,
                "lexicon/spelling.txt", "tạm chú => tạm trú\n",
                "lexicon/english.txt", "passport => hộ chiếu\n",
                "lexicon/stopwords.txt", "cho em hỏi ạ\n")));
    }

    private static Set<String> terms(TokenGraph g) {
        return g.edges().stream().map(TokenGraph.Edge::term).collect(Collectors.toSet());
    }

    @Test
    void anAbbreviationExpandsToItsPhrasesKeepingWhatWasTyped() {
        TokenGraph g = TokenGraph.analyze(VietnameseAnalysis.queryAnalyzer(lexicon("")), "lam cccd");
        assertTrue(terms(g).containsAll(Set.of("lam", "cccd", "căn", "cước", "công", "dân")), terms(g).toString());
        List<TokenGraph.Segment> segments = g.segments();
        assertEquals(2, segments.size());
        Set<String> readings = segments.get(1).paths().stream()
                .map(p -> p.stream().map(TokenGraph.Edge::term).collect(Collectors.joining(" ")))
                .collect(Collectors.toSet());
        assertEquals(Set.of("cccd", "căn cước công dân", "căn cước"), readings);
    }

    @Test
    void anAmbiguousKeyExpandsToEveryReading() {
        TokenGraph g = TokenGraph.analyze(VietnameseAnalysis.queryAnalyzer(lexicon("")), "tt");
        Set<String> readings = g.segments().getFirst().paths().stream()
                .map(p -> p.stream().map(TokenGraph.Edge::term).collect(Collectors.joining(" ")))
                .collect(Collectors.toSet());
        assertEquals(Set.of("tt", "tạm trú", "thường trú", "thủ tục"), readings);
    }

    @Test
    void aKeyMatchesTypedWithOrWithoutDiacritics() {
        Lexicon lex = lexicon("hộ khẩu => thường trú\n");
        for (String typed : List.of("nhập hộ khẩu", "nhap ho khau", "NHẬP HỘ KHẨU")) {
            TokenGraph g = TokenGraph.analyze(VietnameseAnalysis.queryAnalyzer(lex), typed);
            assertTrue(terms(g).contains("thường"), typed + " → " + terms(g));
        }
    }

    @Test
    void southernSpellingsAndTyposMapToTheStandardWord() {
        TokenGraph g = TokenGraph.analyze(VietnameseAnalysis.queryAnalyzer(lexicon("")), "khai tạm chú");
        assertTrue(terms(g).contains("trú"), terms(g).toString());
        assertTrue(TokenGraph.analyze(VietnameseAnalysis.queryAnalyzer(lexicon("")), "tam chu").edges().stream()
                .anyMatch(e -> e.folded().equals("tru")));
    }

    @Test
    void anOldTermAfterAVerbIsReadAsTodaysProcedureOverTheWholePhrase() {
        // The repository's lexicon: "tách sổ hộ khẩu" (the household book no longer exists) is the split of a household.
        TokenGraph g = TokenGraph.analyze(VietnameseAnalysis.queryAnalyzer(vn.citizenqa.core.triage.RealKnowledge.LEXICON),
                "thủ tục tách sổ hộ khẩu");
        List<String> readings = g.edges().stream().filter(e -> !e.typed())
                .map(e -> e.term() + "[" + e.start() + "-" + e.end() + "]@" + e.from() + "-" + e.to()).toList();
        assertEquals(List.of("tách[8-23]@2-3", "hộ[8-23]@3-7"), readings);
        assertEquals(List.of("thu", "tuc", "tach", "so", "ho", "khau"), g.typedFolded());
    }

    @Test
    void aCitizenOfANamedCountryIsReadAsAForeignerOverBothSyllables() {
        // The repository's lexicon: "người Pháp" is a foreigner, "bên Đức" abroad; the typed words stay.
        TokenGraph g = TokenGraph.analyze(VietnameseAnalysis.queryAnalyzer(vn.citizenqa.core.triage.RealKnowledge.LEXICON),
                "chồng em là người Pháp, bố mẹ ở bên Đức");
        List<String> readings = g.edges().stream().filter(e -> !e.typed())
                .map(e -> e.term() + "[" + e.start() + "-" + e.end() + "]@" + e.from() + "-" + e.to()).toList();
        assertEquals(List.of("người[12-22]@3-4", "nước[12-22]@4-5", "ngoài[12-22]@5-7", "nước[32-39]@10-11",
                "ngoài[32-39]@11-13"), readings);
        assertEquals(List.of("chong", "em", "la", "nguoi", "phap", "bo", "me", "o", "ben", "duc"), g.typedFolded());
        // A licence named by its country is a foreign licence, read over the three typed syllables (a longer key
        // before it wins: "đổi bằng lái" is the licence exchange).
        TokenGraph licence = TokenGraph.analyze(VietnameseAnalysis.queryAnalyzer(vn.citizenqa.core.triage.RealKnowledge.LEXICON),
                "bằng lái Úc của tôi");
        assertEquals(List.of("bằng[0-11]@0-1", "lái[0-11]@1-2", "nước[0-11]@2-3", "ngoài[0-11]@3-6"),
                licence.edges().stream().filter(e -> !e.typed())
                        .map(e -> e.term() + "[" + e.start() + "-" + e.end() + "]@" + e.from() + "-" + e.to()).toList());
        // "người Thái" is a people of Viet Nam too: no reading.
        assertTrue(TokenGraph.analyze(VietnameseAnalysis.queryAnalyzer(vn.citizenqa.core.triage.RealKnowledge.LEXICON),
                "người Thái ở Sơn La").edges().stream().allMatch(TokenGraph.Edge::typed));
    }

    @Test
    void typedSyllablesAreKeptApartFromReadings() {
        TokenGraph g = TokenGraph.analyze(VietnameseAnalysis.queryAnalyzer(lexicon("")), "passport ko");
        assertEquals(List.of("passport", "ko"), g.typedFolded());
    }

    @Test
    void stopwordsMatchAsTypedAndKeyWordsFolded() {
        Lexicon lex = lexicon("");
        assertTrue(lex.isStopword("hỏi"));
        assertFalse(lex.isStopword("hoi"), "'hoi' is also 'hồi' of 'thu hồi'");
        assertTrue(lex.isKeyWord("chu"));
    }

    @Test
    void aLineWithoutArrowNamesFileAndLine() {
        var e = assertThrows(KnowledgeFiles.InvalidVocabularyException.class, () -> lexicon("# comment\ncà vẹt = đăng ký xe\n"));
        assertTrue(e.getMessage().startsWith("lexicon/synonyms.txt:2:"), e.getMessage());
    }
}
