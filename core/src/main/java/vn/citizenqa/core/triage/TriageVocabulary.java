package vn.citizenqa.core.triage;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.citizenqa.core.analysis.CueMatcher;
import vn.citizenqa.core.analysis.CueMatcher.Cue;
import vn.citizenqa.core.analysis.Lexicon;
import vn.citizenqa.core.knowledge.KnowledgeFiles;
import vn.citizenqa.core.model.ScamWarning;

/**
 * The triage vocabularies of {@code knowledge/triage/} as {@link Triage} uses them: each file's cues analysed into
 * syllables (the costly part of reading them: every phrase through the analysis chain), the English words, and the
 * scam warnings' cues and words. Read from the text files, checked as the matchers check them, or restored from
 * the start-up artifact the build made of the same files ({@link #write}, {@link #read(DataInputStream)}), which
 * analyses nothing.
 *
 * @param tricks  the scam warnings' cues, each standing for its warning's id
 * @param wordsOf per warning id, in the warnings' order, its folded words and word pairs
 */
public record TriageVocabulary(List<Cue<String>> emergency, List<Cue<String>> notEmergency, List<Cue<String>> crime,
        List<Cue<String>> outOfScope, List<Cue<String>> outOfScopeContext, List<Cue<String>> smallTalk, List<Cue<String>> markers, List<Cue<String>> scam,
        Set<String> englishWords, List<Cue<String>> tricks, Map<String, Set<String>> wordsOf) {

    public TriageVocabulary {
        emergency = List.copyOf(emergency);
        notEmergency = List.copyOf(notEmergency);
        crime = List.copyOf(crime);
        outOfScope = List.copyOf(outOfScope);
        outOfScopeContext = List.copyOf(outOfScopeContext);
        smallTalk = List.copyOf(smallTalk);
        markers = List.copyOf(markers);
        scam = List.copyOf(scam);
        englishWords = Set.copyOf(englishWords);
        tricks = List.copyOf(tricks);
        Map<String, Set<String>> words = new LinkedHashMap<>();
        wordsOf.forEach((id, w) -> words.put(id, Set.copyOf(w)));
        wordsOf = java.util.Collections.unmodifiableMap(words);
    }

    /** Reads and checks the vocabulary files, with the scam warnings the package holds. */
    public static TriageVocabulary read(KnowledgeFiles files, List<ScamWarning> warnings) {
        TriageVocabulary v = new TriageVocabulary(CueFile.read(files, Triage.EMERGENCY), CueFile.read(files, Triage.NOT_EMERGENCY),
                CueFile.read(files, Triage.CRIME), CueFile.read(files, Triage.OUT_OF_SCOPE), CueFile.read(files, OtherAgencyMentions.FILE),
                CueFile.read(files, Triage.SMALL_TALK),
                CueFile.read(files, Triage.MARKERS), CueFile.read(files, Triage.SCAM), EnglishText.words(files),
                ScamReading.trickCues(warnings), ScamReading.wordsOf(warnings));
        v.check();
        return v;
    }

    /** Refuses cues of unknown kinds or attributes, as the matchers do (so that the build refuses them). */
    void check() {
        EmergencyCues.check(emergency);
        TimeMarkers.check(markers);
        ScamReading.check(scam);
        OtherAgencyMentions.check(outOfScopeContext);
    }

    /** Writes it for the start-up artifact; the same vocabulary, the same bytes. */
    public void write(DataOutputStream out) throws IOException {
        for (List<Cue<String>> cues : List.of(emergency, notEmergency, crime, outOfScope, outOfScopeContext, smallTalk, markers,
                scam)) {
            CueMatcher.writeCues(out, cues);
        }
        Lexicon.writeStrings(out, englishWords.stream().sorted().toList());
        CueMatcher.writeCues(out, tricks);
        out.writeInt(wordsOf.size());
        for (var e : wordsOf.entrySet()) {
            out.writeUTF(e.getKey());
            Lexicon.writeStrings(out, e.getValue().stream().sorted().toList());
        }
    }

    /** What {@link #write} wrote; nothing is analysed. */
    public static TriageVocabulary read(DataInputStream in) throws IOException {
        List<List<Cue<String>>> files = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            files.add(CueMatcher.readCues(in));
        }
        Set<String> english = new HashSet<>(Lexicon.readStrings(in));
        List<Cue<String>> tricks = CueMatcher.readCues(in);
        int warnings = in.readInt();
        Map<String, Set<String>> wordsOf = new LinkedHashMap<>();
        for (int i = 0; i < warnings; i++) {
            wordsOf.put(in.readUTF(), new HashSet<>(Lexicon.readStrings(in)));
        }
        return new TriageVocabulary(files.get(0), files.get(1), files.get(2), files.get(3), files.get(4), files.get(5),
                files.get(6), files.get(7), english, tricks, wordsOf);
    }
}
