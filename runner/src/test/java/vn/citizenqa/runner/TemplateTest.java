package vn.citizenqa.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;

import vn.citizenqa.functions.QueueWatchHandler;
import vn.citizenqa.functions.channel.Webhook;
import vn.citizenqa.functions.console.ConsoleAssets;
import vn.citizenqa.functions.http.ApiRoutes;
import vn.citizenqa.functions.officer.OfficerClaims;
import vn.citizenqa.functions.watch.EmbeddedMetrics;

/**
 * template.yaml is what gets deployed and nothing runs it here (no AWS, no SAM CLI): these checks hold it to the code
 * it deploys — handlers, routes and their authorization, permissions, secrets, alarms, the build — and to the rules
 * CloudFormation would only enforce at deploy time (every reference resolves, no cycle).
 */
class TemplateTest {

    static final Path TEMPLATE = Path.of("..", "template.yaml");
    private static final SamTemplate SAM = SamTemplate.read(TEMPLATE);
    private static final JsonNode ROOT = SAM.root();
    private static final Set<String> TABLE_ACTIONS_READ_ONLY = Set.of("dynamodb:GetItem", "dynamodb:Query");

    private static JsonNode resource(String id) {
        JsonNode r = ROOT.path("Resources").get(id);
        assertNotNull(r, "template.yaml has no resource " + id);
        return r;
    }

    private static JsonNode ref(String target) {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("Ref", target);
    }

    @Test
    void itParsesWithCloudFormationsShortTagsExpanded() {
        assertEquals("AWS::Serverless-2016-10-31", ROOT.path("Transform").asText());
        JsonNode webhookEnv = resource("WebhookFunction").path("Properties").path("Environment").path("Variables");
        assertEquals(ref("MessengerAppSecret"), webhookEnv.get("MESSENGER_APP_SECRET"), "!Ref reads as {Ref: …}");
        assertTrue(ROOT.path("Outputs").path("MessengerWebhookUrl").path("Value").has("Fn::Sub"), "!Sub reads as {Fn::Sub: …}");
        assertEquals("Table", resource("WebhookFunction").path("Properties").path("Policies").get(0).path("Statement").get(0)
                .path("Resource").get(0).path("Fn::GetAtt").get(0).asText(), "!GetAtt A.B reads as {Fn::GetAtt: [A, B]}");
        assertEquals(List.of("WebhookFunction", "OfficerApiFunction", "QueueWatchFunction"), SAM.functionIds());
    }

    @Test
    void everyFunctionsHandlerIsARequestHandlerOfTheRightEventsInThePackage() throws Exception {
        List<String> http = List.of(APIGatewayV2HTTPEvent.class.getName(), APIGatewayV2HTTPResponse.class.getName());
        List<String> json = List.of("java.util.Map<java.lang.String, java.lang.Object>", "java.util.Map<java.lang.String, java.lang.Object>");
        Map<String, List<String>> expected = Map.of("WebhookFunction", http, "OfficerApiFunction", http, "QueueWatchFunction", json);
        assertEquals(expected.keySet(), Set.copyOf(SAM.functionIds()));
        for (String id : SAM.functionIds()) {
            String handler = SAM.handler(id);
            assertTrue(handler.endsWith("::handleRequest"), id + ": " + handler);
            String className = SamTemplate.handlerClass(handler);
            Class<?> c = Class.forName(className);
            assertTrue(RequestHandler.class.isAssignableFrom(c), className + " implements RequestHandler");
            assertTrue(Modifier.isPublic(c.getModifiers()) && !Modifier.isAbstract(c.getModifiers()), className);
            // Lambda makes the handler with its public no-argument constructor.
            assertTrue(Modifier.isPublic(c.getConstructor().getModifiers()), className + " has a public no-argument constructor");
            assertEquals(expected.get(id), Stream.of(LocalHandlers.eventTypes(c)).map(Type::getTypeName).toList(),
                    id + "'s event and response types");
            assertTrue(LocalHandlers.forClass(className).isPresent(), "invoke can run " + className);
            assertTrue(Files.exists(Path.of("..", "functions", "target", "classes", className.replace('.', '/') + ".class")),
                    className + " is compiled into the functions' package");
        }
    }

