package vn.citizenqa.core.answer;

import java.util.List;

import vn.citizenqa.core.model.Candidate;
import vn.citizenqa.core.model.OnlineService;
import vn.citizenqa.core.model.Procedure;

/** The texts a citizen receives. Plain Vietnamese, within the channels' 2000-character limit. */
public final class Replies {

    public static final int MAX_LENGTH = 2000;
    static final String PORTAL = "https://dichvucong.bocongan.gov.vn";

    private Replies() {
    }

    public static String answer(Procedure p) {
        StringBuilder b = new StringBuilder();
        b.append("📋 ").append(p.title()).append('\n');
        if (p.agency() != null) {
            b.append("\n📍 Nơi làm: ").append(p.agency());
        }
        if (!p.documents().isEmpty()) {
            b.append("\n\n🗂 Hồ sơ cần chuẩn bị:");
            for (String d : p.documents()) {
                b.append("\n• ").append(d);
            }
        }
        if (p.processingTime() != null) {
            b.append("\n\n⏱ Thời gian giải quyết: ").append(p.processingTime());
        }
        if (p.fee() != null) {
            b.append("\n💰 Lệ phí: ").append(p.fee());
        }
        b.append("\n🌐 ").append(online(p));
        b.append("\n\n(Thông tin rà soát ngày ").append(p.reviewed())
                .append("; quy định có thể thay đổi, vui lòng đối chiếu tại ").append(link(p)).append(")");
        return fit(b.toString());
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

    public static String clarify(List<Candidate> candidates) {
        StringBuilder b = new StringBuilder("Bạn đang hỏi về thủ tục nào? Vui lòng trả lời bằng số:");
        int i = 1;
        for (Candidate c : candidates) {
            b.append('\n').append(i++).append(". ").append(c.title());
        }
        return b.toString();
    }

    public static String smallTalk() {
        return "Xin chào! Tôi là trợ lý tự động của trang Công an. Bạn cần hỏi thủ tục gì "
                + "(tạm trú, căn cước, hộ chiếu, đăng ký xe, giấy phép lái xe…)? Cứ nhắn câu hỏi nhé.";
    }

    public static String decline() {
        return "Xin lỗi, nội dung này nằm ngoài phạm vi trang Công an hỗ trợ. Trang có thể hướng dẫn các thủ tục "
                + "cư trú, căn cước, hộ chiếu, đăng ký xe, giấy phép lái xe, phòng cháy chữa cháy và tiếp nhận tin báo. "
                + "Khi cần hỗ trợ khẩn cấp, gọi 113 (Công an), 114 (Cứu hỏa), 115 (Cấp cứu).";
    }

    public static String emergency(List<String> services) {
        StringBuilder b = new StringBuilder("🚨 KHẨN CẤP: hãy gọi ngay ");
        List<String> numbers = services.isEmpty() ? List.of("113") : services;
        b.append(String.join(", ", numbers.stream().map(Replies::describeNumber).toList()));
        b.append(". Tin nhắn của bạn đã được chuyển ngay cho cán bộ trực. Hãy giữ an toàn và rời khỏi nơi nguy hiểm.");
        return b.toString();
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
        return "Cảm ơn bạn đã cung cấp thông tin. Tin báo đã được chuyển cho cán bộ Công an, cán bộ sẽ liên hệ lại "
                + "qua tin nhắn này. Nếu bạn đang gặp nguy hiểm, hãy gọi ngay 113. Công an không bao giờ yêu cầu "
                + "chuyển tiền, cung cấp mật khẩu hay mã OTP qua điện thoại hoặc mạng xã hội.";
    }

    public static String escalated() {
        return "Câu hỏi của bạn đã được chuyển cho cán bộ Công an, cán bộ sẽ trả lời bạn qua tin nhắn này sớm nhất có thể. "
                + "Trường hợp khẩn cấp, gọi 113.";
    }

    /** Trims to the channel limit at a word boundary. */
    public static String fit(String text) {
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX_LENGTH - 1);
        return text.substring(0, cut > 0 ? cut : MAX_LENGTH - 1) + "…";
    }
}
