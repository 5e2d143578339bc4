package vn.citizenqa.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import vn.citizenqa.core.analysis.VietnameseAnalysis.Form;
import vn.citizenqa.core.model.Procedure;

/**
 * A searchable field of the index: one part of a procedure ({@link Source}) in one form (accented or
 * folded) as single syllables or as syllable bigrams. Each part is indexed in all four.
 */
public record SearchField(Source source, Form form, boolean bigrams) {

    /** The parts of a procedure that are searched, each weighted and tuned on its own. */
    public enum Source {
        TITLE, ALIASES, SAMPLES, BODY;

        /** The texts of this part of the procedure, one value each. */
        public List<String> texts(Procedure p) {
            return switch (this) {
                case TITLE -> List.of(p.title());
                case ALIASES -> {
                    List<String> out = new ArrayList<>(p.aliases());
                    if (p.titleEn() != null) {
                        out.add(p.titleEn());
                    }
                    yield out;
                }
                case SAMPLES -> p.sampleQuestions();
                case BODY -> {
                    List<String> out = new ArrayList<>();
                    if (p.eligibility() != null) {
                        out.add(p.eligibility());
                    }
                    out.addAll(p.documents());
                    out.addAll(p.steps());
                    if (p.notes() != null) {
                        out.add(p.notes());
                    }
                    yield out;
                }
            };
        }
    }

    public static final List<SearchField> ALL = all();

    private static List<SearchField> all() {
        List<SearchField> out = new ArrayList<>();
        for (Source s : Source.values()) {
            for (Form f : Form.values()) {
                out.add(new SearchField(s, f, false));
                out.add(new SearchField(s, f, true));
            }
        }
        return List.copyOf(out);
    }

    private static final String[] NAMES = names();

    private static String[] names() {
        String[] out = new String[Source.values().length * 4];
        for (Source s : Source.values()) {
            for (Form f : Form.values()) {
                for (boolean b : new boolean[] {false, true}) {
                    out[index(s, f, b)] = s.name().toLowerCase(Locale.ROOT) + "." + (f == Form.ACCENTED ? "acc" : "fold")
                            + (b ? "2" : "");
                }
            }
        }
        return out;
    }

    private static int index(Source s, Form f, boolean bigrams) {
        return s.ordinal() * 4 + f.ordinal() * 2 + (bigrams ? 1 : 0);
    }

    /** The field's position in {@link #ALL}, without building the record. */
    static int ordinal(Source s, Form f, boolean bigrams) {
        return index(s, f, bigrams);
    }

    public String name() {
        return NAMES[index(source, form, bigrams)];
    }

    /** The field's name without building the record (query construction is on the hot path). */
    public static String name(Source s, Form f, boolean bigrams) {
        return NAMES[index(s, f, bigrams)];
    }
}
