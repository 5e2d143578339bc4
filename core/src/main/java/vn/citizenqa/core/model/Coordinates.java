package vn.citizenqa.core.model;

import java.util.Locale;
import java.util.Optional;

/** A point on the map a citizen shared (WGS 84 degrees, as both platforms send them). */
public record Coordinates(double latitude, double longitude) {

    public Coordinates {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("not a point on the map: " + latitude + ", " + longitude);
        }
    }

    /** The point from the platform's two values (numbers or numeric strings), or empty when they are not a point. */
    public static Optional<Coordinates> parse(String latitude, String longitude) {
        if (latitude == null || longitude == null) {
            return Optional.empty();
        }
        try {
            double lat = Double.parseDouble(latitude.strip());
            double lon = Double.parseDouble(longitude.strip());
            return Double.isFinite(lat) && Double.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180
                    ? Optional.of(new Coordinates(lat, lon)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** "10.792312, 106.782065": six decimals, about 10 cm, more than a phone's fix. */
    public String text() {
        return String.format(Locale.ROOT, "%.6f, %.6f", latitude, longitude);
    }

    /** A link that opens the point in a map on any phone or desktop (Google Maps' documented search URL). */
    public String mapLink() {
        return String.format(Locale.ROOT, "https://www.google.com/maps/search/?api=1&query=%.6f,%.6f", latitude, longitude);
    }
}
