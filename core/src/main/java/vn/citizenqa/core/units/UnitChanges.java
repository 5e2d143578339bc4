package vn.citizenqa.core.units;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import vn.citizenqa.core.model.Keys;
import vn.citizenqa.core.store.EscalationChange;
import vn.citizenqa.core.store.EscalationQueuePage;
import vn.citizenqa.core.store.EscalationStatus;
import vn.citizenqa.core.store.Escalations;
import vn.citizenqa.core.store.PageRegistration;
import vn.citizenqa.core.store.Store;
import vn.citizenqa.core.store.Unit;

/**
 * What operators do to units when the police are reorganised: add one, rename one, merge one into another. Each
 * is safe to run again: a merge interrupted half-way is finished by running it once more, and a finished one changes
 * nothing the second time.
 */
public final class UnitChanges {

    /** The escalations a merge moves: those officers still have to act on. */
    static final List<EscalationStatus> MOVED = List.of(EscalationStatus.OPEN, EscalationStatus.CLAIMED);

    private final Store store;
    private final Clock clock;
    private final ZoneId zone;

    public UnitChanges(Store store, Clock clock, ZoneId zone) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Adds the unit, or updates its name, province and traffic duty (a merged unit stays merged). */
    public Unit add(String id, String name, String parent, boolean traffic) {
        requireId(id);
        Unit unit = store.units().find(id)
                .map(u -> new Unit(id, name, parent, traffic, u.status()))
                .orElseGet(() -> Unit.active(id, name, parent, traffic));
        store.units().save(unit);
        return unit;
    }

    /** Gives the unit a new name; its id, pages, cases and figures stay as they are. */
    public Unit rename(String id, String name) {
        Unit unit = existing(id).withName(name);
        store.units().save(unit);
        return unit;
    }

    /**
     * Merges {@code from} into {@code into}: records the merge (dated today the first time), moves {@code from}'s pages
     * to {@code into} (what they receive next goes to {@code into}'s queue and figures) and moves its open and claimed
     * escalations to {@code into}'s queue, each with the move in its history. {@code from}'s past figures stay under
     * its own id; its officers' tokens are refused from now on.
     *
     * @param by who records the move in the escalations' history
     * @throws UnitChangeRefused when either unit is unknown, they are the same, {@code into} is itself merged, or
     *                           {@code from} was merged into another unit
     */
    public MergeReport merge(String from, String into, String by) {
        if (Objects.equals(from, into)) {
            throw new UnitChangeRefused("a unit cannot be merged into itself ('" + from + "')");
        }
        Unit target = existing(into);
        if (target.status() instanceof Unit.Status.MergedInto(String next, LocalDate on)) {
            throw new UnitChangeRefused("'" + into + "' was itself merged into '" + next + "' on " + on
                    + "; merge into '" + next + "' instead");
        }
        Unit source = existing(from);
        boolean already;
        LocalDate on;
        switch (source.status()) {
            case Unit.Status.MergedInto(String other, LocalDate when) when !other.equals(into) ->
                    throw new UnitChangeRefused("'" + from + "' was already merged into '" + other + "' on " + when);
            case Unit.Status.MergedInto(String same, LocalDate when) -> {
                already = true;
                on = when;
            }
            case Unit.Status.Active active -> {
                already = false;
                on = LocalDate.ofInstant(clock.instant(), zone);
                store.units().save(source.mergedInto(into, on));
            }
        }
        int pages = 0;
        for (PageRegistration p : store.pages().ofUnit(from)) {
            store.pages().register(new PageRegistration(p.channel(), p.pageId(), into, p.displayName(),
                    p.accessToken(), p.refreshToken(), p.tokenExpiresAt()));
            pages++;
        }
        String note = "chuyển từ " + source.displayName() + " (" + from + ") sang " + target.displayName() + " ("
                + into + ") do sáp nhập ngày " + on;
        int moved = 0;
        for (String id : waiting(from)) {
            if (store.escalations().move(id, into, by, note) instanceof EscalationChange.Applied) {
                moved++;
            }
        }
        return new MergeReport(from, into, on, already, pages, moved);
    }

    /** Where the unit's work goes now: itself while active, else the unit it was merged into (followed to the end). */
    public Optional<Unit> current(String id) {
        Optional<Unit> unit = store.units().find(id);
        for (int hops = 0; hops < 10 && unit.isPresent()
                && unit.get().status() instanceof Unit.Status.MergedInto(String next, LocalDate on); hops++) {
            unit = store.units().find(next);
        }
        return unit;
    }

    private List<String> waiting(String unit) {
        List<String> ids = new ArrayList<>();
        for (EscalationStatus status : MOVED) {
            String cursor = null;
            do {
                EscalationQueuePage page = store.escalations().queue(unit, status, cursor, Escalations.MAX_PAGE_SIZE);
                page.escalations().forEach(e -> ids.add(e.id()));
                cursor = page.nextCursor();
            } while (cursor != null);
        }
        return ids;
    }

    private Unit existing(String id) {
        requireId(id);
        return store.units().find(id).orElseThrow(() -> new UnitChangeRefused("no unit '" + id
                + "' in the table; add it first: units add --id " + id + " --name \"…\""));
    }

    private static void requireId(String id) {
        if (!Keys.couldBeId(id)) {
            throw new UnitChangeRefused("'" + id + "' is not a unit id (letters, digits and dashes, no '#')");
        }
    }
}
