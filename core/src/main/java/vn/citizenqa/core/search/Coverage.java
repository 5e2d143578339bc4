package vn.citizenqa.core.search;

import java.util.BitSet;
import java.util.List;

/**
 * How much of what a message asks a procedure has: the share of its asked word clauses that the procedure has
 * (typed or by a reading), plain and weighted by rarity. The procedures of each word are looked up once per
 * message, not once per procedure found.
 */
final class Coverage {

    /** By asked clause, by alternative, the procedures of each of its syllables (null when none has it). */
    private final BitSet[][][] docs;
    private final double[] weights;
    private final double weightTotal;

    Coverage(List<WordClause> clauses, Vocabulary vocabulary) {
        int asked = 0;
        for (WordClause c : clauses) {
            if (c.asked()) {
                asked++;
            }
        }
        docs = new BitSet[asked][][];
        weights = new double[asked];
        double total = 0;
        int i = 0;
        for (WordClause c : clauses) {
            if (!c.asked()) {
                continue;
            }
            // Unwritten (accented as no procedure writes it): covered by none.
            List<List<String>> alternatives = c.unwritten() ? List.of() : c.alternatives();
            BitSet[][] byAlternative = new BitSet[alternatives.size()][];
            for (int a = 0; a < byAlternative.length; a++) {
                List<String> words = alternatives.get(a);
                byAlternative[a] = new BitSet[words.size()];
                for (int w = 0; w < words.size(); w++) {
                    byAlternative[a][w] = vocabulary.docs(words.get(w));
                }
            }
            docs[i] = byAlternative;
            weights[i] = Math.max(c.idf(), 0.1);
            total += weights[i];
            i++;
        }
        weightTotal = total;
    }

    SearchHit hit(vn.citizenqa.core.model.Procedure procedure, int doc, float score, double named) {
        double covered = 0;
        double weightedCovered = 0;
        for (int i = 0; i < docs.length; i++) {
            if (covers(docs[i], doc)) {
                covered++;
                weightedCovered += weights[i];
            }
        }
        return new SearchHit(procedure, score, docs.length == 0 ? 0 : covered / docs.length,
                weightTotal == 0 ? 0 : weightedCovered / weightTotal, named);
    }

    private static boolean covers(BitSet[][] alternatives, int doc) {
        for (BitSet[] words : alternatives) {
            boolean all = true;
            for (BitSet w : words) {
                if (w == null || !w.get(doc)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }
}
