package vn.citizenqa.core.knowledge;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import vn.citizenqa.core.model.DatedFact;
import vn.citizenqa.core.model.Procedure;

/**
 * What editors must look at on a given day: facts that stop holding soon (a reduced fee ending on 31/12) and
 * entries nobody has reviewed for a year. The build and {@code validate} print both lists.
 */
public final class KnowledgeReview {

    /** How far ahead an ending fact is announced. */
    public static final int ENDING_WITHIN_DAYS = 60;
    /** An entry reviewed longer ago than this is stale. */
    public static final Period STALE_AFTER = Period.ofYears(1);

    /** A fact of an entry that ends on {@code until}, and what holds the day after (null when nothing is dated). */
    public record Ending(String entryId, DatedFact fact, DatedFact next) {
    }

    /** An entry last reviewed on {@code reviewed} (null when it carries no date). */
    public record Stale(String entryId, LocalDate reviewed) {
    }

    private final List<Ending> ending;
    private final List<Stale> stale;

    private KnowledgeReview(List<Ending> ending, List<Stale> stale) {
        this.ending = List.copyOf(ending);
        this.stale = List.copyOf(stale);
    }

    public static KnowledgeReview of(Collection<Procedure> entries, LocalDate today) {
        List<Ending> ending = new ArrayList<>();
        List<Stale> stale = new ArrayList<>();
        for (Procedure p : entries) {
            List<DatedFact> facts = p.datedFacts();
            for (int i = 0; i < facts.size(); i++) {
                DatedFact f = facts.get(i);
                if (f.endsWithin(today, ENDING_WITHIN_DAYS)) {
                    DatedFact next = i + 1 < facts.size() && facts.get(i + 1).kind() == f.kind() ? facts.get(i + 1) : null;
                    ending.add(new Ending(p.id(), f, next));
                }
            }
            if (p.reviewed() == null || p.reviewed().plus(STALE_AFTER).isBefore(today)) {
                stale.add(new Stale(p.id(), p.reviewed()));
            }
        }
        ending.sort(Comparator.comparing((Ending e) -> e.fact().until()).thenComparing(Ending::entryId));
        stale.sort(Comparator.comparing(Stale::reviewed, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Stale::entryId));
        return new KnowledgeReview(ending, stale);
    }

    public List<Ending> ending() {
        return ending;
    }

    public List<Stale> stale() {
        return stale;
    }

    /** The two lists as an editor reads them. */
    public String describe(LocalDate today) {
        StringBuilder b = new StringBuilder();
        b.append("facts ending within ").append(ENDING_WITHIN_DAYS).append(" days of ").append(today).append(": ")
                .append(ending.size()).append('\n');
        for (Ending e : ending) {
            b.append("  ").append(e.entryId()).append(" ").append(e.fact().kind().field()).append(" until ")
                    .append(e.fact().until()).append(": ").append(shorten(e.fact().text())).append('\n');
            if (e.next() != null) {
                b.append("      then from ").append(e.next().from()).append(": ").append(shorten(e.next().text()))
                        .append('\n');
            }
        }
        b.append("entries reviewed more than a year before ").append(today).append(": ").append(stale.size())
                .append('\n');
        for (Stale s : stale) {
            b.append("  ").append(s.entryId()).append(" reviewed ").append(s.reviewed() == null ? "never" : s.reviewed())
                    .append('\n');
        }
        return b.toString();
    }

    private static String shorten(String text) {
        return text.length() <= 110 ? text : text.substring(0, 109) + "…";
    }
}
