package vn.citizenqa.core.decision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import vn.citizenqa.core.analysis.MessageStructure;
import vn.citizenqa.core.analysis.TokenGraph;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.search.AnalysedTexts;
import vn.citizenqa.core.search.SearchHit;
import vn.citizenqa.core.search.SearchResult;
import vn.citizenqa.core.text.Folding;

/**
 * Close neighbours among the procedures, read from the knowledge: siblings are procedures whose titles say mostly the
 * same thing (temporary and permanent residence, a citizen's and a foreigner's, a vehicle's transfer and its transfer
 * through several owners, a first card and a re-issued one). What tells two siblings apart is what one of them is
 * called or asked as (its title, aliases and sample questions) and the other never is ("thường trú", "người nước
 * ngoài", "nhiều đời chủ"): a message that says such a word of the second is not answered with the first on the
 * search's word alone; it is offered both.
 */
public final class Neighbours {

    /**
     * Two names are a family's when the shorter says at most this many syllables the longer does not ("đăng ký tạm
     * trú", "đăng ký thường trú"; "gia hạn tạm trú", "gia hạn tạm trú cho người nước ngoài")...
     */
    static final int FAMILY_DIFFERENCE = 1;
    /** ...and they share at least this many... */
    static final int FAMILY_SYLLABLES = 3;
    /** ...and the longer adds at most this many words that are not function words. */
    static final int QUALIFIER = 3;
    /**
     * A word more than this share of the procedures are called or asked by ("giấy", "mất", "làm") tells no two of
     * them apart: the family's own words ("thường", "tạm", "nước ngoài", "lại", "đổi") are below it.
     */
    static final double COMMON_SHARE = 0.15;
    /** In a small knowledge base, a word this many procedures are called by is not common yet. */
    static final int FEW = 4;

    /** By id: the syllables of the title and of each alias. */
    private final Map<String, List<Set<String>>> names = new HashMap<>();
    /** By id: the syllables of the title alone. */
    private final Map<String, Set<String>> titles = new HashMap<>();
    /** By id: the syllables of all it is called or asked as (names and sample questions), and the same folded. */
    private final Map<String, Set<String>> called = new HashMap<>();
    private final Map<String, Set<String>> calledFolded = new HashMap<>();
    /** By "b a": what tells b from its sibling a (empty when they are no siblings), accented and folded. */
    private final Map<String, Telling> telling = new ConcurrentHashMap<>();

    private record Telling(Set<String> accented, Set<String> folded) {
    }

    /** Function words ("được", "cho", "em"): they tell nothing, accented as typed, and folded. */
    private final Predicate<String> functionWord;
    private final Set<String> functionWordsFolded = new HashSet<>();
    /** How many procedures are called or asked by each word: a word many are tells none of them apart. */
    private final Map<String, Integer> calledBy = new HashMap<>();
    private final int procedures;

    /** @param functionWord whether a word as typed is a function word (the lexicon's stopwords) */
    public Neighbours(List<Procedure> procedures, Predicate<String> functionWord) {
        this(procedures, functionWord, AnalysedTexts.NONE);
    }

    /** @param analysed the procedures' texts analysed already (the start-up artifact's); else each is analysed now */
    public Neighbours(List<Procedure> procedures, Predicate<String> functionWord, AnalysedTexts analysed) {
        this.functionWord = functionWord;
        this.procedures = procedures.size();
        for (Procedure p : procedures) {
            List<String> texts = new ArrayList<>(p.aliases());
            texts.add(p.title());
            List<Set<String>> syllables = texts.stream().map(t -> syllables(analysed.syllables(t))).toList();
            names.put(p.id(), syllables);
            titles.put(p.id(), syllables(analysed.syllables(p.title())));
            Set<String> words = new HashSet<>();
            syllables.forEach(words::addAll);
            for (String q : p.sampleQuestions()) {
                words.addAll(syllables(analysed.syllables(q)));
            }
            called.put(p.id(), Set.copyOf(words));
            words.forEach(w -> calledBy.merge(w, 1, Integer::sum));
            words.stream().filter(functionWord).map(Folding::removeDiacritics).forEach(functionWordsFolded::add);
            calledFolded.put(p.id(), Set.copyOf(words.stream().map(Folding::removeDiacritics).toList()));
        }
    }

