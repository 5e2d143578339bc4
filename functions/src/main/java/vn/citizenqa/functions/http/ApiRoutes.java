package vn.citizenqa.functions.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.citizenqa.functions.channel.WebhookRoute;
import vn.citizenqa.functions.console.ConsoleAssets;
import vn.citizenqa.functions.officer.OfficerRoute;

/**
 * Every route of the HTTP API, with the function behind it and who may call it, gathered from where each is declared
 * (the webhook's, the officer API's and the console's routes). template.yaml declares exactly these (a test holds
 * them equal), the officer routes are the operations of {@code officer-api.yaml} (another test), and the local
 * runner serves by them.
 */
public final class ApiRoutes {

    /** A function behind routes, by its logical id in template.yaml. */
    public enum Function {
        WEBHOOK("WebhookFunction"), OFFICER_API("OfficerApiFunction");

        private final String logicalId;

        Function(String logicalId) {
            this.logicalId = logicalId;
        }

        public String logicalId() {
            return logicalId;
        }
    }

    /** Who may call a route: anyone (webhooks check signatures themselves; the console is files), or an officer. */
    public enum Access {
        PUBLIC, OFFICER_TOKEN
    }

    public record Route(String method, PathTemplate path, Function function, Access access) {
        /** As API Gateway writes a route key: {@code POST /escalations/{id}/claim}. */
        public String key() {
            return method + " " + path.template();
        }
    }

    public static final List<Route> ALL = all();

    private ApiRoutes() {
    }

    private static List<Route> all() {
        List<Route> routes = new ArrayList<>();
        for (WebhookRoute r : WebhookRoute.values()) {
            routes.add(new Route(r.method(), r.path(), Function.WEBHOOK, Access.PUBLIC));
        }
        for (OfficerRoute r : OfficerRoute.values()) {
            routes.add(new Route(r.method(), r.path(), Function.OFFICER_API, Access.OFFICER_TOKEN));
        }
        for (String console : List.of(ConsoleAssets.PREFIX, ConsoleAssets.PREFIX + "/{proxy+}")) {
            routes.add(new Route("GET", new PathTemplate(console), Function.OFFICER_API, Access.PUBLIC));
        }
        return List.copyOf(routes);
    }

    /** The function whose routes have this path, whatever the method (it answers a wrong method itself). */
    public static Optional<Function> functionServing(String path) {
        return ALL.stream().filter(r -> r.path().matches(path)).map(Route::function).findFirst();
    }
}
