package vn.citizenqa.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.officer.Officer;
import vn.citizenqa.core.officer.Role;
import vn.citizenqa.core.store.MutableClock;
import vn.citizenqa.functions.officer.OfficerClaims;

class DevTokensTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T08:00:00Z"));
    private final DevTokens tokens = new DevTokens(SECRET, clock);

    private static Map<String, String> claims(DevTokens.Verdict v) {
        return assertInstanceOf(DevTokens.Verdict.Valid.class, v).claims();
    }

    private static String invalid(DevTokens.Verdict v) {
        return assertInstanceOf(DevTokens.Verdict.Invalid.class, v).reason();
    }

    @Test
    void anIssuedTokenVerifiesToTheClaimsApiGatewayWouldPassOn() {
        String token = tokens.issue("officer-an", "cong-an-phuong-ben-nghe", List.of("officer", "supervisor"),
                Duration.ofHours(1));

        Map<String, String> claims = claims(tokens.verify("Bearer " + token));

        assertEquals("officer-an", claims.get("sub"));
        assertEquals("cong-an-phuong-ben-nghe", claims.get("custom:unit"));
        assertEquals("[officer supervisor]", claims.get("cognito:groups"));
        assertEquals(String.valueOf(clock.instant().getEpochSecond() + 3600), claims.get("exp"));
        assertEquals(new OfficerClaims.Caller.Known(new Officer("officer-an", "cong-an-phuong-ben-nghe", Role.SUPERVISOR)),
                OfficerClaims.caller(claims));
    }

    @Test
    void aTokenSignedWithAnotherSecretOrAlteredIsRefused() {
        String token = tokens.issue("officer-an", "u1", List.of("officer"), Duration.ofHours(1));
        String other = new DevTokens("another-secret-another-secret-123", clock)
                .issue("officer-an", "u1", List.of("officer"), Duration.ofHours(1));
        String[] parts = token.split("\\.");
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"officer-an\",\"custom:unit\":\"u2\",\"cognito:groups\":[\"supervisor\"],\"exp\":"
                        + (clock.instant().getEpochSecond() + 3600) + "}").getBytes(StandardCharsets.UTF_8));
        String noneHeader = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));

        assertTrue(invalid(tokens.verify("Bearer " + other)).contains("signature"));
        assertTrue(invalid(tokens.verify("Bearer " + parts[0] + "." + forgedPayload + "." + parts[2])).contains("signature"));
        assertTrue(invalid(tokens.verify("Bearer " + noneHeader + "." + parts[1] + ".")).contains("HS256"));
        assertTrue(invalid(tokens.verify(null)).contains("no bearer token"));
        assertTrue(invalid(tokens.verify("Basic dXNlcjpwYXNz")).contains("not a bearer token"));
        assertTrue(invalid(tokens.verify("Bearer abc")).contains("not a JWT"));
        assertTrue(invalid(tokens.verify("Bearer !!.??.**")).contains("well-formed"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = tokens.issue("officer-an", "u1", List.of("officer"), Duration.ofHours(1));
        clock.advance(Duration.ofHours(1).plusMinutes(1));

        assertTrue(invalid(tokens.verify("Bearer " + token)).contains("expired"));
    }

    @Test
    void aShortSecretIsRefusedWithWhatToDo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DevTokens("short", clock));
        assertTrue(e.getMessage().contains("OFFICER_JWT_SECRET"));
        assertThrows(IllegalArgumentException.class, () -> new DevTokens(null, clock));
    }

    @Test
    void theTokenCommandPrintsAVerifiableTokenAndExplainsWhatIsMissing() {
        TokenCommand command = new TokenCommand(Map.of(DevTokens.SECRET_VARIABLE, SECRET), clock);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = command.run(List.of("--unit", "u1", "--group", "officer", "--sub", "an"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertEquals("an", claims(tokens.verify("Bearer " + out.toString(StandardCharsets.UTF_8).strip())).get("sub"));

        for (List<String> bad : List.of(List.of("--group", "officer", "--sub", "an"),
                List.of("--unit", "u1", "--group", "citizen", "--sub", "an"),
                List.of("--unit", "u1", "--sub", "an"),
                List.of("--unit", "u1", "--group", "officer", "--sub", "an", "--hours", "0"),
                List.of("--unit"))) {
            assertEquals(2, command.run(bad, new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(new ByteArrayOutputStream())), bad.toString());
        }
        assertEquals(0, command.run(List.of("--group", "supervisor", "--sub", "chief"),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream())),
                "a supervisor needs no unit");
        ByteArrayOutputStream noSecretErr = new ByteArrayOutputStream();
        assertEquals(2, new TokenCommand(Map.of(), clock).run(List.of("--unit", "u1", "--group", "officer", "--sub", "an"),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(noSecretErr, true, StandardCharsets.UTF_8)));
        assertTrue(noSecretErr.toString(StandardCharsets.UTF_8).contains("OFFICER_JWT_SECRET"));
    }
}
