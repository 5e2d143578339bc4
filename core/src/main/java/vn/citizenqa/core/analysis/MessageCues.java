package vn.citizenqa.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import vn.citizenqa.core.analysis.MessageStructure.Role;
import vn.citizenqa.core.knowledge.KnowledgeFiles;

/**
 * Reads the structure of a message with the cues of {@code knowledge/lexicon/message.txt}: addresses
 * ("chào luật sư", "kính gửi"), preambles ("cho em hỏi", "xin được hỏi một việc như sau"), thanks and praise,
 * question words, and the words after which a place ("phường", "xã", "hẻm") or a person's name ("tôi tên",
 * "bạn đọc") follows. Thread-safe; build once.
 *
 * <p>What it decides, word by word (see {@link MessageStructure.Role}):
 * <ul>
 *   <li>a clause that opens with an address, or that thanks or praises without asking, is wrapper; a preamble
 *       is wrapper and makes its sentence one that asks;
 *   <li>capitalised words or numbers after a place or person cue ("hẻm 12", "xã Tân Phú") and a run of two or
 *       more capitalised words inside a sentence ("Lê Văn Việt", "Quảng Ngãi") are neutral, unless the lexicon reads
 *       them ("Hàn Quốc": a foreign country) (a number elsewhere is
 *       left to the searcher: "14 tuổi" matters, "năm 2012" does not, and only the index knows which);
 *   <li>the other words are asked when their sentence asks (a question mark, a question word, a preamble), else
 *       story; when no sentence asks, all of them are asked.
 * </ul>
 */
public final class MessageCues {

    public static final String FILE = "lexicon/message.txt";
    static final Set<String> KINDS = Set.of("address", "preamble", "thanks", "praise", "question", "place", "person");
    /** Capitalised words after a place or person cue that are taken as its name, at most. */
    private static final int MAX_NAME = 4;

    /** No cues: numbers are still neutral, sentences with a question mark still ask. */
    public static final MessageCues NONE = new MessageCues(List.of());

    private final List<CueMatcher.Cue<String>> cues;
    private final CueMatcher<String> matcher;

    MessageCues(List<CueMatcher.Cue<String>> cues) {
        this.cues = List.copyOf(cues);
        this.matcher = new CueMatcher<>(cues);
    }

    /** The cues, in the file's order. */
    public List<CueMatcher.Cue<String>> cues() {
        return cues;
    }

    /** Writes the cues for the start-up artifact, analysed already. */
    public void write(java.io.DataOutputStream out) throws java.io.IOException {
        CueMatcher.writeCues(out, cues);
    }

    /** What {@link #write} wrote; nothing is analysed. */
    public static MessageCues read(java.io.DataInputStream in) throws java.io.IOException {
        List<CueMatcher.Cue<String>> read = CueMatcher.readCues(in);
        for (CueMatcher.Cue<String> c : read) {
            if (!KINDS.contains(c.value())) {
                throw new java.io.IOException("a message cue of unknown kind '" + c.value() + "'");
            }
        }
        return new MessageCues(read);
    }

    public static MessageCues load(KnowledgeFiles files) {
        List<CueMatcher.Cue<String>> cues = new ArrayList<>();
        for (KnowledgeFiles.Line line : files.lines(FILE)) {
            int arrow = line.text().indexOf("=>");
            String kind = arrow < 0 ? "" : line.text().substring(arrow + 2).strip();
            if (!KINDS.contains(kind)) {
                throw line.problem("expected 'cue, cue => kind' with kind one of " + KINDS);
            }
            for (String phrase : line.text().substring(0, arrow).split(",")) {
                CueMatcher.Cue<String> cue = phrase.isBlank() ? null : CueMatcher.cue(phrase.strip(), kind);
                if (cue == null) {
                    throw line.problem("an empty cue before '=>'");
                }
                cues.add(cue);
            }
        }
        return new MessageCues(cues);
    }

