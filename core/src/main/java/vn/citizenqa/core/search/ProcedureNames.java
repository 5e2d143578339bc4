package vn.citizenqa.core.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.citizenqa.core.analysis.MessageStructure;
import vn.citizenqa.core.analysis.TokenGraph;
import vn.citizenqa.core.analysis.TokenGraph.Edge;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.text.Folding;

/**
 * The procedures' names (title and aliases) as numbered syllables: how much of a name a message says. Accents are
 * evidence: "cán bộ" does not say the "căn" of "căn cước"; a word typed bare may be any syllable of its letters.
 */
final class ProcedureNames {

    /**
     * The syllables of the titles and aliases as written (accented, or bare where a name is), numbered, so that a
     * name is an array of numbers.
     */
    private final Map<String, Integer> nameSyllables = new HashMap<>();
    /** The numbers of the name syllables of the same letters ("can" → căn, cán, can). */
    private final Map<String, int[]> byLetters = new HashMap<>();
    /** By document number: the title and each alias as the numbers of their distinct syllables. */
    private final int[][][] names;

    /** @param texts the procedures' texts analysed already (else each is analysed now) */
    ProcedureNames(List<Procedure> procedures, AnalysedTexts texts) {
        this.names = new int[procedures.size()][][];
        for (int doc = 0; doc < names.length; doc++) {
            names[doc] = names(procedures.get(doc), texts).stream()
                    .map(name -> name.stream().mapToInt(this::id).toArray())
                    .toArray(int[][]::new);
        }
    }

    private int id(String syllable) {
        Integer known = nameSyllables.get(syllable);
        if (known != null) {
            return known;
        }
        int id = nameSyllables.size();
        nameSyllables.put(syllable, id);
        byLetters.merge(Folding.removeDiacritics(syllable), new int[] {id}, ProcedureNames::concat);
        return id;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static List<Set<String>> names(Procedure p, AnalysedTexts analysed) {
        List<Set<String>> out = new ArrayList<>();
        List<String> texts = new ArrayList<>(p.aliases());
        texts.add(p.title());
        for (String text : texts) {
            Set<String> syllables = new java.util.HashSet<>();
            List<String> all = analysed.syllables(text);
            for (int i = 0; i < all.size(); i++) {
                // Every message on the page is to the police: "công an" in a name ("báo công an") names nothing.
                if (i + 1 < all.size() && all.get(i).equals("công") && all.get(i + 1).equals("an")) {
                    i++;
                    continue;
                }
                syllables.add(all.get(i));
            }
            if (!syllables.isEmpty()) {
                out.add(Set.copyOf(syllables));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The numbers of the name syllables the message says (typed or read), sorted: in what it asks ({@code asked}),
     * or anywhere in its question and story alike.
     */
    int[] said(TokenGraph graph, boolean asked) {
        int[] said = new int[16];
        int n = 0;
        MessageStructure structure = graph.structure();
        for (Edge e : graph.edges()) {
            if (!structure.meaningful(e.from()) || policeWord(graph, e)
                    || (asked && structure.role(e.from()) != MessageStructure.Role.ASKED)) {
                continue;
            }
            if (e.term().equals(e.folded())) {
                int[] ids = byLetters.get(e.folded());
                if (ids != null) {
                    if (n + ids.length > said.length) {
                        said = java.util.Arrays.copyOf(said, Math.max(said.length * 2, n + ids.length));
                    }
                    System.arraycopy(ids, 0, said, n, ids.length);
                    n += ids.length;
                }
            } else {
                Integer id = nameSyllables.get(e.term());
                Integer bare = nameSyllables.get(e.folded()); // a name written without diacritics ("vneid", "pccc")
                if (n + 2 > said.length) {
                    said = java.util.Arrays.copyOf(said, said.length * 2);
                }
                if (id != null) {
                    said[n++] = id;
                }
                if (bare != null) {
                    said[n++] = bare;
                }
            }
        }
        int[] out = java.util.Arrays.copyOf(said, n);
        java.util.Arrays.sort(out);
        return out;
    }

    /** Whether the edge is a syllable of "công an" (the page's own name, see {@link #names}). */
    private static boolean policeWord(TokenGraph graph, Edge e) {
        String other = e.folded().equals("cong") ? "an" : e.folded().equals("an") ? "cong" : null;
        if (other == null) {
            return false;
        }
        for (Edge x : graph.edges()) {
            if (x.folded().equals(other) && (other.equals("an") ? x.from() == e.to() : x.to() == e.from())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The largest share of the title or of an alias of document {@code doc} that the message says: a syllable said
     * in what it asks counts whole, one only in the story around it by {@link ProcedureSearcher#STORY_WEIGHT}.
     */
    double share(int doc, int[] said, int[] told) {
        double best = 0;
        for (int[] name : names[doc]) {
            double found = 0;
            for (int syllable : name) {
                if (java.util.Arrays.binarySearch(said, syllable) >= 0) {
                    found++;
                } else if (java.util.Arrays.binarySearch(told, syllable) >= 0) {
                    found += ProcedureSearcher.STORY_WEIGHT;
                }
            }
            best = Math.max(best, found / name.length);
        }
        return best;
    }
}
