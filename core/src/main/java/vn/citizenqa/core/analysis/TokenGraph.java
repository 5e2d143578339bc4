package vn.citizenqa.core.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

import vn.citizenqa.core.text.Folding;

/**
 * A message after query analysis: the syllables typed and the lexicon's readings, as a graph whose nodes
 * are positions between syllables and whose edges are tokens. The message is analysed once; the query,
 * the triage cues and the follow-up cues are all read from this graph.
 */
public final class TokenGraph {

    /**
     * One token. {@code term} is accented (as typed or as the lexicon writes it), {@code folded} has no
     * diacritics; {@code typed} is false for a reading the lexicon added. {@code start} and {@code end} are
     * its character offsets in the message (a reading carries those of the words it reads).
     */
    public record Edge(String term, String folded, int from, int to, boolean typed, int start, int end) {
    }

    /**
     * The part of the graph between two positions every reading passes through: one typed word and its
     * alternatives, each alternative a path of edges.
     */
    public record Segment(int from, int to, List<List<Edge>> paths) {

        /** The path of what was typed (the first path holding only typed edges), or the first path. */
        public List<Edge> typedPath() {
            for (List<Edge> p : paths) {
                if (p.stream().allMatch(Edge::typed)) {
                    return p;
                }
            }
            return paths.getFirst();
        }
    }

    private static final int MAX_PATHS = 12;

    private final String text;
    private final List<Edge> edges;
    private final int nodes;
    /** Edges by the node they leave. */
    private final List<List<Edge>> leaving;
    private List<Segment> segments;

    /** How the message reads as a message (sentences, wrapper, what is asked); null until a reader sets it. */
    private MessageStructure structure;
    /** The cues the structure was read with (null: none), for the structure of a {@link #part}. */
    private MessageCues cues;

    private TokenGraph(String text, List<Edge> edges, int nodes) {
        this.text = text;
        this.edges = List.copyOf(edges);
        this.nodes = nodes;
        List<List<Edge>> byNode = new ArrayList<>(nodes + 1);
        for (int n = 0; n <= nodes; n++) {
            byNode.add(new ArrayList<>(2));
        }
        for (Edge e : this.edges) {
            byNode.get(e.from()).add(e);
        }
        this.leaving = byNode;
    }

