package vn.citizenqa.core.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import vn.citizenqa.core.channel.ChannelCapability;
import vn.citizenqa.core.channel.OutboundReply;
import vn.citizenqa.core.channel.ReplyOption;
import vn.citizenqa.core.knowledge.KnowledgeBase;
import vn.citizenqa.core.model.Candidate;
import vn.citizenqa.core.model.Language;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.model.Reply;

/**
 * Writes what was decided ({@link Reply}) as the words a citizen reads, in the citizen's language, and the options
 * under them as the channel shows them. The only place that chooses wording; everything said about a procedure
 * comes from its knowledge file.
 */
public final class ReplyDrafter {

    private final KnowledgeBase knowledge;

    public ReplyDrafter(KnowledgeBase knowledge) {
        this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
    }

    /** The reply as sent on a channel with that capability: its text and the options under it. */
    public OutboundReply draft(Reply reply, Language language, ChannelCapability capability) {
        return new OutboundReply(text(reply, language), options(reply, capability));
    }

    /** The reply's words alone. */
    public String text(Reply reply, Language language) {
        return language == Language.ENGLISH ? english(reply) : vietnamese(reply);
    }

    private String vietnamese(Reply reply) {
        return switch (reply) {
            case Reply.ProcedureAnswer a -> Replies.answer(a.procedure()) + rest(a.rest());
            case Reply.FineAnswer f -> f.procedure() == null ? FineAnswers.brief(f.fine(), f.vehicles())
                    : Replies.fit(FineAnswers.brief(f.fine(), f.vehicles()) + "\n\n" + Replies.summary(f.procedure()));
            case Reply.ProcedureDetail d -> d.procedure().isFine() ? FineAnswers.details(d.procedure())
                    : Replies.field(d.procedure(), d.field());
            case Reply.Choice c -> Replies.clarify(c.candidates()) + rest(c.rest());
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
            case Reply.PlateLookups p -> plates(p);
        };
    }

    private String english(Reply reply) {
        return switch (reply) {
            case Reply.ProcedureAnswer a -> Replies.answerEnglish(a.procedure());
            case Reply.ProcedureDetail d -> Replies.answerEnglish(d.procedure());
            case Reply.Choice c -> Replies.clarifyEnglish(c.candidates(), this::titleEn);
            case Reply.EmergencyNumbers e -> Replies.emergencyEnglish(e.numbers());
            case Reply.ReportReceived r -> Replies.crimeReportAcknowledgedEnglish();
            case Reply.PassedToOfficers p -> Replies.escalatedEnglish();
            case Reply.Greeting g -> Replies.smallTalkEnglish();
            case Reply.Declined d -> Replies.declineEnglish();
            case Reply.ScamSteps s -> Replies.crimeReportAcknowledgedEnglish();
            // What the conversation itself says is Vietnamese: the page's own language.
            default -> vietnamese(reply);
        };
    }

    /** The rest of the message, after the answer: the other questions named, then the knowledge files' lines. */
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

    /** The options under the reply: the candidates of a choice by number, the feedback after an answer. */
    private List<ReplyOption> options(Reply reply, ChannelCapability capability) {
        if (!capability.tappable()) {
            return List.of();
        }
        return switch (reply) {
            case Reply.ProcedureAnswer a -> feedback();
            case Reply.ProcedureDetail d -> feedback();
            case Reply.FineAnswer f -> feedback();
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

    private static List<ReplyOption> feedback() {
        return List.of(new ReplyOption(Feedback.HELPFUL.label(), Feedback.HELPFUL.label()),
                new ReplyOption(Feedback.WRONG.label(), Feedback.WRONG.label()));
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
