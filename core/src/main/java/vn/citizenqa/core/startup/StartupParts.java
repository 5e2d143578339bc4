package vn.citizenqa.core.startup;

import vn.citizenqa.core.analysis.Lexicon;
import vn.citizenqa.core.knowledge.KnowledgeFiles;
import vn.citizenqa.core.triage.SafetyModel;

/**
 * What the assistant would otherwise compute at start from the knowledge files' text: the lexicon (its entries
 * normalised, its synonym automaton built) and the two triage models (their weights parsed). Computed, or restored
 * from the {@link StartupArtifact} the build made of the same files.
 */
public record StartupParts(Lexicon lexicon, SafetyModel safety, SafetyModel report) {

    /** Computes the parts from the text files (the tests, the tools, a package without its artifact). */
    public static StartupParts compute(KnowledgeFiles files) {
        return new StartupParts(Lexicon.load(files), SafetyModel.read(files), SafetyModel.read(files, SafetyModel.REPORT_FILE));
    }
}