    public static TokenGraph analyze(Analyzer queryAnalyzer, String text) {
        List<Edge> edges = new ArrayList<>();
        int pos = -1;
        int maxNode = 0;
        try (TokenStream ts = queryAnalyzer.tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                int to = pos + Math.max(1, len.getPositionLength());
                String t = term.toString();
                edges.add(new Edge(t, Folding.removeDiacritics(t), pos, to,
                        !SynonymGraphFilter.TYPE_SYNONYM.equals(type.type()), offset.startOffset(), offset.endOffset()));
                maxNode = Math.max(maxNode, to);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TokenGraph(text, edges, maxNode);
    }

    /** The message as received. */
    public String text() {
        return text;
    }

    /** The graph read with the message cues: its structure is then available from {@link #structure()}. */
    public static TokenGraph analyze(Analyzer queryAnalyzer, String text, MessageCues cues) {
        TokenGraph graph = analyze(queryAnalyzer, text);
        graph.cues = cues;
        graph.structure = cues.read(graph);
        return graph;
    }

    /**
     * Some pieces of the message (sentences, clauses; in order, not overlapping) as one message: their texts
     * joined by a space, the edges that lie inside them with positions and offsets moved to that text, and its
     * structure read with the same cues. It is the graph of the joined text without analysing it again; a
     * reading that spans two pieces (or a piece and the rest) is left out, as the analysis of the joined text
     * would not have had it in the first place.
     */
    public TokenGraph part(List<Sentences.Span> pieces) {
        StringBuilder joined = new StringBuilder();
        List<Edge> out = new ArrayList<>();
        int base = 0;
        for (Sentences.Span piece : pieces) {
            if (!joined.isEmpty()) {
                joined.append(' ');
            }
            int shift = joined.length() - piece.start();
            joined.append(text, piece.start(), piece.end());
            int first = Integer.MAX_VALUE;
            int last = -1;
            for (Edge e : edges) {
                if (e.start() >= piece.start() && e.end() <= piece.end()) {
                    first = Math.min(first, e.from());
                }
            }
            for (Edge e : edges) {
                if (e.start() >= piece.start() && e.end() <= piece.end()) {
                    int move = base - first;
                    out.add(new Edge(e.term(), e.folded(), e.from() + move, e.to() + move, e.typed(), e.start() + shift,
                            e.end() + shift));
                    last = Math.max(last, e.to() + move);
                }
            }
            base = Math.max(base, last);
        }
        TokenGraph part = new TokenGraph(joined.toString(), out, base);
        if (cues != null) {
            part.cues = cues;
            part.structure = cues.read(part);
        }
        return part;
    }

    /**
     * The message's structure: every word asked when the graph was analysed without message cues (a short
     * query, a tool).
     */
    public MessageStructure structure() {
        if (structure == null) {
            structure = MessageCues.NONE.read(this);
        }
        return structure;
    }

    /**
     * Whether the message was typed with diacritics: at least half of its typed letter syllables carry one.
     * Then a syllable typed bare was meant bare ("mua" is not "mưa"); in a message typed without any, every
     * syllable may stand for an accented one.
     */
    public boolean typedWithDiacritics() {
        if (accented == null) {
            int letters = 0;
            int marked = 0;
            for (Edge e : edges) {
                if (e.typed() && !e.term().isEmpty() && Character.isLetter(e.term().charAt(0))) {
                    letters++;
                    if (!e.term().equals(e.folded())) {
                        marked++;
                    }
                }
            }
            accented = letters > 0 && marked * 2 >= letters;
        }
        return accented;
    }

    private Boolean accented;

    public List<Edge> edges() {
        return edges;
    }

    public boolean isEmpty() {
        return edges.isEmpty();
    }

    /** Edges leaving a node. */
    public List<Edge> from(int node) {
        return node >= 0 && node < leaving.size() ? java.util.Collections.unmodifiableList(leaving.get(node)) : List.of();
    }

    /** Number of positions (the last node). */
    public int length() {
        return nodes;
    }

    /** The graph cut at every position no edge spans, in order. */
    public List<Segment> segments() {
        if (segments == null) {
            segments = cut();
        }
        return segments;
    }

    private List<Segment> cut() {
        boolean[] spanned = new boolean[nodes + 1];
        for (Edge e : edges) {
            for (int n = e.from() + 1; n < e.to(); n++) {
                spanned[n] = true;
            }
        }
        List<Segment> out = new ArrayList<>();
        int start = 0;
        for (int n = 1; n <= nodes; n++) {
            if (!spanned[n]) {
                List<List<Edge>> paths = new ArrayList<>();
                collectPaths(start, n, new ArrayList<>(), paths);
                if (!paths.isEmpty()) {
                    out.add(new Segment(start, n, List.copyOf(paths)));
                }
                start = n;
            }
        }
        return List.copyOf(out);
    }

    private void collectPaths(int node, int end, List<Edge> current, List<List<Edge>> out) {
        if (node == end) {
            if (!current.isEmpty()) {
                out.add(List.copyOf(current));
            }
            return;
        }
        for (Edge e : leaving.get(node)) {
            if (e.to() <= end && out.size() < MAX_PATHS) {
                current.add(e);
                collectPaths(e.to(), end, current, out);
                current.removeLast();
            }
        }
    }

    /** The syllables as typed, folded: what the coverage of a match is measured on. */
    public List<String> typedFolded() {
        List<String> out = new ArrayList<>();
        for (Segment s : segments()) {
            for (Edge e : s.typedPath()) {
                out.add(e.folded());
            }
        }
        return out;
    }
}
