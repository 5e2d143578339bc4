package vn.citizenqa.core.decision;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import vn.citizenqa.core.analysis.VietnameseAnalysis;
import vn.citizenqa.core.model.Procedure;

/**
 * How alike the titles of two procedures are: the share of their syllables they have in common (of all the syllables
 * either has). Siblings ("Đăng ký thường trú", "Xóa đăng ký thường trú") are alike, unrelated procedures are not;
 * the gate reads the second procedure's likeness to the first, since most wrong answers take a sibling for the one
 * meant. Thread-safe; a title's syllables are read once.
 */
public final class TitleLikeness {

    private static final Map<String, Set<String>> SYLLABLES = new ConcurrentHashMap<>();

    private TitleLikeness() {
    }

    /** In [0,1]: 1 for the same title, 0 when they have no syllable in common. */
    public static double of(Procedure a, Procedure b) {
        return of(a.title(), b.title());
    }

    static double of(String a, String b) {
        Set<String> x = syllables(a);
        Set<String> y = syllables(b);
        if (x.isEmpty() && y.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String s : x) {
            if (y.contains(s)) {
                shared++;
            }
        }
        return shared / (double) (x.size() + y.size() - shared);
    }

    private static Set<String> syllables(String title) {
        return SYLLABLES.computeIfAbsent(title, t -> Set.copyOf(new HashSet<>(VietnameseAnalysis.syllables(t))));
    }
}
