package vn.citizenqa.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import vn.citizenqa.core.analysis.Lexicon;
import vn.citizenqa.core.analysis.MessageStructure;
import vn.citizenqa.core.analysis.TokenGraph;
import vn.citizenqa.core.analysis.TokenGraph.Edge;
import vn.citizenqa.core.analysis.VietnameseAnalysis;
import vn.citizenqa.core.analysis.VietnameseAnalysis.Form;

/** The Lucene query of a message's word clauses and bigrams, over every part of a procedure in both forms. */
final class ProcedureQuery {

    private final Lexicon lexicon;
    private final SearchTuning tuning;
    private final FieldTerms fieldTerms;

    ProcedureQuery(Lexicon lexicon, SearchTuning tuning, FieldTerms fieldTerms) {
        this.lexicon = lexicon;
        this.tuning = tuning;
        this.fieldTerms = fieldTerms;
    }

    private static final SearchField.Source[] SOURCES = SearchField.Source.values();

    /**
     * The query: for each form (accented, folded), each part of a procedure gets its word clauses and its bigram
     * clauses, weighted by the tuning. Every term is looked up once per form for all parts.
     */
    Query query(TokenGraph graph, List<WordClause> clauses, boolean typedDiacritics) {
        BooleanQuery.Builder top = new BooleanQuery.Builder();
        // The accented fields reward diacritics typed as written; a message typed without any gets nothing
        // from them that the folded fields do not give, so they are left out (half the query).
        for (Form form : Form.values()) {
            if (form == Form.ACCENTED && !typedDiacritics) {
                continue;
            }
            addPerSource(top, form, false, syllableClauses(clauses, form));
            addPerSource(top, form, true, bigramClauses(graph, form));
        }
        return top.build();
    }

    private void addPerSource(BooleanQuery.Builder top, Form form, boolean bigrams, List<List<Query>> perSource) {
        for (SearchField.Source s : SOURCES) {
            List<Query> clauses = perSource.get(s.ordinal());
            float weight = tuning.weight(s, form, bigrams);
            if (clauses.isEmpty() || weight == 0) {
                continue;
            }
            // Each clause on its own at the top, not one sub-query per part: the sum is the same, and Lucene's
            // top-k pruning (MaxScore) can then skip a common word's long postings clause by clause.
            for (Query q : clauses) {
                top.add(new BoostQuery(q, weight), BooleanClause.Occur.SHOULD);
            }
        }
    }

    private static List<List<Query>> perSource() {
        List<List<Query>> out = new ArrayList<>(SOURCES.length);
        for (int i = 0; i < SOURCES.length; i++) {
            out.add(new ArrayList<>());
        }
        return out;
    }

    /** Per part, one clause per meaningful word: its alternatives (readings, typo corrections) count once. */
    private List<List<Query>> syllableClauses(List<WordClause> clauses, Form form) {
        List<List<Query>> out = perSource();
        List<List<Query>> alternatives = perSource();
        for (WordClause c : clauses) {
            for (List<Query> a : alternatives) {
                a.clear();
            }
            Set<List<String>> seen = new java.util.HashSet<>();
            if (form == Form.ACCENTED) {
                List<List<Edge>> paths = c.segment().paths();
                for (List<Edge> path : paths.size() > ProcedureSearcher.MAX_ALTERNATIVES ? paths.subList(0, ProcedureSearcher.MAX_ALTERNATIVES) : paths) {
                    List<String> words = new ArrayList<>(path.size());
                    for (Edge e : path) {
                        words.add(e.term());
                    }
                    addAlternative(form, words, seen, alternatives);
                }
            } else {
                for (List<String> words : c.alternatives()) {
                    addAlternative(form, words, seen, alternatives);
                }
            }
            for (int s = 0; s < SOURCES.length; s++) {
                List<Query> a = alternatives.get(s);
                if (!a.isEmpty()) {
                    Query q = a.size() == 1 ? a.getFirst() : new DisjunctionMaxQuery(List.copyOf(a), 0f);
                    out.get(s).add(c.asked() ? q : new BoostQuery(q, ProcedureSearcher.STORY_WEIGHT));
                }
            }
        }
        return out;
    }

    /** Adds, for each part that has all its words, the term or phrase query of one alternative. */
    private void addAlternative(Form form, List<String> words, Set<List<String>> seen, List<List<Query>> out) {
        if (!seen.add(words)) {
            return;
        }
        if (words.size() == 1) {
            TermStates[] states = fieldTerms.lookup(form, false, words.getFirst());
            if (states != null) {
                for (int s = 0; s < SOURCES.length; s++) {
                    if (states[s] != null) {
                        String field = SearchField.name(SOURCES[s], form, false);
                        out.get(s).add(new TermQuery(new Term(field, words.getFirst()), states[s]));
                    }
                }
            }
            return;
        }
        boolean[] hasAll = new boolean[SOURCES.length];
        java.util.Arrays.fill(hasAll, true);
        for (String w : words) {
            TermStates[] states = fieldTerms.lookup(form, false, w);
            for (int s = 0; s < SOURCES.length; s++) {
                hasAll[s] &= states != null && states[s] != null;
            }
        }
        for (int s = 0; s < SOURCES.length; s++) {
            if (hasAll[s]) {
                out.get(s).add(new PhraseQuery(SearchField.name(SOURCES[s], form, false), words.toArray(String[]::new)));
            }
        }
    }

    /** Per part, every pair of neighbouring tokens (typed or read) that the part has as a bigram. */
    private List<List<Query>> bigramClauses(TokenGraph graph, Form form) {
        List<List<Query>> out = perSource();
        Set<String> seen = new java.util.HashSet<>();
        boolean accented = form == Form.ACCENTED;
        int found = 0;
        MessageStructure structure = graph.structure();
        for (Edge first : graph.edges()) {
            if (!structure.meaningful(first.from())) {
                continue;
            }
            for (Edge second : graph.from(first.to())) {
                if ((lexicon.isStopword(first.term()) && lexicon.isStopword(second.term())) || !structure.meaningful(second.from())) {
                    continue;
                }
                String bigram = (accented ? first.term() : first.folded()) + VietnameseAnalysis.BIGRAM_SEPARATOR
                        + (accented ? second.term() : second.folded());
                if (!seen.add(bigram)) {
                    continue;
                }
                TermStates[] states = fieldTerms.lookup(form, true, bigram);
                if (states == null) {
                    continue;
                }
                if (++found > ProcedureSearcher.MAX_BIGRAMS) {
                    return out;
                }
                boolean story = structure.role(first.from()) != MessageStructure.Role.ASKED;
                for (int s = 0; s < SOURCES.length; s++) {
                    if (states[s] != null) {
                        Query q = new TermQuery(new Term(SearchField.name(SOURCES[s], form, true), bigram), states[s]);
                        out.get(s).add(story ? new BoostQuery(q, ProcedureSearcher.STORY_WEIGHT) : q);
                    }
                }
            }
        }
        return out;
    }
}
