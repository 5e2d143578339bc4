package vn.citizenqa.core.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.Directory;

import vn.citizenqa.core.analysis.Lexicon;
import vn.citizenqa.core.analysis.MessageCues;
import vn.citizenqa.core.analysis.MessageStructure;
import vn.citizenqa.core.analysis.TokenGraph;
import vn.citizenqa.core.analysis.TokenGraph.Edge;
import vn.citizenqa.core.analysis.TokenGraph.Segment;
import vn.citizenqa.core.analysis.VietnameseAnalysis;
import vn.citizenqa.core.analysis.VietnameseAnalysis.Form;
import vn.citizenqa.core.knowledge.KnowledgeBase;
import vn.citizenqa.core.model.Procedure;

/**
 * Finds the procedures a message is most likely about. The message, analysed once into a token graph
 * (syllables and lexicon readings), becomes one query over every field: per field, each typed word is a
 * clause whose alternatives (its readings, a phrase when a reading has several syllables) count once; the
 * bigram fields get every pair of neighbouring tokens. Thread-safe; open once per container.
 */
public final class ProcedureSearcher implements ProcedureSearch, AutoCloseable {

    private static final int FUZZY_ALTERNATIVES = 4;
    /**
     * A message's words that make the query, at most: the rarest, in the order typed. A question has a few dozen
     * at most; a pasted page could have hundreds, and its query would exceed Lucene's clause limit and take long.
     */
    static final int MAX_WORDS = 64;
    /** Alternatives of one word (readings, typo corrections), at most. */
    static final int MAX_ALTERNATIVES = 8;
    /** Neighbour pairs in the query, per form, at most (first typed first). */
    static final int MAX_BIGRAMS = 64;

    static {
        // The query of the largest message the caps allow, counted as Lucene counts it (a term of a phrase each):
        // words x alternatives (of up to four syllables) and the bigrams, in each form and part.
        int largest = (MAX_WORDS * MAX_ALTERNATIVES * 4 + MAX_BIGRAMS) * Form.values().length * SearchField.Source.values().length;
        if (IndexSearcher.getMaxClauseCount() < largest) {
            IndexSearcher.setMaxClauseCount(largest);
        }
    }
    /**
     * The weight of a word of the story around the question against one of the question itself: the story
     * is context ("mất ví… làm lại thế nào?" needs "ví"), but what is asked decides.
     */
    static final float STORY_WEIGHT = 0.5f;
    /** How many of Lucene's best are re-ranked by how much of their name the message contains. */
    private static final int RERANKED = 10;

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final KnowledgeBase knowledgeBase;
    /** By document number: documents are written in knowledge-base order, one a procedure. */
    private final List<Procedure> procedures;
    private final Lexicon lexicon;
    private final Analyzer queryAnalyzer;
    private final Vocabulary vocabulary;
    private final SearchTuning tuning;
    private final FieldTerms fieldTerms;
    /**
     * The syllables of the titles and aliases as written (accented, or bare where a name is), numbered, so that a
     * name is an array of numbers.
     */
    private final Map<String, Integer> nameSyllables;
    /** The numbers of the name syllables of the same letters ("can" → căn, cán, can). */
    private final Map<String, List<Integer>> nameSyllablesByLetters;
    /** By document number: the title and each alias as the numbers of their distinct syllables. */
    private final int[][][] names;

    public ProcedureSearcher(Directory directory, Lexicon lexicon) throws IOException {
        this(DirectoryReader.open(directory), lexicon, SearchTuning.DEFAULT);
    }

    private ProcedureSearcher(DirectoryReader reader, Lexicon lexicon, SearchTuning tuning) {
        this(reader, lexicon, tuning, null, null);
    }