    /** A route as the template declares it: the function behind it and how callers are authorized. */
    record RouteDeclaration(String function, String authorization, String authorizer) {
    }

    private static Map<String, RouteDeclaration> declaredRoutes() {
        Map<String, String> integrationFunction = new HashMap<>();
        SAM.resources().forEach((id, r) -> {
            if (r.path("Type").asText().equals("AWS::ApiGatewayV2::Integration")) {
                JsonNode uri = r.path("Properties").path("IntegrationUri");
                integrationFunction.put(id, uri.path("Ref").asText().replace(".Alias", ""));
                assertEquals("AWS_PROXY", r.path("Properties").path("IntegrationType").asText(), id);
                assertEquals("2.0", r.path("Properties").path("PayloadFormatVersion").asText(), id + ": the handlers read payload 2.0");
                assertTrue(uri.path("Ref").asText().endsWith(".Alias"), id + " calls the published alias (SnapStart applies only there)");
            }
        });
        Map<String, RouteDeclaration> routes = new TreeMap<>();
        SAM.resources().forEach((id, r) -> {
            String type = r.path("Type").asText();
            if (type.equals("AWS::Serverless::HttpApi") || type.equals("AWS::Serverless::Api")) {
                fail(id + ": a SAM API re-imports its definition on update and drops the routes declared beside it");
            }
            if (type.equals("AWS::Serverless::Function") && r.path("Properties").path("Events").properties().stream()
                    .anyMatch(e -> e.getValue().path("Type").asText().startsWith("HttpApi"))) {
                fail(id + ": HttpApi events would create a SAM API; routes are declared as AWS::ApiGatewayV2::Route");
            }
            if (!type.equals("AWS::ApiGatewayV2::Route")) {
                return;
            }
            JsonNode p = r.path("Properties");
            assertEquals(ref("HttpApi"), p.get("ApiId"), id + " is on the one API");
            Matcher target = Pattern.compile("integrations/\\$\\{(\\w+)}").matcher(p.path("Target").path("Fn::Sub").asText());
            assertTrue(target.matches(), id + "'s Target is integrations/${Integration}");
            String authorizer = p.path("AuthorizerId").path("Ref").asText(null);
            RouteDeclaration previous = routes.put(p.path("RouteKey").asText(), new RouteDeclaration(
                    integrationFunction.get(target.group(1)), p.path("AuthorizationType").asText(), authorizer));
            assertEquals(null, previous, "route " + p.path("RouteKey").asText() + " is declared once");
        });
        return routes;
    }

    @Test
    void everyRouteTheHandlersServeIsDeclaredWithItsAuthorizationAndNothingElseIs() {
        Map<String, RouteDeclaration> expected = new TreeMap<>();
        for (ApiRoutes.Route route : ApiRoutes.ALL) {
            expected.put(route.key(), route.access() == ApiRoutes.Access.PUBLIC
                    ? new RouteDeclaration(route.function().logicalId(), "NONE", null)
                    : new RouteDeclaration(route.function().logicalId(), "JWT", "OfficerAuthorizer"));
        }
        assertEquals(expected, declaredRoutes());
    }

