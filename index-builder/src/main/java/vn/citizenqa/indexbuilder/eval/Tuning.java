package vn.citizenqa.indexbuilder.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import vn.citizenqa.core.search.ProcedureSearcher;
import vn.citizenqa.core.search.SearchField.Source;
import vn.citizenqa.core.search.SearchResult;
import vn.citizenqa.core.search.SearchTuning;

/**
 * Tunes the search weights and BM25 k1/b per part of a procedure on a labelled set, by coordinate ascent:
 * try each value of each parameter in turn, keep what raises the share of procedure questions whose right
 * procedure comes first (ties broken by the right one being among the first three). Run on the
 * development set only.
 */
public final class Tuning {

    private Tuning() {
    }

    /** The share of procedure questions ranked first, plus a thousandth of those among the first three. */
    public static double objective(ProcedureSearcher searcher, List<LabelledQuestion> questions) {
        int n = 0;
        int first = 0;
        int top3 = 0;
        for (LabelledQuestion q : questions) {
            if (!q.isProcedure()) {
                continue;
            }
            n++;
            SearchResult r = searcher.search(q.text(), 3);
            if (!r.isEmpty() && r.hits().getFirst().procedure().id().equals(q.label())) {
                first++;
            }
            if (r.hits().stream().anyMatch(h -> h.procedure().id().equals(q.label()))) {
                top3++;
            }
        }
        return n == 0 ? 0 : (first + top3 / 1000.0) / n;
    }

    public static SearchTuning tune(ProcedureSearcher searcher, List<LabelledQuestion> questions, StringBuilder log) {
        SearchTuning best = searcher.tuning();
        double bestScore = objective(searcher, questions);
        log.append(String.format(Locale.ROOT, "start %.4f  %s%n", bestScore, best));
        for (int round = 0; round < 3; round++) {
            boolean improved = false;
            for (Step step : steps(best)) {
                for (SearchTuning candidate : step.candidates()) {
                    double score = objective(searcher.withTuning(candidate), questions);
                    if (score > bestScore + 1e-9) {
                        bestScore = score;
                        best = candidate;
                        improved = true;
                        log.append(String.format(Locale.ROOT, "  %-22s %.4f%n", step.name(), score));
                    }
                }
            }
            if (!improved) {
                break;
            }
        }
        log.append(String.format(Locale.ROOT, "best %.4f  %s%n", bestScore, best));
        return best;
    }

    private record Step(String name, List<SearchTuning> candidates) {
    }

    private static List<Step> steps(SearchTuning t) {
        List<Step> steps = new ArrayList<>();
        for (Source s : Source.values()) {
            steps.add(step("weight " + s, t, v -> t.withWeight(s, v), 0f, 0.25f, 0.5f, 1f, 1.5f, 2f, 3f, 4f));
            steps.add(step("k1 " + s, t, v -> t.withK1(s, v), 0.3f, 0.6f, 0.9f, 1.2f, 1.6f, 2.0f));
            steps.add(step("b " + s, t, v -> t.withB(s, v), 0f, 0.2f, 0.4f, 0.6f, 0.75f, 0.9f, 1f));
        }
        steps.add(step("accented", t, t::withAccented, 0.1f, 0.25f, 0.5f, 0.75f, 1f));
        steps.add(step("bigrams", t, t::withBigrams, 0.5f, 0.75f, 1f, 1.5f, 2f, 3f));
        steps.add(step("names", t, t::withNames, 0f, 0.25f, 0.5f, 1f, 1.5f, 2f, 3f));
        return steps;
    }

    private static Step step(String name, SearchTuning t, java.util.function.Function<Float, SearchTuning> with, float... values) {
        List<SearchTuning> out = new ArrayList<>();
        for (float v : values) {
            out.add(with.apply(v));
        }
        return new Step(name, out);
    }
}
