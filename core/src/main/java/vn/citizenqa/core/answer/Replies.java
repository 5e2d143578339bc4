package vn.citizenqa.core.answer;

import java.util.ArrayList;
import java.util.List;

import vn.citizenqa.core.model.Candidate;
import vn.citizenqa.core.model.OnlineService;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.model.ProcedureField;

/**
 * The texts a citizen receives: plain Vietnamese (English when the citizen wrote English), each within the
 * channels' 2000-character limit. Everything said about a procedure comes from its knowledge file, with
 * the date it was reviewed and where to check it.
 */
public final class Replies {

    public static final int MAX_LENGTH = 2000;
    public static final String PORTAL = "https://dichvucong.bocongan.gov.vn";
    /** What the page helps with, said when declining. */
    static final String SCOPE = "cư trú (tạm trú, thường trú, lưu trú), căn cước và VNeID, hộ chiếu, đăng ký xe, "
            + "giấy phép lái xe, xử phạt giao thông, phòng cháy chữa cháy, con dấu, an ninh trật tự, lý lịch tư pháp "
            + "và tiếp nhận tin báo tội phạm";
    static final String NUMBERS = "Khi khẩn cấp, gọi 113 (Công an), 114 (Cứu hỏa, cứu nạn), 115 (Cấp cứu).";

    private Replies() {
    }

    // ---- procedures ----

    /** A full answer: where, documents, time, fee, online, and where to check; documents trimmed to fit. */
    public static String answer(Procedure p) {
        String head = "📋 " + p.title() + (p.code() == null ? "" : " (mã thủ tục " + p.code() + ")") + "\n";
        StringBuilder tail = new StringBuilder();
        if (p.processingTime() != null) {
            tail.append("\n\n⏱ Thời gian giải quyết: ").append(p.processingTime());
        }
        if (p.fee() != null) {
            tail.append("\n💰 Lệ phí: ").append(p.fee());
        }
        tail.append("\n🌐 ").append(online(p));
        tail.append("\n\n").append(footer(p));
        StringBuilder body = new StringBuilder();
        if (p.agency() != null) {
            body.append("\n📍 Nơi làm: ").append(p.agency());
        }
        int budget = MAX_LENGTH - head.length() - tail.length() - body.length();
        if (!p.documents().isEmpty()) {
            String heading = "\n\n🗂 Hồ sơ cần chuẩn bị:";
            String more = "\n• … (danh sách đầy đủ tại " + link(p) + ")";
            StringBuilder docs = new StringBuilder(heading);
            for (int i = 0; i < p.documents().size(); i++) {
                String item = "\n• " + p.documents().get(i);
                boolean last = i == p.documents().size() - 1;
                if (docs.length() + item.length() + (last ? 0 : more.length()) > budget) {
                    docs.append(more);
                    break;
                }
                docs.append(item);
            }
            if (docs.length() <= budget) {
                body.append(docs);
            }
        }
        return fit(head + body + tail);
    }

    /** The answer to a follow-up: one field of the procedure being discussed. */
    public static String field(Procedure p, ProcedureField field) {
        String text = switch (field) {
            case FEE -> "💰 Lệ phí " + lower(p.title()) + ": " + orUnknown(p.fee(), p);
            case TIME -> "⏱ Thời gian giải quyết " + lower(p.title()) + ": " + orUnknown(p.processingTime(), p);
            case PLACE -> "📍 Nơi làm " + lower(p.title()) + ": " + orUnknown(p.agency(), p);
            case ONLINE -> "🌐 " + p.title() + ": " + online(p)
                    + (p.online().note() == null ? "" : "\n" + p.online().note());
            case DOCUMENTS -> {
                StringBuilder b = new StringBuilder("🗂 Hồ sơ " + lower(p.title()) + ":");
                if (p.documents().isEmpty()) {
                    b.append(" xem tại ").append(link(p));
                }
                for (String d : p.documents()) {
                    b.append("\n• ").append(d);
                }
                yield b.toString();
            }
        };
        return fitWithFooter(text, p);
    }

    static String online(Procedure p) {
        OnlineService o = p.online();
        String where = o.links().isEmpty() ? PORTAL : o.links().getFirst();
        return switch (o.availability()) {
            case FULL -> "Làm trực tuyến toàn trình tại " + where;
            case PARTIAL -> "Có thể nộp hồ sơ trực tuyến tại " + where;
            case NONE -> "Thủ tục làm trực tiếp; thông tin tại " + where;
        };
    }

    static String link(Procedure p) {
        return p.officialLink() != null ? p.officialLink() : PORTAL;
    }

    private static String footer(Procedure p) {
        return "(Thông tin rà soát ngày " + (p.reviewed() == null ? "—" : p.reviewed())
                + "; quy định có thể thay đổi, vui lòng đối chiếu tại " + link(p) + ")";
    }

    private static String orUnknown(String value, Procedure p) {
        return value != null ? value : "chưa có trong dữ liệu của trang, vui lòng xem tại " + link(p);
    }

    private static String lower(String title) {
        return title.isEmpty() ? title : Character.toLowerCase(title.charAt(0)) + title.substring(1);
    }

    public static String clarify(List<Candidate> candidates) {
        StringBuilder b = new StringBuilder("Bạn đang hỏi về thủ tục nào? Vui lòng trả lời bằng số:");
        int i = 1;
        for (Candidate c : candidates) {
            b.append('\n').append(i++).append(". ").append(c.title());
        }
        return fit(b.toString());
    }

    // ---- triage ----

