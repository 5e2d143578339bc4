package vn.citizenqa.functions.console;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * How officers sign in to the console, from the officer function's environment: through the Cognito hosted UI
 * when {@code CONSOLE_COGNITO_DOMAIN} and {@code CONSOLE_COGNITO_CLIENT_ID} are set (a deployment), else with a
 * pasted development token (the local runner, whose tokens {@code citizen-qa.jar token} prints).
 */
public record ConsoleSettings(Optional<Cognito> cognito) {

    public static final String DOMAIN_VARIABLE = "CONSOLE_COGNITO_DOMAIN";
    public static final String CLIENT_ID_VARIABLE = "CONSOLE_COGNITO_CLIENT_ID";
    public static final String SCOPES_VARIABLE = "CONSOLE_COGNITO_SCOPES";
    static final String DEFAULT_SCOPES = "openid email profile";

    /**
     * The user pool's hosted UI and the console's app client (public, no secret: code flow with PKCE).
     *
     * @param domain the hosted UI's origin, e.g. {@code https://citizen-qa.auth.ap-southeast-1.amazoncognito.com}
     */
    public record Cognito(String domain, String clientId, String scopes) {
    }

    public static ConsoleSettings developmentTokens() {
        return new ConsoleSettings(Optional.empty());
    }

    /** Reads the settings; half a Cognito configuration or a domain that is not an https origin is refused. */
    public static ConsoleSettings from(Map<String, String> env) {
        String domain = blankToNull(env.get(DOMAIN_VARIABLE));
        String clientId = blankToNull(env.get(CLIENT_ID_VARIABLE));
        if (domain == null && clientId == null) {
            return developmentTokens();
        }
        if (domain == null || clientId == null) {
            throw new IllegalArgumentException("the officer console signs in through Cognito only with both "
                    + DOMAIN_VARIABLE + " and " + CLIENT_ID_VARIABLE + " set (one of them is missing)");
        }
        String scopes = blankToNull(env.get(SCOPES_VARIABLE));
        return new ConsoleSettings(Optional.of(new Cognito(origin(domain), clientId, scopes == null ? DEFAULT_SCOPES : scopes)));
    }

    /** The domain as an origin; plain http only on loopback, where a test stands in for the hosted UI. */
    private static String origin(String domain) {
        URI uri;
        try {
            uri = URI.create(domain.strip());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        boolean loopback = uri != null && ("127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost()));
        if (uri == null || uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()) && loopback)
                || (uri.getPath() != null && !uri.getPath().isEmpty() && !"/".equals(uri.getPath()))
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException(DOMAIN_VARIABLE + " must be the hosted UI's https origin, e.g. "
                    + "https://citizen-qa.auth.ap-southeast-1.amazoncognito.com (got '" + domain + "')");
        }
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
