package vn.citizenqa.functions.officer;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.citizenqa.core.model.Keys;
import vn.citizenqa.core.officer.Officer;
import vn.citizenqa.core.officer.Role;

/**
 * Reads the caller from the JWT claims API Gateway's authorizer passes on ({@code requestContext.authorizer.jwt
 * .claims}): {@code sub}, {@code custom:unit} and {@code cognito:groups}. API Gateway flattens every claim to a
 * string, and an array such as the groups arrives as {@code "[officer supervisor]"}; other tools write
 * {@code "officer,supervisor"} or a JSON array, so all of these are read.
 */
public final class OfficerClaims {

    public static final String SUBJECT = "sub";
    public static final String UNIT = "custom:unit";
    public static final String GROUPS = "cognito:groups";

    private OfficerClaims() {
    }

    /** Who the caller is, or why not. */
    public sealed interface Caller {
        record Known(Officer officer) implements Caller {
        }

        /** No token, or one without a subject: 401. */
        record Unauthenticated(String message) implements Caller {
        }

        /** A valid token that does not make its holder an officer: 403. */
        record NotAnOfficer(String message) implements Caller {
        }
    }

    public static Caller caller(Map<String, String> claims) {
        String sub = claims == null ? null : blankToNull(claims.get(SUBJECT));
        if (sub == null) {
            return new Caller.Unauthenticated("a valid bearer token is required");
        }
        List<String> groups = groups(claims.get(GROUPS));
        Optional<Role> role = Role.fromGroups(groups);
        if (role.isEmpty()) {
            return new Caller.NotAnOfficer("the token's groups " + groups + " include neither "
                    + Role.OFFICER.group() + " nor " + Role.SUPERVISOR.group());
        }
        String unit = blankToNull(claims.get(UNIT));
        if (role.get() == Role.OFFICER && unit == null) {
            return new Caller.NotAnOfficer("the token carries no unit (" + UNIT + "); ask an administrator to set it");
        }
        if (unit != null && !Keys.couldBeId(unit.strip())) {
            return new Caller.NotAnOfficer("the token's unit (" + UNIT + ") is not a unit name; ask an administrator");
        }
        return new Caller.Known(new Officer(sub, unit == null ? null : unit.strip(), role.get()));
    }

    /** {@code "[officer supervisor]"}, {@code "officer,supervisor"}, {@code "[\"officer\"]"}, {@code "officer"}. */
    public static List<String> groups(String claim) {
        if (claim == null) {
            return List.of();
        }
        String s = claim.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        return Arrays.stream(s.split("[,\\s]+"))
                .map(g -> g.replace("\"", "").replace("'", "").strip())
                .filter(g -> !g.isEmpty())
                .toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