    @Test
    void theOfficerAuthorizerTrustsOnlyThePoolsConsoleClientWhoseTokensCarryUnitAndGroups() {
        JsonNode authorizer = resource("OfficerAuthorizer").path("Properties");
        assertEquals("JWT", authorizer.path("AuthorizerType").asText());
        assertEquals("[\"$request.header.Authorization\"]", authorizer.path("IdentitySource").toString());
        assertEquals("https://cognito-idp.${AWS::Region}.amazonaws.com/${OfficerUserPool}",
                authorizer.path("JwtConfiguration").path("Issuer").path("Fn::Sub").asText());
        assertEquals(List.of(ref("OfficerUserPoolClient")), List.copyOf(
                Stream.of(authorizer.path("JwtConfiguration").path("Audience")).flatMap(a -> a.valueStream()).toList()));

        Set<String> groups = new TreeSet<>();
        SAM.resources().forEach((id, r) -> {
            if (r.path("Type").asText().equals("AWS::Cognito::UserPoolGroup")) {
                assertEquals(ref("OfficerUserPool"), r.path("Properties").get("UserPoolId"));
                groups.add(r.path("Properties").path("GroupName").asText());
            }
        });
        assertEquals(Set.of("officer", "supervisor"), groups);

        JsonNode pool = resource("OfficerUserPool").path("Properties");
        String unitAttribute = OfficerClaims.UNIT.substring("custom:".length());
        assertTrue(pool.path("Schema").valueStream().anyMatch(a -> a.path("Name").asText().equals(unitAttribute)
                && a.path("Mutable").asBoolean()), "the pool has the custom attribute " + OfficerClaims.UNIT);
        assertTrue(pool.path("AdminCreateUserConfig").path("AllowAdminCreateUserOnly").asBoolean(), "no self sign-up");

        JsonNode client = resource("OfficerUserPoolClient").path("Properties");
        assertFalse(client.path("GenerateSecret").asBoolean(), "a browser client holds no secret");
        assertTrue(client.path("ReadAttributes").valueStream().anyMatch(a -> a.asText().equals(OfficerClaims.UNIT)),
                "the ID token carries " + OfficerClaims.UNIT);
        assertFalse(client.path("WriteAttributes").valueStream().anyMatch(a -> a.asText().equals(OfficerClaims.UNIT)),
                "an officer cannot move themselves to another unit");
        String console = "https://${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/console/";
        assertEquals(List.of(console + "index.html", console), client.path("CallbackURLs").valueStream()
                .map(u -> u.path("Fn::Sub").asText()).toList(), "sign-in returns to the console, by either of its addresses");
    }

    @Test
    void secretsAreNoEchoParametersWithoutDefaults() {
        Set<String> secretVariables = Set.of("MESSENGER_APP_SECRET", "MESSENGER_VERIFY_TOKEN", "ZALO_OA_SECRET", "ZALO_APP_SECRET");
        Set<String> seen = new HashSet<>();
        for (String id : SAM.functionIds()) {
            resource(id).path("Properties").path("Environment").path("Variables").properties().forEach(e -> {
                if (!secretVariables.contains(e.getKey())) {
                    return;
                }
                seen.add(e.getKey());
                String parameter = e.getValue().path("Ref").asText(null);
                assertNotNull(parameter, id + "." + e.getKey() + " comes from a parameter");
                JsonNode p = ROOT.path("Parameters").path(parameter);
                assertTrue(p.path("NoEcho").asBoolean(), parameter + " is NoEcho");
                assertFalse(p.has("Default"), parameter + " has no default");
            });
        }
        assertEquals(secretVariables, seen);
        ROOT.path("Parameters").properties().forEach(e -> {
            if (e.getKey().contains("Secret") || e.getKey().contains("Token")) {
                assertTrue(e.getValue().path("NoEcho").asBoolean() && !e.getValue().has("Default"), e.getKey());
            }
        });
        assertFalse(Files.exists(Path.of("..", "samconfig.toml")), "no deploy configuration (it would hold secrets) is committed");
    }