    public MessageStructure read(TokenGraph graph) {
        String text = graph.text();
        List<Sentences.Span> sentences = Sentences.sentences(text);
        int positions = graph.length();
        Role[] roles = new Role[positions];
        TokenGraph.Edge[] typed = new TokenGraph.Edge[positions];
        // A word the lexicon reads ("Hàn Quốc" is a foreign country) means something even when capitalised.
        boolean[] read = new boolean[positions];
        for (TokenGraph.Segment s : graph.segments()) {
            for (TokenGraph.Edge e : s.typedPath()) {
                if (e.typed() && e.from() < positions) {
                    typed[e.from()] = e; // a typed word the lexicon reads stretches over its reading's positions
                }
            }
        }
        for (TokenGraph.Edge e : graph.edges()) {
            if (!e.typed()) {
                for (int p = e.from(); p < Math.min(e.to(), positions); p++) {
                    read[p] = true;
                }
            }
        }
        int[] sentenceOf = new int[positions];
        Arrays.fill(sentenceOf, -1);
        for (int p = 0; p < positions; p++) {
            if (typed[p] != null) {
                sentenceOf[p] = indexOf(sentences, typed[p].start());
            }
        }
        boolean[] asks = new boolean[sentences.size()];
        for (int i = 0; i < asks.length; i++) {
            asks[i] = sentences.get(i).question();
        }
        boolean thanks = false;
        // A cue runs within one sentence: "…đứng tên con tôi. Xin hỏi…" holds "xin hỏi", not "tôi xin hỏi".
        List<CueMatcher.Match<String>> matches = matcher.find(graph).stream()
                .filter(m -> withinOneSentence(m, sentenceOf)).toList();
        for (CueMatcher.Match<String> m : matches) {
            int sentence = m.from() < positions ? sentenceOf[m.from()] : -1;
            switch (m.cue().value()) {
                case "question", "preamble" -> {
                    if (sentence >= 0) {
                        asks[sentence] = true;
                    }
                }
                case "thanks", "praise" -> thanks = true;
                default -> { }
            }
        }
        for (CueMatcher.Match<String> m : matches) {
            int sentence = m.from() < positions ? sentenceOf[m.from()] : -1;
            switch (m.cue().value()) {
                case "preamble" -> mark(roles, m.from(), m.to(), Role.WRAPPER);
                case "address", "thanks", "praise" -> {
                    Sentences.Span clause = sentence < 0 ? null : clauseAt(text, sentences.get(sentence), typed[m.from()].start());
                    boolean opens = m.cue().value().equals("address") && clause != null
                            && typed[m.from()].start() == clause.start();
                    boolean asking = clause != null && asksIn(matches, typed, clause, m);
                    if (clause != null && (opens || !m.cue().value().equals("address")) && !asking) {
                        for (int p = 0; p < positions; p++) {
                            if (typed[p] != null && typed[p].start() >= clause.start() && typed[p].end() <= clause.end()) {
                                roles[p] = Role.WRAPPER;
                            }
                        }
                    } else {
                        mark(roles, m.from(), m.to(), Role.WRAPPER);
                    }
                }
                case "place", "person" -> name(roles, typed, read, text, m.to());
                default -> { }
            }
        }
        for (int p = 0; p < positions; p++) {
            TokenGraph.Edge e = typed[p];
            if (e == null || roles[p] != null || read[p]) {
                continue;
            }
            if (capitalised(text, e) && p + 1 < positions && typed[p + 1] != null && capitalised(text, typed[p + 1])
                    && !read[p + 1] && sentenceOf[p] == sentenceOf[p + 1] && !opensSentence(sentences, sentenceOf[p], e)) {
                int q = p;
                while (q < positions && typed[q] != null && capitalised(text, typed[q]) && roles[q] == null && !read[q]) {
                    roles[q++] = Role.NEUTRAL;
                }
            }
        }
        boolean anyAsked = false;
        for (int p = 0; p < positions; p++) {
            if (roles[p] == null && typed[p] != null) {
                roles[p] = sentenceOf[p] >= 0 && asks[sentenceOf[p]] ? Role.ASKED : Role.STORY;
                anyAsked |= roles[p] == Role.ASKED;
            }
        }
        // The positions inside a typed word the lexicon reads ("phạt[2-7] nguội" read as "vi phạm qua hình ảnh")
        // have the role of the word.
        for (int p = 0; p < positions; p++) {
            TokenGraph.Edge e = typed[p];
            if (e != null && e.to() - e.from() > 1 && roles[p] != null) {
                for (int q = p + 1; q < Math.min(e.to(), positions); q++) {
                    roles[q] = roles[q] == null ? roles[p] : roles[q];
                }
            }
        }
        if (!anyAsked) {
            for (int p = 0; p < positions; p++) {
                if (roles[p] == Role.STORY) {
                    roles[p] = Role.ASKED;
                }
            }
        }
        List<Sentences.Span> asking = new ArrayList<>();
        for (int i = 0; i < asks.length; i++) {
            if (asks[i] && hasRole(roles, sentenceOf, i, Role.ASKED)) {
                asking.add(sentences.get(i));
            }
        }
        return new MessageStructure(roles, sentences, asking, thanks);
    }

