package vn.citizenqa.core.decision;

import java.util.List;

import vn.citizenqa.core.analysis.MessageStructure;
import vn.citizenqa.core.analysis.Sentences;
import vn.citizenqa.core.analysis.TokenGraph;
import vn.citizenqa.core.analysis.VietnameseAnalysis;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.search.ProcedureSearch;
import vn.citizenqa.core.search.SearchHit;
import vn.citizenqa.core.search.SearchResult;
import vn.citizenqa.core.text.Folding;
import vn.citizenqa.core.triage.OtherAgencyMentions;
import vn.citizenqa.core.triage.Triage;

/**
 * Whether another agency's word in a message ("đăng ký kết hôn", "sổ đỏ", "giấy khai sinh") makes it that agency's
 * matter. It does when that matter is what is asked, not when the story mentions it ("lấy chồng… chuyển hộ khẩu
 * về nhà chồng"), and not when the paper is one a police procedure the message names asks for ("làm hộ chiếu cho
 * bé… cần giấy khai sinh không").
 */
public final class OtherAgency {

    /** The share of a procedure's name a message must say to be plainly about it (see {@code SearchHit.named}). */
    private static final double NAMED_CLEARLY = 0.75;
    /** The share of a procedure's name (more than half) a message says when it may be about it. */
    private static final double NAMED_PARTLY = 0.6;
    /** A message that says every syllable of a procedure's title or of one of its aliases. */
    private static final double NAMED_WHOLLY = 0.999;
    /** A part of a sentence that says more than half of a police procedure's name asks about that procedure. */
    private static final double NAMED_HALF = 0.5;
    private static final int CANDIDATES = 3;

    /**
     * What the message comes to.
     *
     * @param handledBy   the agency whose matter it is, or null when it is a police question
     * @param policePaper the other agency's paper is one the first procedure asks for (a choice may then be offered)
     * @param leads       the id of the procedure to offer first in place of a joint one the search put first (named
     *                    for the other agency's matter too, which the message only holds as context), or null; the
     *                    joint one is then not answered
     */
    public record Verdict(String handledBy, boolean policePaper, String leads) {

        public Verdict(String handledBy, boolean policePaper) {
            this(handledBy, policePaper, null);
        }
    }

    private final ProcedureSearch searcher;
    private final Triage triage;
    private final ConfidenceGate gate;

    public OtherAgency(ProcedureSearch searcher, Triage triage, ConfidenceGate gate) {
        this.searcher = searcher;
        this.triage = triage;
        this.gate = gate;
    }

