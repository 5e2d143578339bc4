package vn.citizenqa.runner;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import vn.citizenqa.core.officer.Role;

/**
 * {@code token --sub NAME --group officer|supervisor [--unit UNIT] [--hours N]}: prints an officer token for
 * {@code serve}, signed with {@code OFFICER_JWT_SECRET}. Local development only: deployed, officers sign in to
 * the Cognito user pool.
 */
public final class TokenCommand {

    static final String USAGE = "token --sub NAME --group officer|supervisor [--unit UNIT] [--hours N]"
            + "   (signs with " + DevTokens.SECRET_VARIABLE + "; local development only)";

    private final Map<String, String> env;
    private final Clock clock;

    public TokenCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    public int run(List<String> args, PrintStream out, PrintStream err) {
        String sub = null;
        String unit = null;
        List<String> groups = new ArrayList<>();
        long hours = 12;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            boolean known = List.of("--sub", "--unit", "--group", "--hours").contains(a);
            if (!known || i + 1 >= args.size()) {
                err.println((known ? a + " needs a value" : a.startsWith("-") ? "unknown option " + a : "unexpected argument '" + a + "'")
                        + "\nusage: " + USAGE);
                return 2;
            }
            String v = args.get(++i).strip();
            switch (a) {
                case "--sub" -> sub = v;
                case "--unit" -> unit = v;
                case "--group" -> groups.addAll(Arrays.stream(v.split(",")).map(String::strip)
                        .filter(g -> !g.isEmpty()).toList());
                default -> {
                    try {
                        hours = Long.parseLong(v);
                    } catch (NumberFormatException e) {
                        hours = 0;
                    }
                    if (hours < 1 || hours > 24 * 30) {
                        err.println("--hours must be a whole number from 1 to 720");
                        return 2;
                    }
                }
            }
        }
        if (sub == null || sub.isEmpty() || groups.isEmpty()) {
            err.println("--sub and --group are required\nusage: " + USAGE);
            return 2;
        }
        var role = Role.fromGroups(groups);
        if (role.isEmpty()) {
            err.println("--group must include " + Role.OFFICER.group() + " or " + Role.SUPERVISOR.group()
                    + " (the API answers 403 to any other token)");
            return 2;
        }
        if (role.get() == Role.OFFICER && (unit == null || unit.isEmpty())) {
            err.println("an officer belongs to a unit: add --unit UNIT (the unit of the pages in PAGES_FILE)");
            return 2;
        }
        DevTokens tokens;
        try {
            tokens = new DevTokens(env.get(DevTokens.SECRET_VARIABLE), clock);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        out.println(tokens.issue(sub, unit == null || unit.isEmpty() ? null : unit, groups, Duration.ofHours(hours)));
        return 0;
    }
}