    /** The DynamoDB calls the store makes, read from its source: {@code client.putItem(…)} → {@code dynamodb:PutItem}. */
    private static Set<String> actionsTheStoreCalls() throws IOException {
        Set<String> actions = new TreeSet<>();
        Pattern call = Pattern.compile("client\\.(\\w+)\\(");
        try (Stream<Path> files = Files.list(Path.of("..", "functions", "src", "main", "java", "vn", "citizenqa", "functions", "dynamo"))) {
            for (Path f : files.filter(p -> !p.getFileName().toString().equals("TableSetup.java")).toList()) {
                Matcher m = call.matcher(Files.readString(f));
                while (m.find()) {
                    actions.add("dynamodb:" + Character.toUpperCase(m.group(1).charAt(0)) + m.group(1).substring(1));
                }
            }
        }
        return actions;
    }

    @Test
    void eachFunctionReachesOnlyTheTableAndOnlyWithTheCallsTheStoreMakes() throws IOException {
        Set<String> storeCalls = actionsTheStoreCalls();
        assertTrue(storeCalls.contains("dynamodb:PutItem") && storeCalls.contains("dynamodb:Query"), storeCalls.toString());
        Map<String, Set<String>> expected = Map.of(
                "WebhookFunction", storeCalls,
                "OfficerApiFunction", storeCalls,
                "QueueWatchFunction", TABLE_ACTIONS_READ_ONLY);
        for (String id : SAM.functionIds()) {
            JsonNode policies = resource(id).path("Properties").path("Policies");
            assertEquals(1, policies.size(), id + " has one inline policy (no managed policy, no policy template)");
            Set<String> actions = new TreeSet<>();
            for (JsonNode statement : policies.get(0).path("Statement")) {
                assertEquals("Allow", statement.path("Effect").asText());
                statement.path("Action").forEach(a -> actions.add(a.asText()));
                assertEquals("[{\"Fn::GetAtt\":[\"Table\",\"Arn\"]},{\"Fn::Sub\":\"${Table.Arn}/index/*\"}]",
                        statement.path("Resource").toString(), id + " reaches the table and its index, nothing else");
            }
            assertEquals(expected.get(id), actions, id + "'s DynamoDB actions");
        }
    }

    @Test
    void functionsRunJava25OnSnapStartThroughAPublishedAliasWithTracingAndLogsThatExpire() {
        JsonNode globals = ROOT.path("Globals").path("Function");
        assertEquals("java25", globals.path("Runtime").asText());
        assertEquals("PublishedVersions", globals.path("SnapStart").path("ApplyOn").asText());
        assertEquals("live", globals.path("AutoPublishAlias").asText());
        assertEquals("Active", globals.path("Tracing").asText());
        assertEquals("[\"arm64\"]", globals.path("Architectures").toString());
        for (String id : SAM.functionIds()) {
            JsonNode p = resource(id).path("Properties");
            assertFalse(p.has("SnapStart") || p.has("Runtime") || p.has("AutoPublishAlias"), id + " keeps the Globals");
            String logGroup = p.path("LoggingConfig").path("LogGroup").path("Ref").asText();
            JsonNode group = resource(logGroup);
            assertEquals("AWS::Logs::LogGroup", group.path("Type").asText(), id);
            assertEquals(ref("LogRetentionDays"), group.path("Properties").get("RetentionInDays"), id + "'s logs expire");
            assertEquals("JSON", p.path("LoggingConfig").path("LogFormat").asText(), id + " logs JSON lines");
            assertEquals(ref("LogLevel"), p.path("LoggingConfig").get("ApplicationLogLevel"), id + "'s log level is the LogLevel parameter");
        }
    }

    private static List<JsonNode> alarms(String namespace, String metric) {
        List<JsonNode> found = new ArrayList<>();
        SAM.resources().forEach((id, r) -> {
            JsonNode p = r.path("Properties");
            if (r.path("Type").asText().equals("AWS::CloudWatch::Alarm") && p.path("Namespace").asText().equals(namespace)
                    && p.path("MetricName").asText().equals(metric)) {
                found.add(p);
                assertEquals(ref("AlarmTopic"), p.path("AlarmActions").get(0), id + " notifies the alarm topic");
            }
        });
        return found;
    }

