package vn.citizenqa.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.store.Directory;

import vn.citizenqa.core.analysis.Lexicon;
import vn.citizenqa.core.analysis.MessageStructure;
import vn.citizenqa.core.analysis.TermNotes;
import vn.citizenqa.core.analysis.TokenGraph;
import vn.citizenqa.core.answer.FineAnswers;
import vn.citizenqa.core.answer.FollowUps;
import vn.citizenqa.core.decision.Answers;
import vn.citizenqa.core.decision.CandidatePick;
import vn.citizenqa.core.decision.ConfidenceGate;
import vn.citizenqa.core.decision.MessageRest;
import vn.citizenqa.core.decision.Neighbours;
import vn.citizenqa.core.decision.Offers;
import vn.citizenqa.core.decision.OtherAgency;
import vn.citizenqa.core.knowledge.KnowledgeBase;
import vn.citizenqa.core.knowledge.KnowledgeFiles;
import vn.citizenqa.core.model.Action;
import vn.citizenqa.core.model.Candidate;
import vn.citizenqa.core.model.ConversationContext;
import vn.citizenqa.core.model.Decision;
import vn.citizenqa.core.model.EscalationKind;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.model.Language;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.model.Reply;
import vn.citizenqa.core.search.AnalysedTexts;
import vn.citizenqa.core.search.ProcedureSearch;
import vn.citizenqa.core.search.ProcedureSearcher;
import vn.citizenqa.core.search.SearchHit;
import vn.citizenqa.core.search.SearchResult;
import vn.citizenqa.core.startup.StartSteps;
import vn.citizenqa.core.startup.StartupParts;
import vn.citizenqa.core.triage.ScamWarnings;
import vn.citizenqa.core.triage.Triage;
import vn.citizenqa.core.triage.TriageSignals;

/**
 * Decides what to do with one citizen message. The message is analysed once; then, in order:
 * <ol>
 *   <li>a reply picking one of the candidates of the last CLARIFY ("2", a button payload) answers it;
 *   <li>an emergency escalates URGENT with the numbers first, a crime report escalates HIGH — unless the
 *       message plainly asks a procedure question the search is sure of ("mất ví có căn cước, làm lại sao?");
 *   <li>a follow-up on the procedure last discussed ("lệ phí bao nhiêu?") answers that field;
 *   <li>small talk gets a chat reply; an out-of-scope matter is declined unless a procedure clearly fits;
 *   <li>the confidence gate: answer, offer the candidates, or escalate (a police question nobody can
 *       match) / decline.
 * </ol>
 * The decision says what the reply is ({@link Reply}), never its words: a drafter writes those. Pure and thread-safe;
 * no I/O once built.
 */
public final class Assistant {

    private static final int CANDIDATES = 3;
    /** Longer messages are cut before analysis: nobody's question needs more, and analysis stays cheap. */
    private static final int MAX_TEXT = 2000;
    /** Confidence that a follow-up ("lệ phí bao nhiêu?") is about the procedure just discussed. */
    private static final double FOLLOW_UP_CONFIDENCE = 0.9;
    /** A greeting with a few more words ("chúc các anh công an năm mới…") is still small talk. */
    private static final int SMALL_TALK_OTHER_WORDS = 3;

    /** The clock of the citizens: a fee "until 31/12/2026" ends at midnight in Vietnam. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ProcedureSearch searcher;
    private final Triage triage;
    private final FollowUps followUps;
    private final ConfidenceGate gate;
    private final Clock clock;
    private final TermNotes oldTerms;
    private final TermNotes sideQuestions;
    private final MessageRest rest;
    private final OtherAgency otherAgency;
    private final Neighbours neighbours;
    private final TriageDecision triageDecision;

    public Assistant(ProcedureSearch searcher, Triage triage, FollowUps followUps, ConfidenceGate gate) {
        this(searcher, triage, followUps, gate, Clock.system(VIETNAM), TermNotes.NONE, TermNotes.NONE);
    }

    /** @param clock today's date for the facts that hold between dates (a reduced fee until 31/12/2026) */
    public Assistant(ProcedureSearch searcher, Triage triage, FollowUps followUps, ConfidenceGate gate, Clock clock) {
        this(searcher, triage, followUps, gate, clock, TermNotes.NONE, TermNotes.NONE);
    }

