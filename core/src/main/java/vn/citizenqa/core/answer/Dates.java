package vn.citizenqa.core.answer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** Dates as Vietnamese readers write them: 28/11/2026, never 2026-11-28. */
public final class Dates {

    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** An ISO date in running text (a knowledge file may quote one). */
    private static final Pattern ISO = Pattern.compile("(?<![\\d/-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\d/-])");

    private Dates() {
    }

    public static String written(LocalDate day) {
        return day == null ? "—" : WRITTEN.format(day);
    }

    /** The text with every yyyy-mm-dd date written dd/mm/yyyy. */
    public static String inText(String text) {
        return ISO.matcher(text).replaceAll("$3/$2/$1");
    }
}
