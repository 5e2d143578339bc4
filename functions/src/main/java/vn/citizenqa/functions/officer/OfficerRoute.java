package vn.citizenqa.functions.officer;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.citizenqa.functions.http.PathTemplate;

/**
 * The officer API's routes: what the handler serves, and what a test holds equal to the OpenAPI description
 * ({@code /openapi/officer-api.yaml}): method, path template, query parameters and whether a JSON body is read.
 */
public enum OfficerRoute {
    LIST_ESCALATIONS("GET", "/escalations", List.of("status", "cursor", "limit", "unit"), false),
    GET_ESCALATION("GET", "/escalations/{id}", List.of(), false),
    CLAIM("POST", "/escalations/{id}/claim", List.of(), false),
    REPLY("POST", "/escalations/{id}/reply", List.of(), true),
    CLOSE("POST", "/escalations/{id}/close", List.of(), true),
    SUGGEST("POST", "/escalations/{id}/suggest", List.of(), true),
    STATS("GET", "/stats", List.of("from", "to", "unit"), false),
    LIST_UNITS("GET", "/units", List.of(), false),
    LIST_PROCEDURES("GET", "/procedures", List.of("q", "limit"), false),
    IMPORT_VIOLATIONS("POST", "/violations/import", List.of("unit"), true);

    /** Where the OpenAPI description is packaged. */
    public static final String OPENAPI_RESOURCE = "/openapi/officer-api.yaml";

    private final String method;
    private final String template;
    private final List<String> queryParameters;
    private final boolean readsBody;

    OfficerRoute(String method, String template, List<String> queryParameters, boolean readsBody) {
        this.method = method;
        this.template = template;
        this.queryParameters = queryParameters;
        this.readsBody = readsBody;
    }

    public String method() {
        return method;
    }

    public String template() {
        return template;
    }

    public List<String> queryParameters() {
        return queryParameters;
    }

    public boolean readsBody() {
        return readsBody;
    }

    /** A route and the path parameters its template took from a request path. */
    public record Match(OfficerRoute route, Map<String, String> pathParameters) {
    }

    /** The route serving {@code method path}, if any. */
    public static Optional<Match> match(String method, String path) {
        if (method == null || path == null) {
            return Optional.empty();
        }
        for (OfficerRoute route : values()) {
            Map<String, String> params = route.method.equalsIgnoreCase(method) ? route.path().bind(path) : null;
            if (params != null) {
                return Optional.of(new Match(route, params));
            }
        }
        return Optional.empty();
    }

    /** Whether any route has this path, whatever the method (so a wrong method can be told from a wrong path). */
    public static boolean knowsPath(String path) {
        return Arrays.stream(values()).anyMatch(route -> route.path().matches(path));
    }

    public PathTemplate path() {
        return new PathTemplate(template);
    }
}