    /** A text's syllables but "công an": every message on the page is to the police, it names nothing. */
    private static Set<String> syllables(List<String> all) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            if (i + 1 < all.size() && all.get(i).equals("công") && all.get(i + 1).equals("an")) {
                i++;
            } else {
                out.add(all.get(i));
            }
        }
        return Set.copyOf(out);
    }

    /** Whether two procedures are siblings: a name of one is a name of the other but for a syllable. */
    public boolean siblings(Procedure a, Procedure b) {
        return !telling(b, a).accented().isEmpty() || !telling(a, b).accented().isEmpty();
    }

    /**
     * What tells {@code b} from its sibling {@code a}: the syllables by which a name of b differs from the name of a
     * it is a sibling of ("thường" of "đăng ký thường trú" beside "đăng ký tạm trú"; "nhiều", "đời", "chủ" of "sang
     * tên xe nhiều đời chủ" beside "sang tên xe"), but those a is also called or asked by.
     */
    private Telling telling(Procedure b, Procedure a) {
        return telling.computeIfAbsent(b.id() + " " + a.id(), k -> {
            List<Set<String>> na = names.get(a.id());
            List<Set<String>> nb = names.get(b.id());
            Set<String> out = new HashSet<>();
            if (na != null && nb != null && !a.id().equals(b.id())) {
                for (Set<String> x : na) {
                    for (Set<String> y : nb) {
                        if (family(x, y)) {
                            y.stream().filter(w -> !x.contains(w) && !called.get(a.id()).contains(w) && !functionWord.test(w)
                                    && !functionWordsFolded.contains(w)
                                    && calledBy.getOrDefault(w, 0) <= Math.max(COMMON_SHARE * procedures, FEW))
                                    .forEach(out::add);
                        }
                    }
                }
            }
            return new Telling(Set.copyOf(out), Set.copyOf(out.stream().map(Folding::removeDiacritics).toList()));
        });
    }

    /**
     * Two names of one family: the shorter is the longer but for {@link #FAMILY_DIFFERENCE} syllables, and the longer
     * adds at most {@link #QUALIFIER} words of meaning to it ("người nước ngoài", "nhiều đời chủ"): a long name that
     * merely mentions another ("khai báo thông tin về cư trú đối với người chưa đủ điều kiện đăng ký thường trú") is
     * not its sibling.
     */
    boolean family(Set<String> x, Set<String> y) {
        Set<String> shorter = x.size() <= y.size() ? x : y;
        Set<String> longer = shorter == x ? y : x;
        int shared = 0;
        for (String s : shorter) {
            if (longer.contains(s)) {
                shared++;
            }
        }
        long added = longer.stream().filter(w -> !shorter.contains(w) && !functionWord.test(w)).count();
        return shared >= FAMILY_SYLLABLES && shorter.size() - shared <= FAMILY_DIFFERENCE && added <= QUALIFIER;
    }

    /**
     * The words of the message (its question and story, not its wrapper or names) that tell {@code b} from its
     * sibling {@code a} (see {@link #telling(Procedure, Procedure)}): an accented word compared accented, one typed
     * bare compared bare (with the folding of {@code a}'s words, so a bare word {@code a} may mean tells nothing).
     */
    public List<TokenGraph.Edge> telling(TokenGraph graph, Procedure b, Procedure a) {
        Telling t = telling(b, a);
        if (t.accented().isEmpty()) {
            return List.of();
        }
        MessageStructure structure = graph.structure();
        List<TokenGraph.Edge> out = new ArrayList<>();
        for (TokenGraph.Edge e : graph.edges()) {
            if (!structure.meaningful(e.from()) || policeWord(graph, e)) {
                continue;
            }
            boolean bare = e.term().equals(e.folded());
            if (bare ? t.folded().contains(e.folded()) && !calledFolded.get(a.id()).contains(e.folded())
                    && !functionWordsFolded.contains(e.folded()) : t.accented().contains(e.term())) {
                out.add(e);
            }
        }
        return out;
    }

    /** Whether one of the edges is in a sentence that asks and is a syllable of the procedure's title. */
    private boolean askedOfTitle(TokenGraph graph, List<TokenGraph.Edge> edges, Procedure p) {
        Set<String> title = titles.get(p.id());
        MessageStructure structure = graph.structure();
        return title != null && edges.stream().anyMatch(e -> structure.role(e.from()) == MessageStructure.Role.ASKED
                && (title.contains(e.term()) || (e.term().equals(e.folded())
                        && title.stream().anyMatch(t -> Folding.removeDiacritics(t).equals(e.folded())))));
    }

    /** Whether one of the edges is in a sentence that asks (every word is, when no sentence asks). */
    private static boolean asked(TokenGraph graph, List<TokenGraph.Edge> edges) {
        MessageStructure structure = graph.structure();
        return edges.stream().anyMatch(e -> structure.role(e.from()) == MessageStructure.Role.ASKED);
    }

    /** Whether the edge is a syllable of "công an" (see {@link #syllables}). */
    private static boolean policeWord(TokenGraph graph, TokenGraph.Edge e) {
        String other = e.folded().equals("cong") ? "an" : e.folded().equals("an") ? "cong" : null;
        if (other == null) {
            return false;
        }
        for (TokenGraph.Edge x : graph.edges()) {
            if (x.folded().equals(other) && (other.equals("an") ? x.from() == e.to() : x.to() == e.from())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A sibling of the first procedure found that the message points to (it says a word of that sibling's which the
     * first lacks), so that answering the first would be a guess between them; null when there is none.
     */
    public Procedure rival(TokenGraph graph, SearchResult result) {
        if (result.hits().size() < 2) {
            return null;
        }
        Procedure first = result.hits().getFirst().procedure();
        for (SearchHit h : result.hits().subList(1, result.hits().size())) {
            // What the message says of the first as well ("thẻ tạm trú" beside "người nước ngoài") leaves the
            // search's ranking to judge both.
            if (!siblings(first, h.procedure())) {
                continue;
            }
            List<TokenGraph.Edge> ofSibling = telling(graph, h.procedure(), first);
            List<TokenGraph.Edge> ofFirst = telling(graph, first, h.procedure());
            // Told of both, but the question says only the sibling's word, one of its title ("thường" of "xóa đăng ký
            // thường trú"; not an alias's "cũ"), and the story the first's ("chủ nhà đăng ký tạm trú cho tôi… vậy tôi
            // có bị xóa đăng ký thường trú không?"): what is asked points away.
            if (!ofSibling.isEmpty() && (ofFirst.isEmpty() || askedOver(graph, ofSibling, ofFirst, h.procedure()))) {
                return h.procedure();
            }
        }
        return null;
    }

    /**
     * A sibling of the first procedure that the question names by a word of its title while only the story tells
     * the first ("chủ nhà đăng ký tạm trú cho tôi… vậy tôi có bị xóa đăng ký thường trú không?"): the one to offer
     * first; null when there is none. A rival the whole message points to by an alias's word is offered after the
     * first, as the search ranks them.
     */
    public Procedure asked(TokenGraph graph, SearchResult result) {
        if (result.hits().size() < 2) {
            return null;
        }
        Procedure first = result.hits().getFirst().procedure();
        for (SearchHit h : result.hits().subList(1, result.hits().size())) {
            if (siblings(first, h.procedure()) && askedOver(graph, telling(graph, h.procedure(), first),
                    telling(graph, first, h.procedure()), h.procedure())) {
                return h.procedure();
            }
        }
        return null;
    }

    private boolean askedOver(TokenGraph graph, List<TokenGraph.Edge> ofSibling, List<TokenGraph.Edge> ofFirst,
            Procedure sibling) {
        return !ofFirst.isEmpty() && askedOfTitle(graph, ofSibling, sibling) && !asked(graph, ofFirst);
    }
}
