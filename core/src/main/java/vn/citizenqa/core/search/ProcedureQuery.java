package vn.citizenqa.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.lucene.index.Term;
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

/** The query of a message's word clauses and bigrams, over every part of a procedure in both forms. */
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

    /** An alternative of a clause in one part: its syllables and, for a term, its entry. */
    private record Alternative(List<String> words, int[] entry) {
    }

    /**
     * The query's clauses: for each form (accented, folded), each part of a procedure gets its word clauses and its
     * bigram clauses, weighted by the tuning. Every term is looked up once per form for all parts.
     */
    List<QueryClause> clauses(TokenGraph graph, List<WordClause> clauses, boolean typedDiacritics) {
        List<QueryClause> out = new ArrayList<>();
        // The accented fields reward diacritics typed as written; a message typed without any gets nothing
        // from them that the folded fields do not give, so they are left out (half the query).
        for (Form form : Form.values()) {
            if (form == Form.ACCENTED && !typedDiacritics) {
                continue;
            }
            addPerSource(out, form, false, syllableClauses(clauses, form));
            addPerSource(out, form, true, bigramClauses(graph, form));
        }
        return out;
    }

    /**
     * The same query for Lucene: each clause on its own at the top, not one sub-query per part (the sum is the same,
     * and Lucene's top-k pruning can then skip a common word's long postings clause by clause).
     */
    static Query lucene(List<QueryClause> clauses) {
        BooleanQuery.Builder top = new BooleanQuery.Builder();
        for (QueryClause c : clauses) {
            String field = SearchField.ALL.get(c.field()).name();
            List<Query> alternatives = new ArrayList<>(c.alternatives().size());
            for (List<String> words : c.alternatives()) {
                alternatives.add(words.size() == 1 ? new TermQuery(new Term(field, words.getFirst()))
                        : new PhraseQuery(field, words.toArray(String[]::new)));
            }
            Query q = alternatives.size() == 1 ? alternatives.getFirst() : new DisjunctionMaxQuery(alternatives, 0f);
            top.add(new BoostQuery(c.story() ? new BoostQuery(q, ProcedureSearcher.STORY_WEIGHT) : q, c.weight()),
                    BooleanClause.Occur.SHOULD);
        }
        return top.build();
    }

    private void addPerSource(List<QueryClause> out, Form form, boolean bigrams, List<List<QueryClause>> perSource) {
        for (SearchField.Source s : SOURCES) {
            List<QueryClause> clauses = perSource.get(s.ordinal());
            float weight = tuning.weight(s, form, bigrams);
            if (clauses.isEmpty() || weight == 0) {
                continue;
            }
            out.addAll(clauses);
        }
    }

    private static <T> List<List<T>> perSource() {
        List<List<T>> out = new ArrayList<>(SOURCES.length);
        for (int i = 0; i < SOURCES.length; i++) {
            out.add(new ArrayList<>());
        }
        return out;
    }

    /** Per part, one clause per meaningful word: its alternatives (readings, typo corrections) count once. */
    private List<List<QueryClause>> syllableClauses(List<WordClause> clauses, Form form) {
        List<List<QueryClause>> out = perSource();
        List<List<Alternative>> alternatives = perSource();
        for (WordClause c : clauses) {
            for (List<Alternative> a : alternatives) {
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
                List<Alternative> a = alternatives.get(s);
                if (!a.isEmpty()) {
                    List<List<String>> words = new ArrayList<>(a.size());
                    int[][] entries = new int[a.size()][];
                    for (int i = 0; i < a.size(); i++) {
                        words.add(a.get(i).words());
                        entries[i] = a.get(i).entry();
                    }
                    out.get(s).add(new QueryClause(SearchField.ordinal(SOURCES[s], form, false), tuning.weight(SOURCES[s], form, false),
                            !c.asked(), words, entries));
                }
            }
        }
        return out;
    }

    /** Adds, for each part that has all its words, the term or phrase of one alternative. */
    private void addAlternative(Form form, List<String> words, Set<List<String>> seen, List<List<Alternative>> out) {
        if (!seen.add(words)) {
            return;
        }
        if (words.size() == 1) {
            int[] entry = fieldTerms.lookup(form, false, words.getFirst());
            if (entry != null) {
                Alternative a = new Alternative(words, entry);
                for (int s = 0; s < SOURCES.length; s++) {
                    if (FieldTerms.has(entry, s)) {
                        out.get(s).add(a);
                    }
                }
            }
            return;
        }
        boolean[] hasAll = new boolean[SOURCES.length];
        java.util.Arrays.fill(hasAll, true);
        for (String w : words) {
            int[] entry = fieldTerms.lookup(form, false, w);
            for (int s = 0; s < SOURCES.length; s++) {
                hasAll[s] &= FieldTerms.has(entry, s);
            }
        }
        Alternative phrase = new Alternative(words, null);
        for (int s = 0; s < SOURCES.length; s++) {
            if (hasAll[s]) {
                out.get(s).add(phrase);
            }
        }
    }

    /** Per part, every pair of neighbouring tokens (typed or read) that the part has as a bigram. */
    private List<List<QueryClause>> bigramClauses(TokenGraph graph, Form form) {
        List<List<QueryClause>> out = perSource();
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
                int[] entry = fieldTerms.lookup(form, true, bigram);
                if (entry == null) {
                    continue;
                }
                if (++found > ProcedureSearcher.MAX_BIGRAMS) {
                    return out;
                }
                boolean story = structure.role(first.from()) != MessageStructure.Role.ASKED;
                List<List<String>> words = List.of(List.of(bigram));
                int[][] entries = {entry};
                for (int s = 0; s < SOURCES.length; s++) {
                    if (FieldTerms.has(entry, s)) {
                        out.get(s).add(new QueryClause(SearchField.ordinal(SOURCES[s], form, true), tuning.weight(SOURCES[s], form, true),
                                story, words, entries));
                    }
                }
            }
        }
        return out;
    }
}