    /** @param handledBy the agency the triage names for the message, or null */
    public Verdict judge(String handledBy, TokenGraph graph, String message, SearchResult result) {
        String outOfScope = handledBy;
        MessageStructure structure = graph.structure();
        if (outOfScope != null && structure.asks()) {
            // The question must place a police procedure on its own: "Em muốn đăng ký kết hôn. Cần giấy tờ gì?" asks
            // about the marriage.
            TokenGraph askedGraph = graph.part(structure.asking());
            String asked = askedGraph.text();
            if (!asked.equals(message.strip())) {
                if (triage.read(askedGraph, asked).outOfScope() == null
                        && gate.confidence(searcher.search(askedGraph, CANDIDATES)) >= gate.clarify()) {
                    outOfScope = null;
                }
            }
        }
        List<OtherAgencyMentions.Mention> mentions = handledBy == null || result.isEmpty() ? List.of()
                : triage.outOfScopeMentions(graph);
        List<Boolean> context = mentions.stream().map(m -> context(graph, m) || story(graph, m)).toList();
        // A joint procedure named for the other agency's matter too ("khai sinh… thường trú") leads only when that
        // matter is asked; when the clause that says it holds it as done, had or compared with ("đã có giấy khai
        // sinh", "làm giấy khai sinh rồi", "sai so với giấy khai sinh"), the first procedure found without it leads.
        SearchHit lead = result.isEmpty() ? null : result.hits().getFirst();
        String leads = null;
        if (lead != null && !mentions.isEmpty()) {
            String names = foldedWords(lead.procedure().title() + ". " + String.join(". ", lead.procedure().aliases()));
            boolean own = false;
            boolean asked = false;
            for (int i = 0; i < mentions.size(); i++) {
                if (names.contains(" " + mentions.get(i).words() + " ") || mentions.get(i).words().contains(" ")
                        && names.contains(" " + lastTwo(mentions.get(i).words()) + " ")) {
                    own = true;
                    asked |= !mentions.get(i).role().context();
                }
            }
            List<String> words = triage.outOfScopeWords(graph);
            if (own && !asked) {
                for (SearchHit h : result.hits()) {
                    if (noneNamed(h.procedure(), words)) {
                        lead = h;
                        leads = h == result.hits().getFirst() ? null : h.procedure().id();
                        break;
                    }
                }
            }
        }
        // Every one of the other agency's words is context in its clause — compared with, a paper had or brought,
        // done already, or the condition of a police question that the rest of its sentence asks by name ("năm
        // sinh trên VNeID sai so với giấy khai sinh", "em cần mang giấy đăng ký kết hôn…", "giấy khai sinh bị mất
        // thì làm căn cước được không"): the message is a police question. A joint procedure named for that
        // agency's matter too is not made sure by it.
        if (outOfScope != null && lead != null && gate.confidence(result) >= gate.clarify()
                && noneNamed(lead.procedure(), triage.outOfScopeWords(graph))
                && !mentions.isEmpty() && !context.contains(false)) {
            outOfScope = null;
        }
        if (outOfScope == null || result.isEmpty()) {
            return new Verdict(outOfScope, false, leads);
        }
        SearchHit first = result.hits().getFirst();
        List<String> words = triage.outOfScopeWords(graph);
        boolean policePaper = first.named() >= NAMED_PARTLY && asksFor(first.procedure(), words);
        if (policePaper && first.named() >= NAMED_CLEARLY) {
            outOfScope = null;
        }
        // A police procedure the message says the whole of a name of and the gate is sure of, the other agency's word no part of
        // its name ("tích hợp bảo hiểm y tế vào căn cước", "mua nhà chưa có sổ hồng thì nhập hộ khẩu được không"): the
        // word is context. A procedure named for the other agency's matter too (a joint "khai sinh… thường trú") is
        // still offered, not answered: the message may ask that agency's part alone.
        if (outOfScope != null && first.named() >= NAMED_WHOLLY && !words.isEmpty() && noneNamed(first.procedure(), words)
                && gate.confidence(result) >= gate.answer()) {
            outOfScope = null;
        }
        return new Verdict(outOfScope, policePaper, leads);
    }

    /** The last two syllables of a word ("giay khai sinh" → "khai sinh"): the matter of a paper. */
    private static String lastTwo(String words) {
        String[] w = words.split(" ");
        return w.length <= 2 ? words : w[w.length - 2] + " " + w[w.length - 1];
    }