    /** Starts with the numbers to call, most relevant first. */
    public static String emergency(List<String> numbers) {
        List<String> n = numbers.isEmpty() ? List.of("113") : numbers;
        return String.join(", ", n.stream().map(Replies::describeNumber).toList())
                + ": GỌI NGAY. 🚨 Tin nhắn của bạn đã được chuyển ngay cho cán bộ trực. "
                + "Hãy giữ an toàn, rời khỏi nơi nguy hiểm nếu có thể, và nhắn thêm địa chỉ chính xác.";
    }

    static String describeNumber(String n) {
        return switch (n) {
            case "113" -> "113 (Công an)";
            case "114" -> "114 (Cứu hỏa, cứu nạn)";
            case "115" -> "115 (Cấp cứu)";
            default -> n;
        };
    }

    public static String crimeReportAcknowledged() {
        return "Cảm ơn bạn đã báo tin. Tin của bạn đã được chuyển cho cán bộ Công an, cán bộ sẽ liên hệ lại qua tin nhắn "
                + "này. Nếu bạn đang gặp nguy hiểm, hãy gọi ngay 113. Bạn có thể nhắn thêm thời gian, địa điểm và diễn biến "
                + "sự việc. Lưu ý: Công an không bao giờ yêu cầu chuyển tiền, cung cấp mật khẩu hay mã OTP qua điện thoại "
                + "hoặc mạng xã hội.";
    }

    public static String smallTalk() {
        return "Xin chào! Tôi là trợ lý tự động của trang Công an. Bạn cần hỏi thủ tục gì (tạm trú, căn cước, "
                + "hộ chiếu, đăng ký xe, giấy phép lái xe…)? Cứ nhắn câu hỏi nhé.";
    }

    /** The decline without naming who handles the matter. */
    public static String decline() {
        return decline(null);
    }

    /** @param handledBy who handles the matter, when known (from the out-of-scope vocabulary), else null */
    public static String decline(String handledBy) {
        String who = handledBy == null || handledBy.equals("ngoài phạm vi trang") ? ""
                : "Việc này thuộc thẩm quyền của " + handledBy + ", vui lòng liên hệ nơi đó. ";
        return "Xin lỗi, nội dung này nằm ngoài phạm vi trang Công an hỗ trợ. " + who + "Trang có thể hướng dẫn các thủ tục "
                + SCOPE + ". " + NUMBERS;
    }

    public static String escalated() {
        return "Câu hỏi của bạn đã được chuyển cho cán bộ Công an, cán bộ sẽ trả lời bạn qua tin nhắn này sớm nhất có thể. "
                + "Trường hợp khẩn cấp, gọi 113.";
    }

    // ---- English ----

    public static String answerEnglish(Procedure p) {
        StringBuilder b = new StringBuilder();
        b.append("📋 ").append(p.titleEn() != null ? p.titleEn() : p.title())
                .append(" (in Vietnamese: ").append(p.title()).append(")\n");
        OnlineService o = p.online();
        String where = o.links().isEmpty() ? PORTAL : o.links().getFirst();
        b.append("\n🌐 ").append(switch (o.availability()) {
            case FULL -> "It can be done entirely online at " + where;
            case PARTIAL -> "You can apply online at " + where + " (some steps in person)";
            case NONE -> "It is done in person; information at " + where;
        });
        if (p.fee() != null) {
            b.append("\n💰 Fee (Vietnamese): ").append(p.fee());
        }
        if (p.processingTime() != null) {
            b.append("\n⏱ Processing time (Vietnamese): ").append(p.processingTime());
        }
        b.append("\n\nThe documents and the office to apply at are listed in Vietnamese; reply in Vietnamese "
                + "(or write \"tiếng Việt\") and we will continue in Vietnamese. Official information: ")
                .append(link(p)).append(" (reviewed ").append(p.reviewed()).append(").");
        return fit(b.toString());
    }

    public static String clarifyEnglish(List<Candidate> candidates, java.util.function.Function<String, String> titleEn) {
        StringBuilder b = new StringBuilder("Which of these do you mean? Please reply with the number:");
        int i = 1;
        for (Candidate c : candidates) {
            b.append('\n').append(i++).append(". ").append(titleEn.apply(c.id())).append(" (").append(c.title()).append(')');
        }
        return fit(b.toString());
    }

    public static String emergencyEnglish(List<String> numbers) {
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

    public static String crimeReportAcknowledgedEnglish() {
        return "Thank you for your report. It has been passed to a police officer, who will contact you through this chat. "
                + "If you are in danger, call 113 now. You may add when and where it happened and what happened. "
                + "The police never ask for money transfers, passwords or OTP codes by phone or social media.";
    }

    public static String smallTalkEnglish() {
        return "Hello! I am the automatic assistant of this police page. Ask me about a procedure (residence, identity "
                + "card, passport, vehicle registration, driving licence…), in Vietnamese or English.";
    }

    public static String declineEnglish() {
        return "Sorry, this is outside what this police page handles. It can help with residence registration, identity "
                + "cards, passports, vehicle registration, driving licences, traffic fines, fire safety and crime reports. "
                + "In an emergency call 113 (police), 114 (fire and rescue) or 115 (ambulance).";
    }

    public static String escalatedEnglish() {
        return "Your question has been passed to a police officer, who will answer you in this chat as soon as possible. "
                + "In an emergency call 113.";
    }

    // ---- length ----

    private static String fitWithFooter(String text, Procedure p) {
        String footer = "\n\n" + footer(p);
        if (text.length() + footer.length() <= MAX_LENGTH) {
            return text + footer;
        }
        return text.substring(0, MAX_LENGTH - footer.length() - 1) + "…" + footer;
    }

    /** Trims to the channel limit at a word boundary. */
    public static String fit(String text) {
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX_LENGTH - 2);
        return text.substring(0, cut > 0 ? cut : MAX_LENGTH - 1) + "…";
    }
}
