package vn.citizenqa.core.triage;

import java.util.ArrayList;
import java.util.List;

import vn.citizenqa.core.analysis.CueMatcher;
import vn.citizenqa.core.knowledge.KnowledgeFiles;

/**
 * Reads a vocabulary file of {@code cue[, cue…] => attributes} lines into cues, each carrying the
 * attributes of its line.
 */
final class CueFile {

    private CueFile() {
    }

    static List<CueMatcher.Cue<String>> read(KnowledgeFiles files, String path) {
        List<CueMatcher.Cue<String>> out = new ArrayList<>();
        for (KnowledgeFiles.Line line : files.lines(path)) {
            int arrow = line.text().indexOf("=>");
            if (arrow < 0) {
                throw line.problem("expected 'cue, cue => " + "attributes'");
            }
            String attributes = line.text().substring(arrow + 2).strip();
            if (attributes.isEmpty()) {
                throw line.problem("nothing after '=>'");
            }
            int before = out.size();
            for (String phrase : line.text().substring(0, arrow).split(",")) {
                if (phrase.isBlank()) {
                    continue;
                }
                CueMatcher.Cue<String> cue = CueMatcher.cue(phrase.strip(), attributes);
                if (cue == null) {
                    throw line.problem("'" + phrase.strip() + "' has no word to match");
                }
                out.add(cue);
            }
            if (out.size() == before) {
                throw line.problem("no cue before '=>'");
            }
        }
        return out;
    }
}