    /**
     * Whether one of the other agency's words is context: so read in its clause, or said before a clause boundary
     * (a comma, "thì") after which the rest of its sentence asks about a police procedure by name, with no word of
     * another agency's ("em bị mất giấy khai sinh, giờ làm căn cước được không"; not "giấy khai sinh bị mất thì làm
     * lại ở đâu", whose "làm lại" names nothing).
     */
    private boolean context(TokenGraph graph, OtherAgencyMentions.Mention m) {
        if (m.role().context()) {
            return true;
        }
        String text = graph.text();
        Sentences.Span sentence = null;
        for (Sentences.Span s : graph.structure().sentences()) {
            if (m.start() >= s.start() && m.start() < s.end()) {
                sentence = s;
            }
        }
        if (sentence == null || m.end() > sentence.end()) {
            return false;
        }
        int cut = boundary(text, m.end(), sentence.end());
        if (cut < 0) {
            return false;
        }
        // The word's own clause asks nothing ("làm giấy khai sinh cho con ở đâu ạ, bé mới sinh…" asks about it).
        int clauseStart = sentence.start();
        for (int c = boundary(text, sentence.start(), m.start()); c >= 0 && c <= m.start();
                c = boundary(text, c, m.start())) {
            clauseStart = c;
        }
        if (graph.part(List.of(new Sentences.Span(clauseStart, cut, false))).structure().asks()) {
            return false;
        }
        TokenGraph rest = graph.part(List.of(new Sentences.Span(cut, sentence.end(), sentence.question())));
        if (rest.isEmpty() || triage.read(rest, rest.text()).outOfScope() != null) {
            return false;
        }
        SearchResult found = searcher.search(rest, CANDIDATES);
        return !found.isEmpty() && found.hits().getFirst().named() > NAMED_HALF
                && gate.confidence(found) >= gate.clarify();
    }

    /**
     * Whether one of the other agency's words lies in the story, while the sentences that ask place a police
     * procedure on their own ("mẹ em đăng ký khai sinh cho em năm 1998… Cho em hỏi chứng minh nhân dân và giấy khai
     * sinh không khớp nhau có sao không?"); not when they ask about the story ("Em muốn đăng ký kết hôn. Cần giấy
     * tờ gì?").
     */
    private boolean story(TokenGraph graph, OtherAgencyMentions.Mention m) {
        MessageStructure structure = graph.structure();
        if (!structure.asks() || structure.role(m.from()) != MessageStructure.Role.STORY) {
            return false;
        }
        return gate.confidence(searcher.search(graph.part(structure.asking()), CANDIDATES)) >= gate.clarify();
    }

    /** Where the part after the first clause boundary (", " or "thì") in {@code [from, to)} starts, or -1. */
    static int boundary(String text, int from, int to) {
        String folded = text.toLowerCase(java.util.Locale.ROOT);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ',' && i + 1 < to && Character.isWhitespace(text.charAt(i + 1))) {
                return skipSpaces(text, i + 1, to);
            }
            if (folded.startsWith("thì", i) && (i == 0 || !Character.isLetter(text.charAt(i - 1)))
                    && (i + 3 >= text.length() || !Character.isLetter(text.charAt(i + 3)))) {
                return skipSpaces(text, i + 3, to);
            }
        }
        return -1;
    }

    private static int skipSpaces(String text, int i, int to) {
        while (i < to && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i < to ? i : -1;
    }

    /**
     * Whether each of the other agency's words (folded) is among the papers or the people a procedure names, or in
     * the questions it is asked by ("mất giấy khai sinh thì có làm căn cước được không"), and none in its name: a
     * procedure named for the other agency's matter too ("đăng ký khai tử" in a joint one) does not make a question
     * about that matter a police one.
     */
    private static boolean asksFor(Procedure p, List<String> otherAgencyWords) {
        String papers = foldedWords(p.eligibility() + ". " + String.join(". ", p.documents()) + ". "
                + String.join(". ", p.sampleQuestions()));
        String names = foldedWords(p.title() + ". " + String.join(". ", p.aliases()));
        return !otherAgencyWords.isEmpty() && otherAgencyWords.stream()
                .allMatch(w -> papers.contains(" " + w + " ") && !names.contains(" " + w + " "));
    }

    /** Whether none of the other agency's words (folded) is in the procedure's name (title or alias). */
    private static boolean noneNamed(Procedure p, List<String> otherAgencyWords) {
        String names = foldedWords(p.title() + ". " + String.join(". ", p.aliases()));
        return otherAgencyWords.stream().noneMatch(w -> names.contains(" " + w + " "));
    }

    private static String foldedWords(String text) {
        return " " + String.join(" ", VietnameseAnalysis.syllables(text).stream().map(Folding::removeDiacritics).toList())
                + " ";
    }
}
