package vn.citizenqa.core.answer;

import java.util.LinkedHashSet;
import java.util.Set;

import vn.citizenqa.core.knowledge.KnowledgeBase;
import vn.citizenqa.core.model.Category;

/** The texts the conversation itself says, beyond the assistant's answers. */
public final class ConversationReplies {

    static final String EMERGENCY_NUMBERS = "Khi khẩn cấp, gọi 113 (Công an), 114 (Cứu hỏa), 115 (Cấp cứu).";

    private ConversationReplies() {
    }

    /** For a new follower: what the page helps with, taken from the knowledge base, and the emergency numbers. */
    public static String welcome(String pageName, KnowledgeBase knowledge) {
        Set<Category> categories = new LinkedHashSet<>();
        for (Category c : Category.values()) {
            if (knowledge.procedures().stream().anyMatch(p -> p.category() == c)) {
                categories.add(c);
            }
        }
        StringBuilder b = new StringBuilder("Chào mừng bạn đến với trang ").append(pageName)
                .append("! Tôi là trợ lý tự động, có thể hướng dẫn bạn các thủ tục:");
        for (Category c : categories) {
            b.append("\n• ").append(c.label());
        }
        b.append("\nHãy nhắn câu hỏi của bạn, ví dụ: \"đăng ký tạm trú cần giấy tờ gì?\". ")
                .append("Bạn cũng có thể báo tin về tội phạm, cán bộ sẽ tiếp nhận. ").append(EMERGENCY_NUMBERS);
        return b.toString();
    }

    public static String askForWords() {
        return "Cảm ơn bạn! Tôi chỉ đọc được tin nhắn bằng chữ. Bạn vui lòng nhắn câu hỏi bằng lời, ví dụ: "
                + "\"làm căn cước cần giấy tờ gì?\". Nếu bạn muốn báo tin về một vụ việc, hãy mô tả bằng lời: "
                + "chuyện gì, ở đâu, khi nào. " + EMERGENCY_NUMBERS;
    }

    public static String attachmentForReport() {
        return "Cảm ơn bạn đã gửi thêm hình ảnh/tệp. Cán bộ Công an sẽ xem cùng tin báo của bạn và liên hệ lại qua "
                + "tin nhắn này. Nếu có thể, hãy mô tả thêm bằng lời: chuyện gì, ở đâu, khi nào. " + EMERGENCY_NUMBERS;
    }

    /** The one notice a citizen gets on passing the per-minute limit; later messages get no reply for a while. */
    public static String rateLimited() {
        return "Bạn đã gửi rất nhiều tin nhắn trong thời gian ngắn nên trợ lý tự động tạm dừng trả lời. Cán bộ Công an "
                + "sẽ xem các tin nhắn của bạn. Vui lòng gửi câu hỏi trong một tin nhắn và chờ ít phút. " + EMERGENCY_NUMBERS;
    }

    /** A location that joined the citizen's open case. */
    public static String locationJoinedCase(String placeName, boolean emergency) {
        return "Đã nhận vị trí bạn gửi" + place(placeName) + ". Vị trí đã được chuyển cho cán bộ Công an đang xử lý tin "
                + "báo của bạn." + (emergency ? " Nếu đang nguy hiểm, hãy gọi ngay 113 và đến nơi an toàn. " : " ")
                + EMERGENCY_NUMBERS;
    }

    /** A location with no case open: ask what is happening there. */
    public static String locationWhatHappens(String placeName) {
        return "Tôi đã nhận vị trí bạn gửi" + place(placeName) + ". Ở đó đang xảy ra chuyện gì? Bạn hãy mô tả bằng lời: "
                + "chuyện gì, khi nào, có ai gặp nguy hiểm không. " + EMERGENCY_NUMBERS;
    }

    /** Contact details that joined the citizen's open case. */
    public static String contactJoinedCase() {
        return "Đã nhận thông tin liên hệ của bạn và chuyển cho cán bộ Công an đang xử lý tin báo; cán bộ sẽ liên hệ lại "
                + "khi cần. " + EMERGENCY_NUMBERS;
    }

    /** Contact details with no case open: kept with the conversation. */
    public static String contactKept() {
        return "Cảm ơn bạn đã gửi thông tin liên hệ; thông tin được lưu cùng cuộc trò chuyện này để cán bộ liên hệ khi "
                + "cần. Bạn cần hỏi thủ tục nào hoặc muốn báo tin gì, cứ nhắn nhé.";
    }

    private static String place(String placeName) {
        return placeName == null ? "" : " (" + placeName + ")";
    }

    public static String thanksForFeedback() {
        return "Cảm ơn bạn đã phản hồi! Bạn cần hỏi thêm thủ tục nào cứ nhắn nhé.";
    }

    public static String wrongAnswerEscalated() {
        return "Xin lỗi vì câu trả lời chưa đúng ý bạn. Câu hỏi đã được chuyển cho cán bộ Công an, cán bộ sẽ trả lời "
                + "bạn qua tin nhắn này sớm nhất có thể. " + EMERGENCY_NUMBERS;
    }
}
