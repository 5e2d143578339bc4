package vn.citizenqa.core.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
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
    /** How many of Lucene's best are re-ranked by how much of their name the message contains. */
    private static final int RERANKED = 10;
    /**
     * The weight of a word of the story around the question against one of the question itself: the story
     * is context ("mất ví… làm lại thế nào?" needs "ví"), but what is asked decides. 0.6 since 2 December 2026 (0.5
     * before): real messages often say what they are about in the story and ask only "phải làm gì?" after it; 0.7
     * answered more but answered wrong more on the real-style sets, 0.35 lost on every one.
     */
    static final float STORY_WEIGHT = 0.6f;

    /** The index as Lucene reads it: opened at once without tables, on first use with them (only Lucene's scorers need it). */
    private final LuceneIndex index;
    private volatile IndexSearcher searcher;
    private final KnowledgeBase knowledgeBase;
    /** By document number: documents are written in knowledge-base order, one a procedure. */
    private final List<Procedure> procedures;
    private final Lexicon lexicon;
    private final Analyzer queryAnalyzer;
    private final Vocabulary vocabulary;
    private final SearchTuning tuning;
    private final FieldTerms fieldTerms;
    private final PhrasePostings phrases;
    /** How much of each procedure's name a message contains, for re-ranking. */
    private final ProcedureNames names;
    /** The procedures' texts analysed by the build, or {@link AnalysedTexts#NONE}. */
    private final AnalysedTexts texts;
    private final ProcedureQuery queries;
    private final ProcedureScorer scorer;

    public ProcedureSearcher(Directory directory, Lexicon lexicon) throws IOException {
        this(new LuceneIndex(DirectoryReader.open(directory)), lexicon, SearchTuning.DEFAULT);
    }

    /**
     * The searcher over an index whose procedures, vocabulary, postings and positions are given (the start-up
     * artifact's, computed by the build from that index): it searches them alone and does not open the index, which
     * only {@link #searchWithLucene} reads (opening a Lucene index cold costs about 90 ms of CPU, its codecs' classes).
     * That the tables are this index's is the artifact's knowledge hash's to say (it must be the one the package's
     * manifest names); the number of documents is checked again when the index is opened.
     */
    public ProcedureSearcher(Directory directory, Lexicon lexicon, SearchTables tables) {
        this(new LuceneIndex(directory, tables.documents()), lexicon, SearchTuning.DEFAULT, tables.knowledgeBase,
                tables.vocabulary, tables.fieldTerms, new PhrasePostings(tables.fieldTerms), tables.texts);
    }

    private ProcedureSearcher(LuceneIndex index, Lexicon lexicon, SearchTuning tuning) {
        this(index, lexicon, tuning, null, null, null, null, AnalysedTexts.NONE);
    }

    private ProcedureSearcher(LuceneIndex index, Lexicon lexicon, SearchTuning tuning, KnowledgeBase knowledgeBase,
            Vocabulary vocabulary, FieldTerms fieldTerms, PhrasePostings phrases, AnalysedTexts texts) {
        this.index = index;
        this.lexicon = lexicon;
        this.tuning = tuning;
        this.knowledgeBase = knowledgeBase != null ? knowledgeBase : ProcedureIndex.readKnowledgeBase(index.reader());
        this.procedures = List.copyOf(this.knowledgeBase.procedures());
        this.queryAnalyzer = VietnameseAnalysis.queryAnalyzer(lexicon);
        this.vocabulary = vocabulary != null ? vocabulary : Vocabulary.read(index.reader());
        this.fieldTerms = fieldTerms != null ? fieldTerms : new FieldTerms(index.reader());
        this.texts = texts;
        this.names = new ProcedureNames(procedures, texts);
        this.queries = new ProcedureQuery(lexicon, tuning, this.fieldTerms);
        this.phrases = phrases != null ? phrases : new PhrasePostings(index.reader());
        this.scorer = new ProcedureScorer(this.fieldTerms, this.phrases, tuning);
    }

    /**
     * The Lucene reader of the index, opened when first needed when the searcher was given tables; shared by the
     * searchers {@link #withTuning} makes.
     */
    private static final class LuceneIndex {
        private final Directory directory;
        private final int documents;
        private DirectoryReader reader;

        LuceneIndex(DirectoryReader reader) {
            this.directory = null;
            this.documents = reader.maxDoc();
            this.reader = reader;
        }

        LuceneIndex(Directory directory, int documents) {
            this.directory = directory;
            this.documents = documents;
        }

        synchronized DirectoryReader reader() {
            if (reader == null) {
                try {
                    DirectoryReader opened = DirectoryReader.open(directory);
                    if (opened.maxDoc() != documents) {
                        opened.close();
                        throw new IOException("the search tables hold " + documents + " procedures, the index " + opened.maxDoc());
                    }
                    reader = opened;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return reader;
        }

        synchronized void close() throws IOException {
            if (reader != null) {
                reader.close();
            }
        }
    }

    private IndexSearcher luceneSearcher() {
        IndexSearcher s = searcher;
        if (s == null) {
            s = new IndexSearcher(index.reader());
            s.setSimilarity(similarity(tuning));
            s.setQueryCache(null); // every message is a new query
            searcher = s;
        }
        return s;
    }

    /** The same index searched with other weights: for tuning. */
    public ProcedureSearcher withTuning(SearchTuning other) {
        return new ProcedureSearcher(index, lexicon, other, knowledgeBase, vocabulary, fieldTerms, phrases, texts);
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

    /** The procedures' texts as the build analysed them, or {@link AnalysedTexts#NONE} (opened without tables). */
    public AnalysedTexts analysedTexts() {
        return texts;
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
        return search(graph, limit, false);
    }

    /**
     * The same search scored by Lucene's own query classes and scorers instead of {@link ProcedureScorer}: the
     * reference the product's scores are tested against. Slower (a weight and a scorer per clause).
     */
    public SearchResult searchWithLucene(TokenGraph graph, int limit) {
        return search(graph, limit, true);
    }

    private SearchResult search(TokenGraph graph, int limit, boolean withLucene) {
        boolean diacritics = typedDiacritics(graph);
        List<WordClause> clauses = rarest(clauses(graph, diacritics), MAX_WORDS);
        // The figures the gate reads are those of what is asked: the story around it is context, not words the
        // procedure should have had. When nothing asks, all of it is asked (MessageStructure).
        int meaningful = 0;
        int unknown = 0;
        for (WordClause c : clauses) {
            if (c.asked()) {
                meaningful++;
                if (c.unknown()) {
                    unknown++;
                }
            }
        }
        if (clauses.isEmpty()) {
            return SearchResult.EMPTY;
        }
        List<QueryClause> query = queries.clauses(graph, clauses, diacritics);
        try {
            int wanted = Math.max(limit, RERANKED);
            // Counting every match is not needed (the total is never used): pruning may start at once.
            ScoreDoc[] top = withLucene
                    ? luceneSearcher().search(ProcedureQuery.lucene(query), new TopScoreDocCollectorManager(wanted, wanted)).scoreDocs
                    : scorer.top(query, wanted);
            int[] said = names.said(graph, true);
            int[] told = names.said(graph, false);
            List<SearchHit> hits = new ArrayList<>(top.length);
            Coverage coverage = new Coverage(clauses, vocabulary);
            for (ScoreDoc sd : top) {
                double named = names.share(sd.doc, said, told);
                float score = sd.score * (1 + tuning.names() * (float) named);
                hits.add(coverage.hit(procedures.get(sd.doc), sd.doc, score, named));
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

    private List<WordClause> clauses(TokenGraph graph, boolean diacritics) {
        List<WordClause> out = new ArrayList<>();
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
            out.add(new WordClause(s, alts.size() > MAX_ALTERNATIVES ? alts.subList(0, MAX_ALTERNATIVES) : alts, unknown,
                    unwritten, idf, structure.role(s.from()) == MessageStructure.Role.ASKED));
        }
        return out;
    }

    /** The {@code max} clauses of highest idf, in their order in the message (all of them when there are fewer). */
    private static List<WordClause> rarest(List<WordClause> clauses, int max) {
        if (clauses.size() <= max) {
            return clauses;
        }
        List<WordClause> byIdf = new ArrayList<>(clauses);
        byIdf.sort(java.util.Comparator.comparingDouble(WordClause::idf).reversed());
        Set<WordClause> kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
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

    /** Whether the citizen typed any diacritics (else the accented fields are left out of the query). */
    private static boolean typedDiacritics(TokenGraph graph) {
        for (Edge e : graph.edges()) {
            if (e.typed() && !e.term().equals(e.folded())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
