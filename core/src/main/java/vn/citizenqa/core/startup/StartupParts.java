package vn.citizenqa.core.startup;

import vn.citizenqa.core.analysis.Lexicon;
import vn.citizenqa.core.knowledge.KnowledgeFiles;
import vn.citizenqa.core.search.SearchTables;
import vn.citizenqa.core.triage.SafetyModel;
import vn.citizenqa.core.triage.ScamWarnings;
import vn.citizenqa.core.triage.TriageVocabulary;

/**
 * What the assistant would otherwise compute at start from the knowledge files' text and from the whole index: the
 * lexicon (its entries normalised, its synonym automaton built, its message cues analysed), the two triage models
 * (their weights parsed), the triage vocabularies (their cues analysed: {@link TriageVocabulary}) and the search's
 * tables (procedures, vocabulary, postings: {@link SearchTables}). Computed, or restored from the
 * {@link StartupArtifact} the build made of the same files and index.
 *
 * @param triage null when the triage reads its vocabularies from the text files as it is built (the tests, the tools)
 * @param search null when they are to be read from the index as it is opened (computed parts: the tests, the tools)
 */
public record StartupParts(Lexicon lexicon, SafetyModel safety, SafetyModel report, TriageVocabulary triage,
        SearchTables search) {

    public StartupParts(Lexicon lexicon, SafetyModel safety, SafetyModel report) {
        this(lexicon, safety, report, null, null);
    }

    /** Computes the parts from the text files (the tests, the tools, a package without its artifact). */
    public static StartupParts compute(KnowledgeFiles files) {
        return new StartupParts(Lexicon.load(files), SafetyModel.read(files), SafetyModel.read(files, SafetyModel.REPORT_FILE));
    }

    /** The same parts with the triage vocabularies read from the files (and the package's scam warnings): the build's. */
    public StartupParts withTriage(KnowledgeFiles files) {
        return new StartupParts(lexicon, safety, report, TriageVocabulary.read(files, ScamWarnings.read(files)), search);
    }

    /** The same parts with the search's tables (the build's, computed from the index it wrote). */
    public StartupParts withSearch(SearchTables tables) {
        return new StartupParts(lexicon, safety, report, triage, tables);
    }
}
