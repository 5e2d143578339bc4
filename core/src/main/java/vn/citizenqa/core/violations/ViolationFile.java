package vn.citizenqa.core.violations;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import vn.citizenqa.core.model.PaymentStatus;
import vn.citizenqa.core.model.PlateNumber;
import vn.citizenqa.core.model.VehicleType;
import vn.citizenqa.core.model.Violation;

/**
 * A unit's list of camera-recorded violations as CSV: the header {@value #HEADER}, then one violation a line
 * ({@code time} ISO 8601 with its offset, {@code vehicle} one of {@link VehicleType#fileNames()}, {@code status}
 * {@code unpaid} or {@code paid}; a field holding a comma is quoted). The file is read whole or not at all: every bad
 * line is reported with its number and problem, and a file with any is refused.
 */
public final class ViolationFile {

    public static final String HEADER = "plate,vehicle,time,place,violation,handled_by,status";
    private static final List<String> COLUMNS = List.of(HEADER.split(","));
    /** The most lines one file may hold. */
    public static final int MAX_LINES = 50_000;
    /** The longest text field (a place, a violation, a unit's name). */
    public static final int MAX_FIELD = 300;

    private ViolationFile() {
    }

    /** One bad line: its number in the file (the header is line 1) and what is wrong with it. */
    public record LineProblem(int line, String problem) {
        @Override
        public String toString() {
            return "line " + line + ": " + problem;
        }
    }

    /** What reading a file gave: every violation, or every problem. */
    public sealed interface Reading {
        record Read(List<Violation> violations) implements Reading {
            public Read {
                violations = List.copyOf(violations);
            }
        }

        record Refused(List<LineProblem> problems) implements Reading {
            public Refused {
                problems = List.copyOf(problems);
            }
        }
    }

    public static Reading read(String text) {
        Objects.requireNonNull(text, "text");
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] lines = body.split("\r?\n", -1);
        List<LineProblem> problems = new ArrayList<>();
        if (lines.length > MAX_LINES + 1) {
            return new Reading.Refused(List.of(new LineProblem(MAX_LINES + 2,
                    "the file has more than " + MAX_LINES + " violations; split it")));
        }
        List<String> header = fields(lines[0]);
        if (header == null || !header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList().equals(COLUMNS)) {
            return new Reading.Refused(List.of(new LineProblem(1, "the header must be exactly '" + HEADER
                    + "' (no other columns: the file holds no owner's data), not '" + lines[0].strip() + "'")));
        }
        Map<String, Integer> firstLineOf = new HashMap<>();
        Map<String, Violation> byId = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int number = i + 1;
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> f = fields(lines[i]);
            if (f == null) {
                problems.add(new LineProblem(number, "a quoted field is not closed"));
                continue;
            }
            if (f.size() != COLUMNS.size()) {
                problems.add(new LineProblem(number, "has " + f.size() + " fields; the header has " + COLUMNS.size()
                        + " (quote a field that holds a comma)"));
                continue;
            }
            List<String> lineProblems = new ArrayList<>();
            Violation v = violation(f, lineProblems);
            if (!lineProblems.isEmpty()) {
                problems.add(new LineProblem(number, String.join("; ", lineProblems)));
                continue;
            }
            Integer earlier = firstLineOf.putIfAbsent(v.id(), number);
            if (earlier != null && !byId.get(v.id()).equals(v)) {
                problems.add(new LineProblem(number, "the same violation as line " + earlier + " with other details"));
                continue;
            }
            byId.putIfAbsent(v.id(), v);
        }
        if (problems.isEmpty() && byId.isEmpty()) {
            problems.add(new LineProblem(2, "the file has a header but no violations"));
        }
        return problems.isEmpty() ? new Reading.Read(List.copyOf(byId.values())) : new Reading.Refused(problems);
    }

    private static Violation violation(List<String> f, List<String> problems) {
        String plateText = f.get(0).strip();
        PlateNumber plate = null;
        if (plateText.isEmpty()) {
            problems.add("plate is missing");
        } else {
            plate = PlateNumber.parse(plateText).orElse(null);
            if (plate == null) {
                problems.add("plate '" + plateText + "' is not a plate (like 51F-123.45 or 59X1-678.90)");
            }
        }
        VehicleType vehicle = VehicleType.fromFile(f.get(1)).orElse(null);
        if (vehicle == null) {
            problems.add("unknown vehicle type '" + f.get(1).strip() + "'; valid: "
                    + String.join(", ", VehicleType.fileNames()));
        }
        OffsetDateTime time = null;
        try {
            time = OffsetDateTime.parse(f.get(2).strip());
        } catch (DateTimeParseException e) {
            problems.add("bad time '" + f.get(2).strip() + "': ISO 8601 with an offset, like 2026-11-14T08:12:00+07:00");
        }
        String place = text(f.get(3), "place", problems);
        String what = text(f.get(4), "violation", problems);
        String handledBy = text(f.get(5), "handled_by", problems);
        PaymentStatus status = switch (f.get(6).strip().toLowerCase(Locale.ROOT)) {
            case "unpaid" -> PaymentStatus.UNPAID;
            case "paid" -> PaymentStatus.PAID;
            default -> {
                problems.add("unknown status '" + f.get(6).strip() + "'; valid: unpaid, paid");
                yield null;
            }
        };
        return problems.isEmpty() ? new Violation(plate, vehicle, time, place, what, handledBy, status) : null;
    }

    private static String text(String value, String name, List<String> problems) {
        String t = value.strip();
        if (t.isEmpty()) {
            problems.add(name + " is missing");
        } else if (t.codePointCount(0, t.length()) > MAX_FIELD) {
            problems.add(name + " is longer than " + MAX_FIELD + " characters");
        } else if (t.chars().anyMatch(Character::isISOControl)) {
            problems.add(name + " holds control characters");
        }
        return t;
    }

    /** The fields of one CSV line (RFC 4180 quoting, {@code ""} inside quotes), or null for an unclosed quote. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        out.add(cur.toString());
        return out;
    }
}
