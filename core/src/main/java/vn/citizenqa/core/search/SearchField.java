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

    public String name() {
        return source.name().toLowerCase(Locale.ROOT) + "." + (form == Form.ACCENTED ? "acc" : "fold") + (bigrams ? "2" : "");
    }
}
