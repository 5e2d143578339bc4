package vn.citizenqa.core.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.citizenqa.core.analysis.TokenGraph;
import vn.citizenqa.core.analysis.TokenGraph.Edge;
import vn.citizenqa.core.analysis.VietnameseAnalysis;
import vn.citizenqa.core.model.Procedure;

/** The procedures' names (title and aliases) as numbered syllables: how much of a name a message contains. */
final class ProcedureNames {

    /** Every folded syllable of the titles and aliases, numbered, so that a name is an array of numbers. */
    private final Map<String, Integer> nameSyllables = new HashMap<>();
    /** By document number: the title and each alias as the numbers of their distinct folded syllables. */
    private final int[][][] names;

    ProcedureNames(List<Procedure> procedures) {
        this.names = new int[procedures.size()][][];
        for (int doc = 0; doc < names.length; doc++) {
            names[doc] = names(procedures.get(doc)).stream()
                    .map(name -> name.stream().mapToInt(syllable -> nameSyllables.computeIfAbsent(syllable, k -> nameSyllables.size()))
                            .toArray())
                    .toArray(int[][]::new);
        }
    }

    private static List<Set<String>> names(Procedure p) {
        List<Set<String>> out = new ArrayList<>();
        List<String> texts = new ArrayList<>(p.aliases());
        texts.add(p.title());
        for (String text : texts) {
            Set<String> syllables = new java.util.HashSet<>();
            for (String s : VietnameseAnalysis.syllables(text)) {
                syllables.add(vn.citizenqa.core.text.Folding.removeDiacritics(s));
            }
            if (!syllables.isEmpty()) {
                out.add(Set.copyOf(syllables));
            }
        }
        return List.copyOf(out);
    }

    /** The numbers of the name syllables the message has (typed or read), sorted. */
    int[] said(TokenGraph graph) {
        int[] said = new int[graph.edges().size()];
        int n = 0;
        for (Edge e : graph.edges()) {
            Integer id = nameSyllables.get(e.folded());
            if (id != null) {
                said[n++] = id;
            }
        }
        said = java.util.Arrays.copyOf(said, n);
        java.util.Arrays.sort(said);
        return said;
    }

    /** The largest share of the title or of an alias of document {@code doc} whose syllables the message contains. */
    double share(int doc, int[] said) {
        double best = 0;
        for (int[] name : names[doc]) {
            int found = 0;
            for (int syllable : name) {
                if (java.util.Arrays.binarySearch(said, syllable) >= 0) {
                    found++;
                }
            }
            best = Math.max(best, found / (double) name.length);
        }
        return best;
    }
}
