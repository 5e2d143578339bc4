package vn.citizenqa.core.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import vn.citizenqa.core.channel.ChannelCapability;
import vn.citizenqa.core.channel.MessageParts;
import vn.citizenqa.core.channel.OutboundReply;
import vn.citizenqa.core.channel.ReplyOption;
import vn.citizenqa.core.knowledge.KnowledgeBase;
import vn.citizenqa.core.model.Candidate;
import vn.citizenqa.core.model.Language;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.model.ProcedureField;
import vn.citizenqa.core.model.Reply;

/**
 * Writes what was decided ({@link Reply}) as the words a citizen reads, in the citizen's language, and the options
 * under them as the channel shows them: tapped (Messenger quick replies, Zalo buttons) or, where nothing can be
 * tapped, named in the text. The only place that chooses wording; dates are written dd/mm/yyyy whatever the source.
 */
public final class ReplyDrafter {

    /** Under an answer: a citizen who finds it wrong says so, and officers take it. */
    static final String WRONG_HINT = "Chưa đúng ý bạn? Nhắn \"" + Feedback.WRONG.label() + "\".";

    private final KnowledgeBase knowledge;

    public ReplyDrafter(KnowledgeBase knowledge) {
        this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
    }

    /** The reply as sent on a channel with that capability: its text and the options under it (at most three). */
    public OutboundReply draft(Reply reply, Language language, ChannelCapability capability) {
        List<ReplyOption> options = options(reply, language);
        String text = text(reply, language);
        if (!capability.tappable()) {
            if (!options.isEmpty() && !(reply instanceof Reply.Choice)) {
                text = Replies.fit(text + "\nNhắn: " + String.join(" · ", options.stream().map(ReplyOption::title).toList()));
            }
            return new OutboundReply(text, List.of());
        }
        List<ReplyOption> shown = options.stream()
                .map(o -> new ReplyOption(MessageParts.trim(o.title(), capability.optionTitleLimit()), o.payload()))
                .toList();
        return new OutboundReply(text, shown);
    }

    /** The reply's words alone, as the command line and the {@code ask --json} contract show them. */
    public String text(Reply reply, Language language) {
        String words = language == Language.ENGLISH ? english(reply) : vietnamese(reply);
        if (language == Language.VIETNAMESE && (reply instanceof Reply.ProcedureAnswer
                || reply instanceof Reply.ProcedureDetail || reply instanceof Reply.FineAnswer)) {
            words = Replies.fit(words + "\n" + WRONG_HINT);
        }
        return Dates.inText(words);
    }

    private String vietnamese(Reply reply) {
        return switch (reply) {
            case Reply.ProcedureAnswer a -> Replies.fit(Replies.answer(a.procedure(), a.asked()) + rest(a.rest()));
            case Reply.FineAnswer f -> f.procedure() == null ? FineAnswers.brief(f.fine(), f.vehicles())
                    : Replies.fit(FineAnswers.brief(f.fine(), f.vehicles()) + "\n\n" + Replies.summary(f.procedure()));
            case Reply.ProcedureDetail d -> d.procedure().isFine() ? FineAnswers.details(d.procedure())
                    : Replies.field(d.procedure(), d.field());
            case Reply.Choice c -> Replies.fit(Replies.clarify(c.candidates()) + rest(c.rest()));
            case Reply.EmergencyNumbers e -> Replies.emergency(e.numbers());
            case Reply.ReportReceived r -> Replies.crimeReportAcknowledged();
            case Reply.PassedToOfficers p -> Replies.escalated();
            case Reply.Greeting g -> Replies.smallTalk();
            case Reply.Declined d -> Replies.decline(d.handledBy());
            case Reply.Welcome w -> ConversationReplies.welcome(w.pageName(), knowledge);
            case Reply.AskForWords a -> ConversationReplies.askForWords();
            case Reply.AttachmentJoinsReport a -> ConversationReplies.attachmentForReport();
            case Reply.Paused p -> ConversationReplies.rateLimited();
            case Reply.ThanksForFeedback t -> ConversationReplies.thanksForFeedback();
            case Reply.WrongAnswerPassedOn w -> ConversationReplies.wrongAnswerEscalated();
            case Reply.LocationJoinsCase l -> ConversationReplies.locationJoinedCase(l.placeName(), l.emergency());
            case Reply.WhatHappensThere w -> ConversationReplies.locationWhatHappens(w.placeName());
            case Reply.ContactJoinsCase c -> ConversationReplies.contactJoinedCase();
            case Reply.ContactKept c -> ConversationReplies.contactKept();
            case Reply.ScamSteps s -> ScamReplies.victim(s.warning());
            case Reply.ScamCheckAnswer c -> c.warning() == null ? ScamReplies.checkGeneral() : ScamReplies.check(c.warning());
            case Reply.ScamUnderWay u -> ScamReplies.underWay(u.warning());
            case Reply.PlateLookups p -> plates(p);
        };
    }

