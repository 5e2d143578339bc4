package vn.citizenqa.core.triage;

import java.nio.file.Path;

import vn.citizenqa.core.analysis.Lexicon;
import vn.citizenqa.core.analysis.TokenGraph;
import vn.citizenqa.core.analysis.VietnameseAnalysis;
import vn.citizenqa.core.answer.FollowUps;
import vn.citizenqa.core.knowledge.KnowledgeFiles;

/** The repository's own vocabularies (knowledge/lexicon, knowledge/triage), loaded once for the tests. */
public final class RealKnowledge {

    public static final Path DIR = Path.of(System.getProperty("knowledge.dir", "../knowledge"));
    public static final KnowledgeFiles FILES = KnowledgeFiles.directory(DIR);
    public static final Lexicon LEXICON = Lexicon.load(FILES);
    public static final Triage TRIAGE = Triage.load(FILES, LEXICON);
    public static final FollowUps FOLLOW_UPS = FollowUps.load(FILES, LEXICON);
    private static final org.apache.lucene.analysis.Analyzer QUERY = VietnameseAnalysis.queryAnalyzer(LEXICON);

    private RealKnowledge() {
    }

    public static TokenGraph graph(String text) {
        return TokenGraph.analyze(QUERY, text);
    }

    public static TriageSignals signals(String text) {
        return TRIAGE.read(graph(text), text);
    }
}
