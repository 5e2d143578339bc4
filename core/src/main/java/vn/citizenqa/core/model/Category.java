package vn.citizenqa.core.model;

import java.util.Arrays;
import java.util.Optional;

/** The groups of police procedures; the slug is what editors write in a knowledge file. */
public enum Category {
    RESIDENCE("cu-tru", "Cư trú"),
    IDENTITY("can-cuoc", "Căn cước, định danh điện tử"),
    IMMIGRATION("xuat-nhap-canh", "Xuất nhập cảnh"),
    VEHICLE_REGISTRATION("dang-ky-xe", "Đăng ký xe"),
    DRIVING_LICENCE("giay-phep-lai-xe", "Giấy phép lái xe"),
    TRAFFIC_VIOLATION("vi-pham-giao-thong", "Vi phạm giao thông"),
    FIRE_SAFETY("pccc", "Phòng cháy, chữa cháy"),
    JUDICIAL_RECORD("ly-lich-tu-phap", "Lý lịch tư pháp"),
    ADMINISTRATIVE_MANAGEMENT("quan-ly-hanh-chinh", "Con dấu, ngành nghề kinh doanh có điều kiện, công cụ hỗ trợ"),
    CRIME_REPORTING("to-giac-toi-pham", "Tố giác, tin báo tội phạm");

    private final String slug;
    private final String label;

    Category(String slug, String label) {
        this.slug = slug;
        this.label = label;
    }

    public String slug() {
        return slug;
    }

    public String label() {
        return label;
    }

    public static Optional<Category> fromSlug(String slug) {
        return Arrays.stream(values()).filter(c -> c.slug.equals(slug)).findFirst();
    }
}
