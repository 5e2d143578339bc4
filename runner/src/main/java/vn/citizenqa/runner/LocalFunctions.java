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
import vn.citizenqa.functions.http.ApiRoutes;

/**
 * The functions the local runner can run, by their names in {@code template.yaml}, and the routes each serves.
 * One store is shared by all of them, as one table is in a deployment.
 */
public final class LocalFunctions {

    /** An HTTP API function: which it is (its routes are {@link ApiRoutes}'), and how to build its handler. */
    public record LocalFunction(ApiRoutes.Function function, Factory factory) {
        public String name() {
            return function.logicalId();
        }

        /** Its routes' keys, as API Gateway writes them. */
        public List<String> routes() {
            return ApiRoutes.ALL.stream().filter(r -> r.function() == function).map(ApiRoutes.Route::key).toList();
        }
    }

    @FunctionalInterface
    public interface Factory {
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> build(Map<String, String> env, Store store);
    }

    public static final List<LocalFunction> ALL = List.of(
            new LocalFunction(ApiRoutes.Function.WEBHOOK, LocalHandlers::webhook),
            // In AWS the HTTP API's JWT authorizer checks the Cognito token; locally the HS256 stand-in does.
            // /console is the officer console's page, public in both.
            new LocalFunction(ApiRoutes.Function.OFFICER_API,
                    (env, store) -> new LocalOfficerAuthorizer(devTokens(env), ConsoleAssets::serves, LocalHandlers.officerApi(env, store))));

    private LocalFunctions() {
    }

    /** The local officer tokens when {@code OFFICER_JWT_SECRET} is set, else null (officer routes then answer 401). */
    private static DevTokens devTokens(Map<String, String> env) {
        String secret = env.get(DevTokens.SECRET_VARIABLE);
        return secret == null || secret.isBlank() ? null : new DevTokens(secret, Clock.systemUTC());
    }

    /** The function whose routes have this path (it answers a wrong method itself, as in Lambda). */
    public static Optional<LocalFunction> serving(String path) {
        return ApiRoutes.functionServing(path).flatMap(f -> ALL.stream().filter(l -> l.function() == f).findFirst());
    }

    public static Optional<LocalFunction> named(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(LocalFunction::name).toList();
    }
}