    private static Set<String> alarmedFunctions(String metric) {
        return alarms("AWS/Lambda", metric).stream()
                .map(a -> a.path("Dimensions").get(0).path("Value").path("Ref").asText()).collect(Collectors.toSet());
    }

    @Test
    void alarmsWatchErrorsThrottlesAndTheOldestOpenUrgentEscalationTheWatchReports() {
        assertEquals(Set.copyOf(SAM.functionIds()), alarmedFunctions("Errors"));
        assertEquals(Set.of("WebhookFunction", "OfficerApiFunction"), alarmedFunctions("Throttles"));
        List<JsonNode> urgent = alarms(EmbeddedMetrics.NAMESPACE, QueueWatchHandler.OLDEST_AGE_METRIC);
        assertEquals(1, urgent.size(), "one alarm reads the metric the queue watch writes");
        assertEquals(ref("UrgentEscalationMaxAgeSeconds"), urgent.getFirst().get("Threshold"));
        assertEquals("Maximum", urgent.getFirst().path("Statistic").asText());
        JsonNode schedule = resource("QueueWatchFunction").path("Properties").path("Events").path("EveryFiveMinutes");
        assertEquals("Schedule", schedule.path("Type").asText());
        assertEquals(urgent.getFirst().path("Period").asInt(), 300);
        assertEquals("rate(5 minutes)", schedule.path("Properties").path("Schedule").asText(), "the watch runs once per alarm period");
    }

    @Test
    void outputsGiveTheWebhookUrlsTheApiTheConsoleAndTheSignInIds() {
        JsonNode outputs = ROOT.path("Outputs");
        String base = "https://${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}";
        assertEquals(base + Webhook.MESSENGER_PATH, outputs.path("MessengerWebhookUrl").path("Value").path("Fn::Sub").asText());
        assertEquals(base + Webhook.ZALO_PATH, outputs.path("ZaloWebhookUrl").path("Value").path("Fn::Sub").asText());
        assertEquals(base, outputs.path("OfficerApiUrl").path("Value").path("Fn::Sub").asText());
        assertEquals(base + ConsoleAssets.PREFIX + "/index.html", outputs.path("OfficerConsoleUrl").path("Value").path("Fn::Sub").asText());
        assertEquals(ref("OfficerUserPool"), outputs.path("OfficerUserPoolId").get("Value"));
        assertEquals(ref("OfficerUserPoolClient"), outputs.path("OfficerUserPoolClientId").get("Value"));
    }

    @Test
    void samBuildBuildsEveryFunctionWithTheMakefileIntoTheJavaRuntimesLibFolder() throws IOException {
        String makefile = Files.readString(Path.of("..", "Makefile"));
        for (String id : SAM.functionIds()) {
            JsonNode r = resource(id);
            assertEquals("makefile", r.path("Metadata").path("BuildMethod").asText(), id);
            assertEquals(".", r.path("Properties").path("CodeUri").asText(), id + ": the Makefile is at the top");
            Matcher target = Pattern.compile("(?m)^([^\\t#\\n]*\\bbuild-" + id + "\\b[^:\\n]*):\\s*\\n((?:\\t.*\\n?)+)").matcher(makefile);
            assertTrue(target.find(), "the Makefile has a build-" + id + " target");
            String recipe = target.group(2);
            assertTrue(recipe.contains("package"), id + " is packaged by Maven");
            assertTrue(recipe.contains("cp $(JAR) \"$(ARTIFACTS_DIR)/lib/\""), id + ": the jar goes where Lambda's class path reads it");
        }
        assertTrue(makefile.contains("JAR := functions/target/citizen-qa-functions.jar"));
    }

