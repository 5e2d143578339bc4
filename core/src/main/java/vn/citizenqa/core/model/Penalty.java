package vn.citizenqa.core.model;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What one violation costs the driver of one kind of vehicle under the traffic-fine decree: the fine range,
 * the licence points deducted, any additional penalty, and the article and clause that say so.
 *
 * @param situation     which case of the vehicle this is ("mô tô trên 125 cm3", "hết hạn dưới 01 năm"), or null
 * @param points        licence points deducted (0 when the decree deducts none)
 * @param additional    licence suspension, confiscation… or null
 * @param article       where the fine is, e.g. "điểm c khoản 7 Điều 7"
 * @param pointsArticle where the deduction is, or null when none
 */
public record Penalty(Vehicle vehicle, String situation, long fineMin, long fineMax, int points, String additional, String article,
        String pointsArticle) {

    /** The kinds of vehicle (and road users) the decree fines separately; the slug is what editors write. */
    public enum Vehicle {
        CAR("o-to", "Ô tô"),
        MOTORBIKE("xe-may", "Xe máy (mô tô, xe gắn máy)"),
        BICYCLE("xe-dap", "Xe đạp, xe đạp máy, xe thô sơ"),
        PEDESTRIAN("nguoi-di-bo", "Người đi bộ"),
        SPECIAL("xe-may-chuyen-dung", "Xe máy chuyên dùng"),
        OWNER("chu-xe", "Chủ phương tiện");

        private final String slug;
        private final String label;

        Vehicle(String slug, String label) {
            this.slug = slug;
            this.label = label;
        }

        public String slug() {
            return slug;
        }

        public String label() {
            return label;
        }

        public static Optional<Vehicle> fromSlug(String slug) {
            return Arrays.stream(values()).filter(v -> v.slug.equals(slug)).findFirst();
        }
    }

    public Penalty {
        Objects.requireNonNull(vehicle, "vehicle");
        Objects.requireNonNull(article, "article");
        if (fineMin < 0 || fineMax < fineMin) {
            throw new IllegalArgumentException("fine range " + fineMin + "–" + fineMax);
        }
        if (points < 0 || points > 12) {
            throw new IllegalArgumentException("points " + points);
        }
    }
}
