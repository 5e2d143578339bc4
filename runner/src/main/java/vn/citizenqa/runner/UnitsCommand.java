package vn.citizenqa.runner;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.citizenqa.core.store.StoreSettings;
import vn.citizenqa.core.store.Unit;
import vn.citizenqa.core.units.MergeReport;
import vn.citizenqa.core.units.UnitChangeRefused;
import vn.citizenqa.core.units.UnitChanges;

/**
 * {@code units list | add | rename | merge}: the operator's changes of units on the table {@code TABLE_NAME}, each
 * safe to run again. A merge moves the pages and the waiting cases of one unit to another (see {@link UnitChanges}).
 */
public final class UnitsCommand {

    static final String USAGE = """
            units list
              units add --id ID --name "NAME" [--parent PROVINCE] [--traffic]
              units rename --id ID --name "NEW NAME"
              units merge --from ID --into ID""";
    private static final Set<String> VALUED = Set.of("--id", "--name", "--parent", "--from", "--into");

    private final Map<String, String> env;
    private final Clock clock;

    public UnitsCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println("usage: " + USAGE);
            return 2;
        }
        String action = args.getFirst();
        var parsed = TableCommand.parse(args.subList(1, args.size()), VALUED, Set.of("--traffic"), err, USAGE);
        if (parsed.isEmpty()) {
            return 2;
        }
        TableCommand.Arguments a = parsed.get();
        List<String> required = switch (action) {
            case "list" -> List.of();
            case "add", "rename" -> List.of("--id", "--name");
            case "merge" -> List.of("--from", "--into");
            default -> null;
        };
        if (required == null || !a.positional().isEmpty()) {
            err.println((required == null ? Options.notAnAction(args) : "") + "usage: " + USAGE);
            return 2;
        }
        for (String r : required) {
            if (a.value(r) == null || a.value(r).isBlank()) {
                err.println("units " + action + " needs " + r + "\nusage: " + USAGE);
                return 2;
            }
        }
        return TableCommand.onTable(env, "units " + action, err, (store, where) -> {
            UnitChanges units = new UnitChanges(store, clock, StoreSettings.VIETNAM);
            try {
                switch (action) {
                    case "list" -> {
                        List<Unit> all = store.units().all();
                        all.forEach(u -> out.println(describe(u)));
                        out.println(all.size() + " unit(s) in " + where);
                    }
                    case "add" -> out.println("saved " + describe(units.add(a.value("--id"), a.value("--name"),
                            a.value("--parent"), a.flags().contains("--traffic"))));
                    case "rename" -> out.println("renamed " + describe(units.rename(a.value("--id"),
                            a.value("--name"))));
                    default -> {
                        MergeReport r = units.merge(a.value("--from"), a.value("--into"), "operator");
                        out.println((r.alreadyMerged() ? "already merged: " : "merged: ") + r.from() + " → " + r.into()
                                + " on " + r.mergedOn() + "; " + r.pagesMoved() + " page(s) and " + r.escalationsMoved()
                                + " open or claimed case(s) moved now");
                        out.println("next: set custom:unit=" + r.into() + " on the accounts of " + r.from()
                                + "'s officers (README, \"Merging units\"); until then their tokens are refused");
                    }
                }
                return 0;
            } catch (UnitChangeRefused | IllegalArgumentException e) {
                err.println("units " + action + ": " + e.getMessage());
                return 2;
            }
        });
    }

    private static String describe(Unit u) {
        String status = switch (u.status()) {
            case Unit.Status.Active a -> "active";
            case Unit.Status.MergedInto(String into, LocalDate on) -> "merged into " + into + " on " + on;
        };
        return u.id() + "  \"" + u.displayName() + "\"" + (u.parent() == null ? "" : "  (" + u.parent() + ")")
                + (u.traffic() ? "  traffic" : "") + "  " + status;
    }
}
