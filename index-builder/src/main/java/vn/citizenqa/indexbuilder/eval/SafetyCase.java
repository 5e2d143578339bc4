package vn.citizenqa.indexbuilder.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One message of the labelled safety set ({@code knowledge/eval/safety/*.tsv}:
 * {@code label<TAB>family<TAB>source<TAB>text}, after an optional header line; lines starting with {@code #} are
 * comments). The source is the address a real message was collected from, or {@code written} for one written in
 * everyday words for the set.
 *
 * @param family what kind of message within its label (fire, flood, debt-harassment, fire-safety…)
 */
public record SafetyCase(Label label, String family, String source, String text, int line) {

    /** What the message is, and so what the assistant must do with it. */
    public enum Label {
        /** Danger now: URGENT, the numbers first. */
        EMERGENCY,
        /** A crime, a scam suffered, harassment or disorder: to officers (HIGH), with an acknowledgement. */
        CRIME_REPORT,
        /** "Is this a scam?": an answer from knowledge/warnings. */
        SCAM_CHECK,
        /** A procedure or other question with a fire, weapon, crime or danger word in it: never URGENT. */
        NEAR_MISS
    }

    public boolean real() {
        return !source.equals("written");
    }

    /**
     * The same message as a citizen types it without diacritics ("Nhà em có trộm" → "Nha em co trom": the case
     * kept, every mark gone, đ → d), labelled alike; the same line.
     */
    public SafetyCase typedBare() {
        String nfc = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
        StringBuilder b = new StringBuilder(nfc.length());
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            char lower = Character.toLowerCase(c);
            String bare = vn.citizenqa.core.text.Folding.removeDiacritics(String.valueOf(lower));
            b.append(c == lower ? bare : bare.toUpperCase(java.util.Locale.ROOT));
        }
        return new SafetyCase(label, family, source, b.toString(), line);
    }

    /** Whether the message has a Vietnamese diacritic (typed bare, it would read otherwise). */
    public boolean accented() {
        return vn.citizenqa.core.text.Folding.hasDiacritics(
                java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC).toLowerCase(java.util.Locale.ROOT));
    }

    /** Reads a set; every line must be well formed (the problems name the file and line). */
    public static List<SafetyCase> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<SafetyCase> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean first = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            boolean header = first && line.startsWith("label\t");
            first = false;
            if (header) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String where = file + ":" + (i + 1) + ": ";
            if (f.length != 4) {
                problems.add(where + "expected 'label<TAB>family<TAB>source<TAB>text', found " + f.length + " fields");
                continue;
            }
            Label label;
            try {
                label = Label.valueOf(f[0].strip());
            } catch (IllegalArgumentException e) {
                problems.add(where + "label: unknown '" + f[0] + "' (expected EMERGENCY, CRIME_REPORT, SCAM_CHECK or NEAR_MISS)");
                continue;
            }
            String source = f[2].strip();
            if (!source.equals("written") && !source.startsWith("http")) {
                problems.add(where + "source: '" + source + "' is neither an address nor 'written'");
                continue;
            }
            if (f[3].isBlank() || f[1].isBlank()) {
                problems.add(where + (f[1].isBlank() ? "family" : "text") + ": empty");
                continue;
            }
            out.add(new SafetyCase(label, f[1].strip(), source, f[3], i + 1));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return out;
    }
}
