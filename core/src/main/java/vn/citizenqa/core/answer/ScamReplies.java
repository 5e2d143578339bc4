package vn.citizenqa.core.answer;

import vn.citizenqa.core.model.ScamWarning;

/**
 * What a citizen reads about a scam: a victim gets what to do in the next minutes (the report is already with
 * officers); someone asking "có phải lừa không" gets the warning of knowledge/warnings and the offer to report.
 */
public final class ScamReplies {

    private ScamReplies() {
    }

    /** @param warning the trick the message names, or null */
    public static String victim(ScamWarning warning) {
        StringBuilder b = new StringBuilder("🚨 Tin báo bị lừa đảo của bạn đã được chuyển ngay cho cán bộ Công an; cán bộ sẽ "
                + "liên hệ lại qua tin nhắn này. Ngay trong mấy phút tới, hãy:\n"
                + "1. Gọi tổng đài ngân hàng của bạn (số in trên thẻ, trong ứng dụng ngân hàng), báo bị lừa và đề nghị "
                + "tạm dừng, phong tỏa giao dịch vừa chuyển; khóa tài khoản, thẻ nếu đã lộ mật khẩu, mã OTP.\n"
                + "2. Giữ lại tin nhắn, số điện thoại, tài khoản nhận tiền và biên lai chuyển khoản; không xóa gì.\n"
                + "3. Không chuyển thêm tiền, không trả tiền cho bất kỳ ai hứa \"lấy lại tiền\": đó là lừa lần hai.\n"
                + "4. Đã cài ứng dụng lạ: tắt mạng điện thoại, đổi mật khẩu ngân hàng từ một máy khác.\n"
                + "Bạn có thể nhắn thêm thời gian, số tiền, số tài khoản đã chuyển.");
        if (warning != null) {
            b.append("\n(Thủ đoạn: ").append(warning.title()).append(".)");
        }
        b.append("\nĐang bị đe dọa, gặp nguy hiểm: gọi ngay 113.");
        return Replies.fit(b.toString());
    }

    /**
     * A trick under way, nothing lost yet: stop now, why it is a trick (the warning's signs when the page has one),
     * and that officers have the case.
     *
     * @param warning the trick the message names, or null
     */
    public static String underWay(ScamWarning warning) {
        String head = "⚠️ Đây là dấu hiệu lừa đảo" + (warning == null ? "" : ": " + warning.title()) + ". Đừng chuyển "
                + "tiền, đừng đọc mã OTP, mật khẩu, đừng cài ứng dụng hay bấm đường link họ gửi; hãy tắt máy. Công an "
                + "không làm việc, không yêu cầu chuyển tiền hay giữ bí mật qua điện thoại, Zalo.";
        String tail = "\n🚨 Tin của bạn đã được chuyển cho cán bộ Công an; cán bộ sẽ liên hệ lại qua tin nhắn này. Nếu "
                + "người nhà đang ra ngân hàng, hãy gọi ngay cho họ hoặc nhờ nhân viên ngân hàng giữ lại. Đang bị đe "
                + "dọa, gặp nguy hiểm: gọi 113.";
        StringBuilder b = new StringBuilder(head);
        if (warning != null) {
            b.append("\nDấu hiệu:");
            warning.signs().forEach(s -> b.append("\n• ").append(s));
        }
        int room = Replies.MAX_LENGTH - tail.length();
        String body = b.length() <= room ? b.toString() : b.substring(0, room - 1) + "…";
        return body + tail;
    }

    /** The warning, then the offer to report. */
    public static String check(ScamWarning warning) {
        StringBuilder b = new StringBuilder("⚠️ Cảnh báo lừa đảo: ").append(warning.title()).append("\nDấu hiệu:");
        warning.signs().forEach(s -> b.append("\n• ").append(s));
        b.append("\nCách xử lý:");
        warning.whatToDo().forEach(s -> b.append("\n• ").append(s));
        b.append("\nCăn cứ: ").append(warning.legalBasis().getFirst());
        String tail = "\nNguồn: " + warning.source() + " (rà soát " + warning.reviewed() + ")"
                + "\nNếu bạn đã chuyển tiền hoặc cung cấp thông tin, hãy nhắn \"tôi muốn trình báo\" kèm diễn biến: "
                + "tin sẽ được chuyển ngay cho cán bộ Công an.";
        int room = Replies.MAX_LENGTH - tail.length();
        String head = b.length() <= room ? b.toString() : b.substring(0, room - 1) + "…";
        return head + tail;
    }

    /** A check question about a trick the page has no warning for: the general rules, then the offer to report. */
    public static String checkGeneral() {
        return "⚠️ Có dấu hiệu lừa đảo. Công an, ngân hàng, nhà mạng không bao giờ yêu cầu chuyển tiền, đọc mã OTP, mật "
                + "khẩu hay cài ứng dụng qua đường link; không ai phải nộp phí để nhận thưởng, nhận việc hay lấy lại tiền. "
                + "Hãy tắt máy, không bấm link lạ, tự gọi số tổng đài chính thức để kiểm tra. Căn cứ: Điều 174 Bộ luật "
                + "Hình sự (tội lừa đảo chiếm đoạt tài sản).\nNếu bạn đã chuyển tiền hoặc cung cấp thông tin, hãy nhắn "
                + "\"tôi muốn trình báo\" kèm diễn biến: tin sẽ được chuyển ngay cho cán bộ Công an.";
    }
}
