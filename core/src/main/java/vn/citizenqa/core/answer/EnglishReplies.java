package vn.citizenqa.core.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import vn.citizenqa.core.model.Candidate;
import vn.citizenqa.core.model.OnlineService;
import vn.citizenqa.core.model.Procedure;

/**
 * The English texts, for citizens who write English: the procedures' own texts stay Vietnamese (the knowledge base is
 * written in Vietnamese), so an English answer says where the procedure is done and offers to continue in Vietnamese.
 */
public final class EnglishReplies {

    private EnglishReplies() {
    }

    /** The first answer: fee and processing time in brief. */
    public static String answer(Procedure p) {
        return answer(p, true);
    }

    /** The answer to a follow-up: the same, with the fee and the processing time in full. */
    public static String detail(Procedure p) {
        return answer(p, false);
    }

    private static String answer(Procedure p, boolean brief) {
        StringBuilder b = new StringBuilder();
        b.append("📋 ").append(p.titleEn() != null ? p.titleEn() : p.title())
                .append(" (in Vietnamese: ").append(p.title()).append(")\n");
        OnlineService o = p.online();
        String where = o.links().isEmpty() ? Replies.PORTAL : o.links().getFirst();
        b.append("\n🌐 ").append(switch (o.availability()) {
            case FULL -> "It can be done entirely online at " + where;
            case PARTIAL -> "You can apply online at " + where + " (some steps in person)";
            case NONE -> "It is done in person; information at " + where;
        });
        if (p.fee() != null) {
            b.append("\n💰 Fee (Vietnamese): ").append(brief ? Brief.sentence(p.fee(), 100) : p.fee());
        }
        if (p.processingTime() != null) {
            b.append("\n⏱ Processing time (Vietnamese): ")
                    .append(brief ? Brief.sentence(p.processingTime(), 60) : p.processingTime());
        }
        b.append("\n\nThe documents and the office to apply at are listed in Vietnamese; reply in Vietnamese "
                + "(or write \"tiếng Việt\") and we will continue in Vietnamese. Official information: ")
                .append(Replies.link(p)).append(" (reviewed ").append(Dates.written(p.reviewed())).append(").");
        return Replies.fit(b.toString());
    }

    public static String clarify(List<Candidate> candidates, Function<String, String> titleEn) {
        StringBuilder b = new StringBuilder(candidates.size() == 1 ? "Is this what you mean? Reply 1 to see it:"
                : "Which of these do you mean? Please reply with the number:");
        int i = 1;
        for (Candidate c : candidates) {
            b.append('\n').append(i++).append(". ").append(titleEn.apply(c.id())).append(" (").append(c.title()).append(')');
        }
        return Replies.fit(b.toString());
    }

    public static String emergency(List<String> numbers) {
        List<String> n = numbers.isEmpty() ? List.of("113") : numbers;
        List<String> described = new ArrayList<>();
        for (String x : n) {
            described.add(switch (x) {
                case "113" -> "113 (police)";
                case "114" -> "114 (fire and rescue)";
                case "115" -> "115 (ambulance)";
                default -> x;
            });
        }
        return String.join(", ", described) + ": CALL NOW. 🚨 Your message has been passed to the officer on duty. "
                + "Stay safe, leave the danger if you can, and send the exact address.";
    }

    public static String crimeReportAcknowledged() {
        return "Thank you for your report. It has been passed to a police officer, who will contact you through this chat. "
                + "If you are in danger, call 113 now. You may add when and where it happened and what happened. "
                + "The police never ask for money transfers, passwords or OTP codes by phone or social media.";
    }

    public static String smallTalk() {
        return "Hello! I am the automatic assistant of this police page. Ask me about a procedure (residence, identity "
                + "card, passport, vehicle registration, driving licence…), in Vietnamese or English.";
    }

    public static String decline() {
        return "Sorry, this is outside what this police page handles. It can help with residence registration, identity "
                + "cards, passports, vehicle registration, driving licences, traffic fines, fire safety and crime reports. "
                + "In an emergency call 113 (police), 114 (fire and rescue) or 115 (ambulance).";
    }

    public static String escalated() {
        return "Your question has been passed to a police officer, who will answer you in this chat as soon as possible. "
                + "In an emergency call 113.";
    }
}