    private String english(Reply reply) {
        return switch (reply) {
            case Reply.ProcedureAnswer a -> EnglishReplies.answer(a.procedure());
            case Reply.ProcedureDetail d -> EnglishReplies.detail(d.procedure());
            case Reply.Choice c -> EnglishReplies.clarify(c.candidates(), this::titleEn);
            case Reply.EmergencyNumbers e -> EnglishReplies.emergency(e.numbers());
            case Reply.ReportReceived r -> EnglishReplies.crimeReportAcknowledged();
            case Reply.PassedToOfficers p -> EnglishReplies.escalated();
            case Reply.Greeting g -> EnglishReplies.smallTalk();
            case Reply.Declined d -> EnglishReplies.decline();
            case Reply.ScamSteps s -> EnglishReplies.crimeReportAcknowledged();
            case Reply.ScamUnderWay u -> EnglishReplies.crimeReportAcknowledged();
            // What the conversation itself says is Vietnamese: the page's own language.
            default -> vietnamese(reply);
        };
    }

    /**
     * The rest of the message, after the answer (issue 14): each other question named in one line (never dropped
     * silently), then the knowledge files' lines (a fine or a complaint asked beside it, an old term explained).
     */
    private static String rest(Reply.Rest rest) {
        StringBuilder b = new StringBuilder();
        for (String title : rest.otherQuestions()) {
            b.append("\n\nBạn còn hỏi về: ").append(title).append(". Nhắn lại riêng câu hỏi đó để được hướng dẫn.");
        }
        if (!rest.notes().isEmpty()) {
            b.append("\n\n").append(String.join("\n", rest.notes()));
        }
        return b.toString();
    }

    /** The details under an answer, the candidates of a choice by number; nothing else offers options. */
    private List<ReplyOption> options(Reply reply, Language language) {
        return switch (reply) {
            case Reply.ProcedureAnswer a when language == Language.VIETNAMESE -> details(
                    a.asked() == null || a.asked() == ProcedureField.DOCUMENTS ? DetailOption.underAnAnswer()
                            : DetailOption.besides(a.asked()));
            case Reply.ProcedureDetail d when language == Language.VIETNAMESE -> details(DetailOption.besides(d.field()));
            case Reply.Choice c -> {
                List<ReplyOption> options = new ArrayList<>();
                int n = 1;
                for (Candidate candidate : c.candidates()) {
                    String title = knowledge.find(candidate.id()).map(Procedure::title).orElse(candidate.title());
                    options.add(new ReplyOption(n + ". " + title, Integer.toString(n)));
                    n++;
                }
                yield options;
            }
            default -> List.of();
        };
    }

    private static List<ReplyOption> details(List<DetailOption> offered) {
        return offered.stream().map(o -> new ReplyOption(o.label(), o.label())).toList();
    }

    /** The look-up first; then the procedure asked about, in full when both fit one message, else by name and link. */
    private String plates(Reply.PlateLookups p) {
        String lookup = PlateReplies.lookup(p.lookups(), knowledge.find(PlateReplies.PAYMENT_PROCEDURE));
        if (p.asked() == null) {
            return lookup;
        }
        String both = lookup + "\n\n" + Replies.answer(p.asked());
        return both.length() <= Replies.MAX_LENGTH ? both
                : Replies.fit(lookup + "\n\n📋 " + p.asked().title() + ": " + Replies.link(p.asked()));
    }

    private String titleEn(String id) {
        return knowledge.find(id).map(p -> p.titleEn() != null ? p.titleEn() : p.title()).orElse(id);
    }
}