    private Assistant(ProcedureSearch searcher, Triage triage, FollowUps followUps, ConfidenceGate gate, Clock clock,
            TermNotes oldTerms, TermNotes sideQuestions) {
        this.searcher = searcher;
        this.triage = triage;
        this.followUps = followUps;
        this.gate = gate;
        this.clock = clock;
        this.oldTerms = oldTerms;
        this.sideQuestions = sideQuestions;
        this.rest = new MessageRest(searcher, gate, oldTerms, sideQuestions);
        this.otherAgency = new OtherAgency(searcher, triage, gate);
        this.neighbours = new Neighbours(List.copyOf(searcher.knowledgeBase().procedures()),
                searcher instanceof ProcedureSearcher s ? s.lexicon()::isStopword : (String w) -> false,
                searcher instanceof ProcedureSearcher s ? s.analysedTexts() : AnalysedTexts.NONE);
        this.triageDecision = new TriageDecision(triage, gate);
    }

    /** The same assistant answering as on another day: for editors checking a change before it takes effect. */
    public Assistant on(LocalDate day) {
        return new Assistant(searcher, triage, followUps, gate,
                Clock.fixed(day.atStartOfDay(VIETNAM).toInstant(), VIETNAM), oldTerms, sideQuestions);
    }

    /** The day the answers are given for. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The assistant over an index, with the lexicon and vocabularies read from knowledge files. */
    public static Assistant open(Directory index, KnowledgeFiles files) throws IOException {
        return open(index, files, StartupParts.compute(files));
    }

    /**
     * The assistant over an index, with the lexicon and models given (restored from the start-up artifact), and the
     * search's tables when the parts hold them (else read from the index).
     */
    public static Assistant open(Directory index, KnowledgeFiles files, StartupParts parts) throws IOException {
        return open(index, files, parts, StartSteps.NONE);
    }