    private ProcedureSearcher(DirectoryReader reader, Lexicon lexicon, SearchTuning tuning, Vocabulary vocabulary,
            FieldTerms fieldTerms) {
        this.reader = reader;
        this.lexicon = lexicon;
        this.tuning = tuning;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(similarity(tuning));
        this.searcher.setQueryCache(null); // every message is a new query
        this.knowledgeBase = ProcedureIndex.readKnowledgeBase(reader);
        this.procedures = List.copyOf(knowledgeBase.procedures());
        this.queryAnalyzer = VietnameseAnalysis.queryAnalyzer(lexicon);
        this.vocabulary = vocabulary != null ? vocabulary : Vocabulary.read(reader);
        this.fieldTerms = fieldTerms != null ? fieldTerms : new FieldTerms(reader);
        this.nameSyllables = new HashMap<>();
        this.nameSyllablesByLetters = new HashMap<>();
        this.names = new int[procedures.size()][][];
        for (int doc = 0; doc < names.length; doc++) {
            names[doc] = names(procedures.get(doc)).stream()
                    .map(name -> name.stream().mapToInt(this::nameSyllableId).toArray())
                    .toArray(int[][]::new);
        }
    }

    /** The same index searched with other weights: for tuning. */
    public ProcedureSearcher withTuning(SearchTuning other) {
        return new ProcedureSearcher(reader, lexicon, other, vocabulary, fieldTerms);
    }

    public SearchTuning tuning() {
        return tuning;
    }

    private static Similarity similarity(SearchTuning tuning) {
        java.util.Map<String, Similarity> byField = new java.util.HashMap<>();
        for (SearchField f : SearchField.ALL) {
            byField.put(f.name(), new BM25Similarity(tuning.k1().get(f.source()), tuning.b().get(f.source())));
        }
        Similarity fallback = new BM25Similarity();
        return new PerFieldSimilarityWrapper() {
            @Override
            public Similarity get(String name) {
                return byField.getOrDefault(name, fallback);
            }
        };
    }

