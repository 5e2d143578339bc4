package vn.citizenqa.core.answer;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import vn.citizenqa.core.model.PlateLookup;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.model.Violation;

/**
 * The words of a plate look-up: the violations still to resolve, each with its day, time, place, what it was and who
 * handles it, how to resolve them (the fine-payment procedure from the knowledge base), and the data's date; or that
 * the data holds nothing for the plate, with the official look-ups.
 */
public final class PlateReplies {

    /** The knowledge base's procedure named as the way to resolve a fine. */
    public static final String PAYMENT_PROCEDURE = "nop-phat-truc-tuyen";
    /** The official look-ups a citizen can check any plate on. */
    public static final String OFFICIAL_LOOKUPS = "https://www.csgt.vn (mục Tra cứu phương tiện vi phạm) hoặc ứng dụng "
            + "VNeID";
    /** The most violations listed in one reply; more are counted. */
    static final int LISTED = 5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private PlateReplies() {
    }

    /**
     * @param payment the knowledge base's fine-payment procedure, named as the way to resolve (empty when absent)
     */
    public static String lookup(List<PlateLookup> lookups, Optional<Procedure> payment) {
        StringBuilder b = new StringBuilder();
        boolean anyUnresolved = false;
        for (PlateLookup l : lookups) {
            if (!b.isEmpty()) {
                b.append("\n\n");
            }
            switch (l) {
                case PlateLookup.Found f when !f.unresolved().isEmpty() -> {
                    anyUnresolved = true;
                    b.append(found(f));
                }
                case PlateLookup.Found f -> b.append("🚗 Biển số ").append(f.plate().display()).append(": ")
                        .append(f.paid()).append(" lỗi vi phạm qua hình ảnh trong dữ liệu đều đã nộp phạt, không còn lỗi"
                                + " chưa xử lý (").append(asOf(f.dataAsOf())).append(").");
                case PlateLookup.NoRecord n -> b.append("🚗 Biển số ").append(n.plate().display())
                        .append(": không có vi phạm nào trong dữ liệu của chúng tôi ").append(asOfWords(n.dataAsOf()))
                        .append(". Dữ liệu này chỉ gồm vi phạm do camera của lực lượng Công an địa phương ghi nhận.");
            }
        }
        if (anyUnresolved) {
            b.append("\n\n✅ Cách giải quyết: liên hệ đơn vị giải quyết ghi ở trên (mang giấy tờ xe và thông báo vi phạm "
                    + "nếu đã nhận) để được xử lý; khi đã có quyết định xử phạt, nộp phạt trực tuyến");
            payment.ifPresentOrElse(p -> b.append(" (").append(p.title()).append("): ").append(Replies.link(p)),
                    () -> b.append(" trên Cổng dịch vụ công: https://dichvucong.gov.vn"));
            b.append(". Số tiền phạt ghi trên quyết định: kiểm tra trên Cổng dịch vụ công.");
        }
        b.append("\n\n🔎 Tra cứu chính thức: ").append(OFFICIAL_LOOKUPS)
                .append(". ⚠️ Không chuyển tiền theo tin nhắn, cuộc gọi báo \"phạt nguội\".");
        return Replies.fit(b.toString());
    }

    private static String found(PlateLookup.Found f) {
        StringBuilder b = new StringBuilder("🚗 Biển số ").append(f.plate().display()).append(": ")
                .append(f.unresolved().size()).append(" lỗi vi phạm qua hình ảnh chưa xử lý (")
                .append(asOf(f.dataAsOf())).append("):");
        List<Violation> shown = f.unresolved().stream().limit(LISTED).toList();
        for (int i = 0; i < shown.size(); i++) {
            Violation v = shown.get(i);
            b.append("\n").append(i + 1).append(") ").append(DAY.format(v.time())).append(" lúc ")
                    .append(TIME.format(v.time())).append(", ").append(v.place()).append(": ").append(v.violation())
                    .append(" (").append(v.vehicle().words()).append("). Đơn vị giải quyết: ").append(v.handledBy())
                    .append(".");
        }
        if (f.unresolved().size() > shown.size()) {
            b.append("\n… và ").append(f.unresolved().size() - shown.size()).append(" lỗi khác.");
        }
        if (f.paid() > 0) {
            b.append("\n(").append(f.paid()).append(" lỗi khác đã nộp phạt.)");
        }
        return b.toString();
    }

    private static String asOf(Instant at) {
        return at == null ? "chưa có ngày cập nhật" : "dữ liệu cập nhật đến " + DAY.format(at.atZone(VIETNAM));
    }

    private static String asOfWords(Instant at) {
        return at == null ? "(chưa có dữ liệu nào được nạp)" : "tính đến ngày " + DAY.format(at.atZone(VIETNAM));
    }
}