    /** Whether a question or preamble cue other than {@code except} lies in the clause, or it ends with "?". */
    private static boolean asksIn(List<CueMatcher.Match<String>> matches, TokenGraph.Edge[] typed, Sentences.Span clause,
            CueMatcher.Match<String> except) {
        if (clause.question() && clause.end() > 0) {
            return true;
        }
        for (CueMatcher.Match<String> m : matches) {
            String kind = m.cue().value();
            if (m != except && (kind.equals("question") || kind.equals("preamble")) && m.from() < typed.length
                    && typed[m.from()] != null && typed[m.from()].start() >= clause.start()
                    && typed[m.from()].start() < clause.end()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the words a cue matched all lie in one sentence (positions past the message's words do). */
    private static boolean withinOneSentence(CueMatcher.Match<String> m, int[] sentenceOf) {
        int first = -1;
        for (int p = m.from(); p < Math.min(m.to(), sentenceOf.length); p++) {
            if (sentenceOf[p] >= 0) {
                if (first >= 0 && sentenceOf[p] != first) {
                    return false;
                }
                first = sentenceOf[p];
            }
        }
        return true;
    }

    /** The capitalised words (or numbers) right after a place or person cue are its name. */
    private static void name(Role[] roles, TokenGraph.Edge[] typed, boolean[] read, String text, int from) {
        for (int p = from, n = 0; p < typed.length && n < MAX_NAME; p++, n++) {
            TokenGraph.Edge e = typed[p];
            if (e == null || roles[p] != null || read[p] || !(capitalised(text, e) || isNumber(e.term()))) {
                return;
            }
            roles[p] = Role.NEUTRAL;
        }
    }

    private static boolean hasRole(Role[] roles, int[] sentenceOf, int sentence, Role role) {
        for (int p = 0; p < roles.length; p++) {
            if (sentenceOf[p] == sentence && roles[p] == role) {
                return true;
            }
        }
        return false;
    }

    private static void mark(Role[] roles, int from, int to, Role role) {
        for (int p = from; p < to && p < roles.length; p++) {
            roles[p] = role;
        }
    }

    private static int indexOf(List<Sentences.Span> spans, int offset) {
        for (int i = 0; i < spans.size(); i++) {
            if (offset >= spans.get(i).start() && offset < spans.get(i).end()) {
                return i;
            }
        }
        return -1;
    }

    private static Sentences.Span clauseAt(String text, Sentences.Span sentence, int offset) {
        for (Sentences.Span c : Sentences.clauses(text, sentence)) {
            if (offset >= c.start() && offset < c.end()) {
                return c;
            }
        }
        return null;
    }

    private static boolean opensSentence(List<Sentences.Span> sentences, int sentence, TokenGraph.Edge e) {
        return sentence >= 0 && sentences.get(sentence).start() == e.start();
    }

    /** Capitalised as a name is: an upper-case first letter and a lower-case one after it ("Hà", not "CCCD"). */
    static boolean capitalised(String text, TokenGraph.Edge e) {
        if (e.end() - e.start() < 2 || e.end() > text.length()) {
            return false;
        }
        return Character.isUpperCase(text.charAt(e.start())) && Character.isLowerCase(text.charAt(e.start() + 1));
    }

    /** Digits, with dots or commas inside ("2012", "1.500.000"). */
    public static boolean isNumber(String term) {
        if (term.isEmpty()) {
            return false;
        }
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (!Character.isDigit(c) && c != '.' && c != ',') {
                return false;
            }
        }
        return Character.isDigit(term.charAt(0));
    }
}