    @Override
    public KnowledgeBase knowledgeBase() {
        return knowledgeBase;
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    /** The message as the searcher reads it; analyse once and pass the graph to {@link #search}. */
    @Override
    public TokenGraph analyze(String text) {
        return TokenGraph.analyze(queryAnalyzer, text, lexicon.messageCues());
    }

    public SearchResult search(String text, int limit) {
        return search(analyze(text), limit);
    }

    /** The best {@code limit} procedures for the message, best first; empty when nothing matches. */
    @Override
    public SearchResult search(TokenGraph graph, int limit) {
        List<Clause> clauses = rarest(clauses(graph, typedDiacritics(graph)), MAX_WORDS);
        // The figures the gate reads are those of what is asked: the story around it is context, not words the
        // procedure should have had. When nothing asks, all of it is asked (MessageStructure).
        int meaningful = 0;
        int unknown = 0;
        for (Clause c : clauses) {
            if (c.asked()) {
                meaningful++;
                if (c.unknown) {
                    unknown++;
                }
            }
        }
        if (clauses.isEmpty()) {
            return SearchResult.EMPTY;
        }
        boolean diacritics = typedDiacritics(graph);
        Query query = query(graph, clauses, diacritics);
        try {
            // Counting every match is not needed (the total is never used): pruning may start at once.
            int wanted = Math.max(limit, RERANKED);
            TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(wanted, wanted));
            int[] said = saidNameSyllables(graph, true);
            int[] told = saidNameSyllables(graph, false);
            List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                double named = namedShare(sd.doc, said, told);
                float score = sd.score * (1 + tuning.names() * (float) named);
                hits.add(hit(sd.doc, score, clauses, named));
            }
            hits.sort(java.util.Comparator.comparingDouble(SearchHit::score).reversed());
            if (hits.size() > limit) {
                hits = new ArrayList<>(hits.subList(0, limit));
            }
            return new SearchResult(hits, meaningful, unknown, diacritics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One meaningful typed word (or lexicon key) of the message: its alternatives, each a list of folded
     * syllables, and the typo corrections when the word is unknown.
     */
    private record Clause(Segment segment, List<List<String>> alternatives, boolean unknown, boolean unwritten,
            double idf, boolean asked) {
    }

    private List<Clause> clauses(TokenGraph graph, boolean diacritics) {
        List<Clause> out = new ArrayList<>();
        MessageStructure structure = graph.structure();
        for (Segment s : graph.segments()) {
            List<Edge> typed = s.typedPath();
            if (!structure.meaningful(s.from())) {
                continue; // the wrapper ("chào luật sư", "cho em hỏi", "cảm ơn"), names, places
            }
            if (typed.size() == 1 && MessageCues.isNumber(typed.getFirst().term()) && !vocabulary.contains(typed.getFirst().folded())) {
                continue; // a date, amount or age no procedure mentions ("năm 2012", "52 tuổi")
            }
            if (typed.size() == 1 && lexicon.isStopword(typed.getFirst().term()) && s.paths().size() == 1) {
                continue;
            }
            Set<List<String>> alternatives = new LinkedHashSet<>();
            for (List<Edge> path : s.paths()) {
                alternatives.add(path.stream().map(Edge::folded).toList());
            }
            // Accents are evidence: a word typed with diacritics that the knowledge base never writes so, nor
            // bare, is no procedure's word, though its letters are ("tuyển dụng" is not "trực tuyến… sử dụng").
            boolean unwritten = diacritics && s.paths().size() == 1 && typed.size() == 1
                    && !typed.getFirst().term().equals(typed.getFirst().folded())
                    && !vocabulary.writes(typed.getFirst().term()) && !vocabulary.writes(typed.getFirst().folded());
            boolean unknown = false;
            double idf = 0;
            if (s.paths().size() == 1 && typed.size() == 1) {
                String word = typed.getFirst().folded();
                idf = vocabulary.idf(unwritten ? typed.getFirst().term() : word); // unwritten: as rare as unknown
                if (!vocabulary.contains(word) && !lexicon.isKeyWord(word)) {
                    unknown = true;
                    if (word.length() >= tuning.fuzzyMinLength() && isLetters(word)) {
                        for (String near : vocabulary.near(word, FUZZY_ALTERNATIVES)) {
                            alternatives.add(List.of(near));
                        }
                    }
                }
            } else {
                for (List<String> alt : alternatives) {
                    for (String w : alt) {
                        idf = Math.max(idf, vocabulary.idf(w));
                    }
                }
            }
            List<List<String>> alts = List.copyOf(alternatives);
            out.add(new Clause(s, alts.size() > MAX_ALTERNATIVES ? alts.subList(0, MAX_ALTERNATIVES) : alts, unknown,
                    unwritten, idf, structure.role(s.from()) == MessageStructure.Role.ASKED));
        }
        return out;
    }

    /** The {@code max} clauses of highest idf, in their order in the message (all of them when there are fewer). */
    private static List<Clause> rarest(List<Clause> clauses, int max) {
        if (clauses.size() <= max) {
            return clauses;
        }
        List<Clause> byIdf = new ArrayList<>(clauses);
        byIdf.sort(java.util.Comparator.comparingDouble(Clause::idf).reversed());
        Set<Clause> kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        kept.addAll(byIdf.subList(0, max));
        return clauses.stream().filter(kept::contains).toList();
    }

    private static boolean isLetters(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (!Character.isLetter(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static final SearchField.Source[] SOURCES = SearchField.Source.values();

    /**
     * The query: for each form (accented, folded), each part of a procedure gets its word clauses and its bigram
     * clauses, weighted by the tuning. Every term is looked up once per form for all parts.
     */
    private static boolean typedDiacritics(TokenGraph graph) {
        for (Edge e : graph.edges()) {
            if (e.typed() && !e.term().equals(e.folded())) {
                return true;
            }
        }
        return false;
    }

    private Query query(TokenGraph graph, List<Clause> clauses, boolean typedDiacritics) {
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
    private List<List<Query>> syllableClauses(List<Clause> clauses, Form form) {
        List<List<Query>> out = perSource();
        List<List<Query>> alternatives = perSource();
        for (Clause c : clauses) {
            for (List<Query> a : alternatives) {
                a.clear();
            }
            Set<List<String>> seen = new java.util.HashSet<>();
            if (form == Form.ACCENTED) {
                List<List<Edge>> paths = c.segment().paths();
                for (List<Edge> path : paths.size() > MAX_ALTERNATIVES ? paths.subList(0, MAX_ALTERNATIVES) : paths) {
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
                    out.get(s).add(c.asked() ? q : new BoostQuery(q, STORY_WEIGHT));
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
                if (++found > MAX_BIGRAMS) {
                    return out;
                }
                boolean story = structure.role(first.from()) != MessageStructure.Role.ASKED;
                for (int s = 0; s < SOURCES.length; s++) {
                    if (states[s] != null) {
                        Query q = new TermQuery(new Term(SearchField.name(SOURCES[s], form, true), bigram), states[s]);
                        out.get(s).add(story ? new BoostQuery(q, STORY_WEIGHT) : q);
                    }
                }
            }
        }
        return out;
    }

    private static List<Set<String>> names(Procedure p) {
        List<Set<String>> out = new ArrayList<>();
        List<String> texts = new ArrayList<>(p.aliases());
        texts.add(p.title());
        for (String text : texts) {
            Set<String> syllables = new java.util.HashSet<>();
            List<String> all = VietnameseAnalysis.syllables(text);
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

    /** The numbers of the name syllables the message has (typed or read), sorted. */
    /**
     * The ids of the name syllables the message says: in what it asks ({@code asked}), or anywhere in its story
     * and question alike.
     */
    private int[] saidNameSyllables(TokenGraph graph, boolean asked) {
        List<Integer> said = new ArrayList<>();
        MessageStructure structure = graph.structure();
        for (Edge e : graph.edges()) {
            if (!structure.meaningful(e.from()) || policeWord(graph, e)
                    || (asked && structure.role(e.from()) != MessageStructure.Role.ASKED)) {
                continue;
            }
            // Accents are evidence: "cán bộ" does not say the "căn" of "căn cước"; a word typed bare may be any.
            if (e.term().equals(e.folded())) {
                for (int id : nameSyllablesByLetters.getOrDefault(e.folded(), List.of())) {
                    said.add(id);
                }
            } else {
                Integer id = nameSyllables.get(e.term());
                Integer bare = nameSyllables.get(e.folded());
                if (id != null) {
                    said.add(id);
                }
                if (bare != null) {
                    said.add(bare); // a name written without diacritics ("vneid", "pccc")
                }
            }
        }
        return said.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private int nameSyllableId(String syllable) {
        Integer known = nameSyllables.get(syllable);
        if (known != null) {
            return known;
        }
        int id = nameSyllables.size();
        nameSyllables.put(syllable, id);
        nameSyllablesByLetters.computeIfAbsent(vn.citizenqa.core.text.Folding.removeDiacritics(syllable),
                k -> new ArrayList<>()).add(id);
        return id;
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

    /** The largest share of the title or of an alias whose syllables the message contains. */
    private double namedShare(int doc, int[] said, int[] told) {
        double best = 0;
        for (int[] name : names[doc]) {
            double found = 0;
            for (int syllable : name) {
                if (java.util.Arrays.binarySearch(said, syllable) >= 0) {
                    found++;
                } else if (java.util.Arrays.binarySearch(told, syllable) >= 0) {
                    found += STORY_WEIGHT; // named in the story around the question: context, as its words are
                }
            }
            best = Math.max(best, found / name.length);
        }
        return best;
    }

    private boolean allOccurIn(List<String> words, int doc) {
        for (String w : words) {
            if (!vocabulary.occursIn(w, doc)) {
                return false;
            }
        }
        return true;
    }

    private SearchHit hit(int doc, float score, List<Clause> clauses, double named) {
        double covered = 0;
        double weightedCovered = 0;
        double weightTotal = 0;
        for (Clause c : clauses) {
            if (!c.asked()) {
                continue;
            }
            boolean hit = false;
            for (List<String> alt : c.unwritten() ? List.<List<String>>of() : c.alternatives()) {
                if (allOccurIn(alt, doc)) {
                    hit = true;
                    break;
                }
            }
            double w = Math.max(c.idf(), 0.1);
            weightTotal += w;
            if (hit) {
                covered++;
                weightedCovered += w;
            }
        }
        int asked = (int) clauses.stream().filter(Clause::asked).count();
        return new SearchHit(procedures.get(doc), score,
                asked == 0 ? 0 : covered / asked,
                weightTotal == 0 ? 0 : weightedCovered / weightTotal, named);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
