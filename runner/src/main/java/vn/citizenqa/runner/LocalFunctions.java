package vn.citizenqa.runner;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import vn.citizenqa.core.store.Store;
import vn.citizenqa.functions.console.ConsoleAssets;

/**
 * The functions the local runner can run, by their names in {@code template.yaml}, and the routes each serves.
 * One store is shared by all of them, as one table is in a deployment.
 */
public final class LocalFunctions {

    /** An HTTP API function: what it is called, the paths it serves, and how to build its handler. */
    public record LocalFunction(String name, List<String> pathPrefixes, Factory factory) {
        public boolean serves(String path) {
            return pathPrefixes.stream().anyMatch(path::startsWith);
        }
    }

    @FunctionalInterface
    public interface Factory {
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> build(Map<String, String> env, Store store);
    }

    public static final List<LocalFunction> ALL = List.of(
            new LocalFunction("WebhookFunction", List.of("/webhook/"), LocalHandlers::webhook),
            // In AWS the HTTP API's JWT authorizer checks the Cognito token; locally the HS256 stand-in does.
            // /console is the officer console's page, public in both.
            new LocalFunction("OfficerApiFunction", List.of("/escalations", "/stats", "/units", "/procedures", "/violations",
                    ConsoleAssets.PREFIX),
                    (env, store) -> new LocalOfficerAuthorizer(devTokens(env), ConsoleAssets::serves, LocalHandlers.officerApi(env, store))));

    private LocalFunctions() {
    }

    /** The local officer tokens when {@code OFFICER_JWT_SECRET} is set, else null (officer routes then answer 401). */
    private static DevTokens devTokens(Map<String, String> env) {
        String secret = env.get(DevTokens.SECRET_VARIABLE);
        return secret == null || secret.isBlank() ? null : new DevTokens(secret, Clock.systemUTC());
    }

    public static Optional<LocalFunction> named(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(LocalFunction::name).toList();
    }
}
