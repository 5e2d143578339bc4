package vn.citizenqa.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.citizenqa.core.violations.ViolationFile;
import vn.citizenqa.core.violations.ViolationImport;
import vn.citizenqa.functions.OfficerSettings;

/**
 * {@code violations import --unit UNIT FILE.csv}: a traffic unit's list of camera-recorded violations into the table
 * {@code TABLE_NAME}. A file with bad lines is refused whole, each bad line named; importing the same file again
 * changes nothing. Paid violations expire after {@code PAID_VIOLATION_RETENTION_DAYS} (default 90).
 */
public final class ViolationsCommand {

    static final String USAGE = "violations import --unit UNIT FILE.csv   (header: " + ViolationFile.HEADER + ")";

    private final Map<String, String> env;
    private final Clock clock;

    public ViolationsCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || !args.getFirst().equals("import")) {
            err.println(Options.notAnAction(args) + "usage: " + USAGE);
            return 2;
        }
        var parsed = TableCommand.parse(args.subList(1, args.size()), Set.of("--unit"), Set.of(), err, USAGE);
        if (parsed.isEmpty()) {
            return 2;
        }
        TableCommand.Arguments a = parsed.get();
        if (a.value("--unit") == null || a.positional().size() != 1) {
            err.println("usage: " + USAGE);
            return 2;
        }
        Path file = Path.of(a.positional().getFirst());
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            err.println(file + ": not UTF-8 text; save the CSV as UTF-8");
            return 2;
        } catch (IOException e) {
            err.println(file + " cannot be read: " + e.getMessage());
            return 2;
        }
        var read = ViolationFile.read(text);
        if (read instanceof ViolationFile.Reading.Refused(List<ViolationFile.LineProblem> problems)) {
            problems.forEach(p -> err.println(file + ", " + p));
            err.println(file + ": " + problems.size() + " bad line(s); nothing was imported");
            return 2;
        }
        List<vn.citizenqa.core.model.Violation> violations = ((ViolationFile.Reading.Read) read).violations();
        var retention = OfficerSettings.paidRetention(env);
        String unit = a.value("--unit");
        return TableCommand.onTable(env, "violations import", err, (store, where) -> {
            if (store.units().find(unit).isEmpty()) {
                err.println("no unit '" + unit + "' in " + where + "; add it first: units add --id " + unit
                        + " --name \"…\" --traffic");
                return 2;
            }
            ViolationImport.Report r = new ViolationImport(store.violations(), retention, clock).run(unit, violations);
            out.println(file + " → unit " + unit + ": " + r.added() + " added, " + r.updated() + " updated, "
                    + r.unchanged() + " unchanged; data as of " + r.importedAt() + " (" + where + ")");
            return 0;
        });
    }
}