    /** The same, each part of the build timed by {@code steps} (a function's init steps). */
    public static Assistant open(Directory index, KnowledgeFiles files, StartupParts parts, StartSteps steps)
            throws IOException {
        Lexicon lexicon = parts.lexicon();
        ProcedureSearcher searcher;
        try {
            searcher = steps.time("search", () -> {
                try {
                    return parts.search() != null ? new ProcedureSearcher(index, lexicon, parts.search())
                            : new ProcedureSearcher(index, lexicon);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Triage triage = steps.time("triage", () -> triage(files, parts));
        FollowUps followUps = steps.time("follow-ups", () -> FollowUps.load(files, lexicon));
        List<TermNotes> notes = steps.time("term-notes", () -> List.of(TermNotes.load(files, TermNotes.OLD_TERMS),
                TermNotes.load(files, TermNotes.SIDE_QUESTIONS)));
        return steps.time("rest", () -> new Assistant(searcher, triage, followUps, ConfidenceGate.DEFAULT,
                Clock.system(VIETNAM), notes.get(0), notes.get(1)));
    }

    private static Triage triage(KnowledgeFiles files, StartupParts parts) {
        return parts.triage() != null
                ? Triage.load(parts.triage(), parts.lexicon(), parts.safety(), parts.report(), ScamWarnings.read(files))
                : Triage.load(files, parts.lexicon(), parts.safety(), parts.report(), ScamWarnings.read(files));
    }

    /** The same assistant with another search or gate: for tuning and for the baseline. */
    public Assistant with(ProcedureSearch otherSearcher, ConfidenceGate otherGate) {
        return new Assistant(otherSearcher, triage, followUps, otherGate, clock, oldTerms, sideQuestions);
    }

    public KnowledgeBase knowledgeBase() {
        return searcher.knowledgeBase();
    }

    public ProcedureSearch searcher() {
        return searcher;
    }

    public ConfidenceGate gate() {
        return gate;
    }

    /** The procedures' siblings, as the decision tells them apart. */
    public Neighbours neighbours() {
        return neighbours;
    }

    /** What the triage vocabularies find in a message, before the decision. */
    public TriageSignals signals(String text) {
        return triage.read(searcher.analyze(text), text);
    }

    /** How the assistant reads a message, for editors tuning the vocabularies: graph, signals, hits. */
    public String explain(String text) {
        TokenGraph graph = searcher.analyze(text);
        SearchResult result = searcher.search(graph, CANDIDATES);
        StringBuilder b = new StringBuilder();
        b.append("tokens: ");
        for (TokenGraph.Edge e : graph.edges()) {
            b.append(e.term()).append(e.typed() ? "" : "*").append('[').append(e.from()).append('-').append(e.to()).append("] ");
        }
        b.append("\nsignals: ").append(triage.read(graph, text));
        for (vn.citizenqa.core.triage.OtherAgencyMentions.Mention m : triage.outOfScopeMentions(graph)) {
            b.append("\nanother agency's word: ").append(m.words()).append(" (").append(m.role()).append(')');
        }
        int[] roles = graph.structure().counts();
        b.append("\nstructure: asked ").append(roles[0]).append(", story ").append(roles[1]).append(", wrapper ")
                .append(roles[2]).append(", neutral ").append(roles[3]).append("; asking sentences ")
                .append(graph.structure().asking().size());
        if (graph.structure().asks()) {
            b.append("\nasked: ").append(graph.structure().askedText(text));
        }
        b.append("\nfeatures: ").append(java.util.Arrays.toString(ConfidenceGate.features(result)))
                .append(String.format(" → confidence %.3f (answer ≥ %.2f, clarify ≥ %.2f)", gate.confidence(result),
                        gate.answer(), gate.clarify()));
        for (SearchHit h : result.hits()) {
            b.append(String.format("%n  %-36s score %.2f coverage %.2f weighted %.2f", h.procedure().id(), h.score(),
                    h.coverage(), h.weightedCoverage()));
        }
        return b.toString();
    }

    public Decision decide(String text, ConversationContext context) {
        String message = text == null ? "" : text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        ConversationContext ctx = context == null ? ConversationContext.NONE : context;
        TokenGraph graph = searcher.analyze(message);

        Decision picked = pick(message, graph, ctx);
        if (picked != null) {
            return picked;
        }
        TriageSignals signals = triage.read(graph, message);
        Language language = signals.english() ? Language.ENGLISH : Language.VIETNAMESE;
        // A message that asks nothing is never a procedure question, so an emergency, a scam or a report in it is
        // decided without the search (an emergency's numbers go out sooner); nor is a certain danger said to be
        // happening now outweighed by one ("nhà đang cháy, phải làm sao").
        boolean dangerNow = (signals.scam() == null || (signals.scam().kind() == TriageSignals.Scam.Kind.CHECK
                && signals.emergency() != null && !signals.scam().outweighs(signals.emergency()))) && signals.emergency() != null && signals.emergency().certain()
                && signals.present();
        Decision urgent = signals.question() && !dangerNow ? null
                : triageDecision.decide(signals, language, SearchFit.NOT_SEARCHED);
        if (urgent != null) {
            return urgent;
        }
        SearchResult result = FineAnswers.forMessage(searcher.search(graph, CANDIDATES), message);
        double confidence = ConfidenceGate.rounded(gate.confidence(result));
        Decision escalated = signals.question()
                ? triageDecision.decide(signals, language, SearchFit.of(result, confidence)) : null;
        if (escalated != null) {
            return escalated;
        }
        Decision followUp = followUp(graph, ctx, result, confidence, language);
        if (followUp != null) {
            return followUp;
        }
        MessageStructure structure = graph.structure();
        // A long thank-you or praise ("hôm nay lên công an xã làm hồ sơ, các anh làm rất nhanh… cảm ơn các anh")
        // asks nothing: it gets a friendly reply, not a procedure, a decline or a case.
        boolean thanksOnly = structure.thanks() && !structure.asks();
        if (graph.isEmpty() || thanksOnly || (signals.smallTalk() && (signals.otherThanSmallTalk() == 0
                || (signals.otherThanSmallTalk() <= SMALL_TALK_OTHER_WORDS && confidence < gate.answer())))) {
            return new Decision(Intent.SMALL_TALK, Action.CHAT, null, List.of(), 1.0, null, new Reply.Greeting(),
                    language);
        }
        List<Candidate> candidates = Offers.candidates(result, confidence);
        // Another agency's word in the story ("lấy chồng… đăng ký kết hôn", "con vào lớp 1") is context: decline only
        // when what is asked is that agency's matter, and never answer it automatically; offer a choice when a
        // procedure fits well (or fits and asks for that paper).
        OtherAgency.Verdict agency = otherAgency.judge(signals.outOfScope(), graph, message, result);
        if (agency.leads() != null) {
            candidates = Offers.first(candidates, agency.leads());
        }
        if (agency.handledBy() != null) {
            if ((confidence >= gate.answer() || (agency.policePaper() && confidence >= gate.clarify()))
                    && candidates.size() >= 2) {
                return Offers.clarify(candidates, confidence, language);
            }
            return Offers.decline(candidates, confidence, agency.handledBy(), language);
        }
        // A sibling of the first procedure the message points to ("thường trú" beside "tạm trú"): offer both, the
        // sibling first when the question names it and only the story the first.
        Procedure rival = confidence >= gate.answer() ? neighbours.rival(graph, result) : null;
        Procedure named = rival == null ? null : neighbours.asked(graph, result);
        if (named != null) {
            candidates = Offers.first(candidates, named.id());
        }
        if (confidence >= gate.answer() && rival == null && agency.leads() == null) {
            Procedure p = result.hits().getFirst().procedure();
            List<Candidate> withOthers = new ArrayList<>(candidates);
            Reply.Rest besides = rest.besides(graph, p, withOthers);
            FollowUps.Asked asked = followUps.asked(graph);
            return new Decision(Intent.PROCEDURE, Action.ANSWER, p.ref(), withOthers, confidence, null,
                    Answers.of(p, Answers.companion(result), message, false, asked == null ? null : asked.field(), besides,
                            today()), language);
        }
        // A police question with one procedure found (the fines set aside, say), fairly sure but short of an answer:
        // it is offered, as several would be, rather than passed to officers.
        if (confidence >= gate.clarify() && (candidates.size() >= 2
                || (candidates.size() == 1 && signals.police() && confidence >= gate.reportOverride()))) {
            return new Decision(Intent.PROCEDURE, Action.CLARIFY, null, candidates, confidence, null,
                    new Reply.Choice(candidates, rest.underAChoice(graph)), language);
        }
        if (signals.police() && result.meaningfulWords() >= 2) {
            return new Decision(Intent.PROCEDURE, Action.ESCALATE, null, candidates, confidence,
                    new EscalationKind.UnmatchedQuestion(), new Reply.PassedToOfficers(), language);
        }
        return Offers.decline(candidates, confidence, null, language);
    }


    /** A reply to a CLARIFY picking one of its candidates (see {@link CandidatePick}); null when it is not one. */
    private Decision pick(String text, TokenGraph graph, ConversationContext ctx) {
        Procedure p = CandidatePick.chosen(text, graph, ctx.lastCandidateIds())
                .flatMap(id -> searcher.knowledgeBase().find(id)).orElse(null);
        if (p == null) {
            return null;
        }
        return new Decision(Intent.PROCEDURE, Action.ANSWER, p.ref(), List.of(new Candidate(p.id(), p.title(), 1.0)), 1.0,
                null, Answers.of(p, null, text, true, null, Reply.Rest.NONE, today()), Language.VIETNAMESE);
    }

    /**
     * A question about one field of the procedure last discussed. It is a follow-up when it names nothing
     * else, or when the search finds that same procedure, or nothing sure.
     */
    private Decision followUp(TokenGraph graph, ConversationContext ctx, SearchResult result, double confidence,
            Language language) {
        Procedure last = searcher.knowledgeBase().find(ctx.lastProcedureId()).orElse(null);
        if (last == null) {
            return null;
        }
        FollowUps.Asked asked = followUps.asked(graph);
        if (asked == null) {
            return null;
        }
        boolean sameProcedure = !result.isEmpty() && result.hits().getFirst().procedure().id().equals(last.id());
        if (asked.otherWords() > 0 && !sameProcedure && confidence >= gate.answer()) {
            return null; // it names another procedure: answer that one
        }
        return new Decision(Intent.PROCEDURE, Action.ANSWER, last.ref(),
                List.of(new Candidate(last.id(), last.title(), FOLLOW_UP_CONFIDENCE)), FOLLOW_UP_CONFIDENCE, null,
                new Reply.ProcedureDetail(last.on(today()), asked.field()), language);
    }
}
