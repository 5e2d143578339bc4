package vn.citizenqa.core.answer;

import java.util.ArrayList;
import java.util.List;

import vn.citizenqa.core.model.Candidate;
import vn.citizenqa.core.model.OnlineService;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.model.ProcedureField;

/**
 * The Vietnamese texts a citizen receives, each within the channels' 2000-character limit. A first answer fits one
 * phone screen; the details come on request. Everything said about a procedure comes from its knowledge file, with
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
    /** How long each brief line of a first answer may be. */
    private static final int BRIEF_LINE = 100;
    private static final int BRIEF_ITEM = 60;
    private static final int DOCUMENTS_SHOWN = 3;

    private Replies() {
    }

    // ---- procedures ----

    /**
     * The first answer: what it is, where to go, what to bring in brief, where to do it online, time and fee in a
     * line, when it was checked and where to check it.
     */
    public static String answer(Procedure p) {
        return answer(p, null);
    }

    /**
     * The first answer to a message that asked about one field ("làm hộ chiếu hết bao nhiêu tiền" → the fee): that
     * field in full, where to do it online, when it was checked; the documents asked for are all listed, each in
     * brief. {@code asked} null gives {@link #answer(Procedure)}.
     */
    public static String answer(Procedure p, ProcedureField asked) {
        if (asked == null || asked == ProcedureField.DOCUMENTS) {
            return brief(p, asked == ProcedureField.DOCUMENTS);
        }
        StringBuilder b = title(p).append('\n').append(switch (asked) {
            case FEE -> "💰 Lệ phí: " + orUnknown(p.fee(), p);
            case TIME -> "⏱ Thời gian giải quyết: " + orUnknown(p.processingTime(), p);
            case PLACE -> "📍 Nơi nộp: " + orUnknown(p.agency(), p);
            case ONLINE -> "🌐 " + online(p) + (p.online().note() == null ? "" : "\n" + p.online().note());
            case DOCUMENTS -> throw new AssertionError("answered in brief above");
        });
        if (asked != ProcedureField.ONLINE) {
            b.append("\n🌐 ").append(online(p));
        }
        b.append("\n\n").append(footer(p));
        return fit(b.toString());
    }

    private static StringBuilder title(Procedure p) {
        StringBuilder b = new StringBuilder("📋 ").append(p.title());
        if (p.code() != null) {
            b.append(" (mã ").append(p.code()).append(')');
        }
        return b;
    }

    private static String brief(Procedure p, boolean everyDocument) {
        StringBuilder b = title(p);
        if (p.agency() != null) {
            b.append("\n📍 Nơi nộp: ").append(Brief.sentence(p.agency(), BRIEF_LINE));
        }
        List<String> documents = p.documents();
        if (!documents.isEmpty() && everyDocument) {
            // Every document, each in brief: the list asked for, still on one screen; each in full is one tap away.
            b.append("\n🗂 Hồ sơ:");
            documents.forEach(d -> b.append("\n• ").append(Brief.item(d, BRIEF_LINE)));
        } else if (!documents.isEmpty()) {
            List<String> brief = new ArrayList<>();
            for (String d : documents.subList(0, Math.min(DOCUMENTS_SHOWN, documents.size()))) {
                brief.add(Brief.item(d, BRIEF_ITEM));
            }
            b.append("\n🗂 Mang theo: ").append(String.join("; ", brief));
            if (documents.size() > DOCUMENTS_SHOWN) {
                b.append(" (và ").append(documents.size() - DOCUMENTS_SHOWN).append(" giấy tờ khác)");
            }
        }
        b.append("\n🌐 ").append(online(p));
        timeAndFee(b, p);
        b.append("\n\n").append(footer(p));
        return fit(b.toString());
    }

    /**
     * A procedure in a few lines, for a reply that answers something else first (a fine): where, time, fee, online,
     * and that the documents come on request.
     */
    public static String summary(Procedure p) {
        StringBuilder b = new StringBuilder("📋 ").append(p.title());
        if (p.agency() != null) {
            b.append("\n📍 Nơi nộp: ").append(Brief.sentence(p.agency(), BRIEF_LINE));
        }
        timeAndFee(b, p);
        b.append("\n🌐 ").append(online(p));
        b.append("\nNhắn \"cần giấy tờ gì\" để xem hồ sơ. ").append(footer(p));
        return b.toString();
    }

    /** Time and fee in one line, each cut to a brief sentence; nothing when neither is known. */
    private static void timeAndFee(StringBuilder b, Procedure p) {
        List<String> parts = new ArrayList<>();
        if (p.processingTime() != null) {
            parts.add("⏱ " + Brief.sentence(p.processingTime(), BRIEF_ITEM));
        }
        if (p.fee() != null) {
            parts.add("💰 " + Brief.sentence(p.fee(), BRIEF_LINE));
        }
        if (!parts.isEmpty()) {
            b.append('\n').append(String.join(" · ", parts));
        }
    }

    /** A detail asked for: one field of the procedure being discussed, in full. */
    public static String field(Procedure p, ProcedureField field) {
        String text = switch (field) {
            case FEE -> "💰 Lệ phí " + lower(p.title()) + ": " + orUnknown(p.fee(), p);
            case TIME -> "⏱ Thời gian giải quyết " + lower(p.title()) + ": " + orUnknown(p.processingTime(), p);
            case PLACE -> "📍 Nơi nộp hồ sơ " + lower(p.title()) + ": " + orUnknown(p.agency(), p);
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
                if (p.processingTime() != null) {
                    b.append("\n⏱ Thời gian giải quyết: ").append(p.processingTime());
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
            case PARTIAL -> "Có thể nộp trực tuyến tại " + where;
            case NONE -> "Làm trực tiếp; thông tin tại " + where;
        };
    }

    static String link(Procedure p) {
        return p.officialLink() != null ? p.officialLink() : PORTAL;
    }

    private static String footer(Procedure p) {
        return "(Rà soát ngày " + Dates.written(p.reviewed()) + "; quy định có thể thay đổi, đối chiếu tại " + link(p) + ")";
    }

    private static String orUnknown(String value, Procedure p) {
        return value != null ? value : "chưa có trong dữ liệu của trang, vui lòng xem tại " + link(p);
    }

    private static String lower(String title) {
        return title.isEmpty() ? title : Character.toLowerCase(title.charAt(0)) + title.substring(1);
    }

    public static String clarify(List<Candidate> candidates) {
        StringBuilder b = new StringBuilder(candidates.size() == 1
                ? "Có phải bạn đang hỏi về thủ tục này? Trả lời 1 để xem hướng dẫn:"
                : "Bạn đang hỏi về thủ tục nào? Vui lòng trả lời bằng số:");
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

    // ---- length ----

    static String fitWithFooter(String text, Procedure p) {
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