    @Test
    void everyReferenceNamesAResourceOrParameterAndNoResourceDependsOnItself() {
        Set<String> known = new HashSet<>(SAM.resources().keySet());
        known.addAll(SAM.parameterNames());
        Set<String> dangling = new TreeSet<>();
        Stream.of(ROOT.path("Resources"), ROOT.path("Outputs"), ROOT.path("Globals"), ROOT.path("Conditions"))
                .forEach(section -> dangling.addAll(referencesNamed(section)));
        dangling.removeIf(name -> name.startsWith("AWS::"));
        dangling.removeAll(known);
        assertEquals(Set.of(), dangling, "references to nothing");
        assertEquals(null, dependencyCycle(SAM), "circular dependency");
    }

    @Test
    void theCycleCheckFindsTheCycleASamApiWithTheConsolesClientWouldMake() {
        SamTemplate cyclic = SamTemplate.parse("""
                Resources:
                  Api:
                    Type: AWS::ApiGatewayV2::Api
                    Properties:
                      Body: {audience: !Ref Client}
                  Client:
                    Type: AWS::Cognito::UserPoolClient
                    Properties:
                      CallbackURLs: [!Sub 'https://${Api}.execute-api.${AWS::Region}.amazonaws.com/console/']
                """, "cyclic.yaml");
        assertEquals(List.of("Api", "Client", "Api"), dependencyCycle(cyclic));
    }

    /** The first cycle of resources depending on each other (CloudFormation refuses them), or null. */
    static List<String> dependencyCycle(SamTemplate template) {
        Set<String> resources = template.resources().keySet();
        Map<String, Set<String>> dependsOn = new TreeMap<>();
        template.resources().forEach((id, r) -> {
            Set<String> refs = referencesNamed(r);
            // A SAM function also depends on what its Globals refer to (TABLE_NAME: !Ref Table).
            if (r.path("Type").asText().equals(SamTemplate.SERVERLESS_FUNCTION)) {
                refs.addAll(referencesNamed(template.root().path("Globals").path("Function")));
            }
            r.path("DependsOn").forEach(d -> refs.add(d.asText()));
            refs.retainAll(resources);
            dependsOn.put(id, refs);
        });
        Map<String, Integer> state = new HashMap<>();
        for (String start : dependsOn.keySet()) {
            List<String> cycle = cycleFrom(start, dependsOn, state, new ArrayDeque<>());
            if (cycle != null) {
                return cycle;
            }
        }
        return null;
    }

    /** What a part of the template refers to: Ref, Fn::GetAtt, ${X} and ${X.Y} in Fn::Sub (SAM's X.Alias counts as X). */
    private static Set<String> referencesNamed(JsonNode section) {
        Set<String> names = new TreeSet<>();
        Deque<JsonNode> todo = new ArrayDeque<>(List.of(section));
        while (!todo.isEmpty()) {
            JsonNode n = todo.pop();
            if (n.isObject() && n.has("Ref")) {
                names.add(n.get("Ref").asText().replace(".Alias", ""));
            }
            if (n.isObject() && n.has("Fn::GetAtt")) {
                names.add(n.get("Fn::GetAtt").get(0).asText());
            }
            if (n.isObject() && n.has("Fn::Sub")) {
                JsonNode sub = n.get("Fn::Sub");
                Matcher m = Pattern.compile("\\$\\{([A-Za-z0-9:]+)").matcher(sub.isArray() ? sub.get(0).asText() : sub.asText());
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
            n.forEach(todo::push);
        }
        return names;
    }

    private static List<String> cycleFrom(String node, Map<String, Set<String>> graph, Map<String, Integer> state, Deque<String> path) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return null;
        }
        path.addLast(node);
        if (s != null && s == 1) {
            return new ArrayList<>(path);
        }
        state.put(node, 1);
        for (String next : graph.getOrDefault(node, Set.of())) {
            List<String> cycle = cycleFrom(next, graph, state, path);
            if (cycle != null) {
                return cycle;
            }
        }
        state.put(node, 2);
        path.removeLast();
        return null;
    }
}
