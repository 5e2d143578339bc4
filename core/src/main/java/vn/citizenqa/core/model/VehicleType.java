package vn.citizenqa.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of vehicle a camera-recorded violation names, as the official look-ups list them. */
public enum VehicleType {
    CAR("car", "ô tô"),
    MOTORBIKE("motorbike", "xe máy"),
    ELECTRIC_BIKE("electric_bike", "xe đạp điện");

    private final String fileName;
    private final String words;

    VehicleType(String fileName, String words) {
        this.fileName = fileName;
        this.words = words;
    }

    /** How an import file writes it. */
    public String fileName() {
        return fileName;
    }

    /** How a reply to a citizen says it. */
    public String words() {
        return words;
    }

    public static Optional<VehicleType> fromFile(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.fileName.equals(v)).findFirst();
    }

    public static List<String> fileNames() {
        return Arrays.stream(values()).map(VehicleType::fileName).toList();
    }
}
