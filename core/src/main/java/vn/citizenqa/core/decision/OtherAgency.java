package vn.citizenqa.core.decision;

import java.util.List;

import vn.citizenqa.core.analysis.MessageStructure;
import vn.citizenqa.core.analysis.TokenGraph;
import vn.citizenqa.core.analysis.VietnameseAnalysis;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.search.ProcedureSearch;
import vn.citizenqa.core.search.SearchHit;
import vn.citizenqa.core.search.SearchResult;
import vn.citizenqa.core.text.Folding;
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
    private static final int CANDIDATES = 3;

    /**
     * What the message comes to.
     *
     * @param handledBy   the agency whose matter it is, or null when it is a police question
     * @param policePaper the other agency's paper is one the first procedure asks for (a choice may then be offered)
     */
    public record Verdict(String handledBy, boolean policePaper) {
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
        if (outOfScope == null || result.isEmpty()) {
            return new Verdict(outOfScope, false);
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
        return new Verdict(outOfScope, policePaper);
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
