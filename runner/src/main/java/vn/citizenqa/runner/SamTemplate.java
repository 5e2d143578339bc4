package vn.citizenqa.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * {@code template.yaml} as the local runner reads it: the functions, each one's handler and the environment it
 * would run with, worked out as {@code sam local invoke} does — {@code Globals} merged under the function's own
 * settings, parameters from their overrides or defaults, and every variable the template declares overridable
 * by the shell and by an {@code --env-vars} file.
 */
public final class SamTemplate {

    public static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";
    private static final String LAMBDA_FUNCTION = "AWS::Lambda::Function";
    /** What a local run pretends to be: the account id is the one AWS documents as an example. */
    private static final String LOCAL_ACCOUNT = "123456789012";

    private final JsonNode root;
    private final String source;

    private SamTemplate(JsonNode root, String source) {
        this.root = root;
        this.source = source;
        if (!root.path("Resources").isObject()) {
            throw new IllegalArgumentException(source + " has no Resources");
        }
    }

    public static SamTemplate read(Path file) {
        return new SamTemplate(CloudFormationYaml.read(file), file.toString());
    }

    /** @param source named in error messages */
    static SamTemplate parse(String yaml, String source) {
        return new SamTemplate(CloudFormationYaml.read(new java.io.StringReader(yaml), source), source);
    }

    /** The template in CloudFormation's JSON form (short tags expanded). */
    public JsonNode root() {
        return root;
    }

    public Map<String, JsonNode> resources() {
        Map<String, JsonNode> resources = new LinkedHashMap<>();
        root.path("Resources").properties().forEach(e -> resources.put(e.getKey(), e.getValue()));
        return resources;
    }

    /** The logical ids of the template's functions, in template order. */
    public List<String> functionIds() {
        List<String> ids = new ArrayList<>();
        resources().forEach((id, r) -> {
            String type = r.path("Type").asText();
            if (type.equals(SERVERLESS_FUNCTION) || type.equals(LAMBDA_FUNCTION)) {
                ids.add(id);
            }
        });
        return ids;
    }

    /**
     * A function's {@code Handler} ({@code package.Class::method}), its own or from {@code Globals}.
     *
     * @throws IllegalArgumentException when there is no such function, or it names no handler
     */
    public String handler(String functionId) {
        String handler = property(functionId, "Handler").filter(JsonNode::isTextual).map(JsonNode::asText).orElse(null);
        if (handler == null || handler.isBlank()) {
            throw new IllegalArgumentException(functionId + " in " + source + " has no Handler");
        }
        return handler;
    }

    /** The class part of a Java handler: {@code a.b.C::handleRequest} → {@code a.b.C}. */
    public static String handlerClass(String handler) {
        int colons = handler.indexOf("::");
        return colons < 0 ? handler : handler.substring(0, colons);
    }

    /** A function property, its own or (for a serverless function) from {@code Globals.Function}. */
    public Optional<JsonNode> property(String functionId, String name) {
        JsonNode resource = function(functionId);
        JsonNode own = resource.path("Properties").get(name);
        if (own != null) {
            return Optional.of(own);
        }
        return isServerless(resource) ? Optional.ofNullable(root.path("Globals").path("Function").get(name)) : Optional.empty();
    }

    /** What the local run is told to use instead of the template's defaults. */
    public record Overrides(Map<String, String> parameters, Map<String, String> allFunctions,
                            Map<String, Map<String, String>> byFunction) {

        public static final Overrides NONE = new Overrides(Map.of(), Map.of(), Map.of());

        public Overrides {
            parameters = Map.copyOf(parameters);
            allFunctions = Map.copyOf(allFunctions);
            byFunction = Map.copyOf(byFunction);
        }
    }

    /**
     * The environment the function runs with, as {@code sam local invoke} works it out: every variable the template
     * gives it ({@code Globals} first, the function's own over them), its value evaluated — a value only a
     * deployment knows (a resource's id, an attribute) is empty — then replaced by the shell's value of the same
     * name, then by the {@code --env-vars} file (its {@code Parameters} section for every function, then the
     * function's own section). Variables the template does not declare are not passed, except the shell's
     * {@code AWS_*} ones (region, profile, credentials).
     *
     * @param shell this process's environment
     */
    public Map<String, String> environment(String functionId, Overrides overrides, Map<String, String> shell) {
        JsonNode resource = function(functionId);
        TemplateValues values = values(overrides, shell);
        Map<String, JsonNode> declared = new LinkedHashMap<>();
        if (isServerless(resource)) {
            variables(values, root.path("Globals").path("Function")).forEach(declared::put);
        }
        variables(values, resource.path("Properties")).forEach(declared::put);

        Map<String, String> env = new LinkedHashMap<>();
        shell.forEach((name, value) -> {
            if (name.startsWith("AWS_")) {
                env.put(name, value);
            }
        });
        Map<String, String> own = overrides.byFunction().getOrDefault(functionId, Map.of());
        declared.forEach((name, raw) -> {
            if (values.leftOut(raw)) {
                return;
            }
            String value = values.text(raw);
            if (shell.containsKey(name)) {
                value = shell.get(name);
            }
            if (overrides.allFunctions().containsKey(name)) {
                value = overrides.allFunctions().get(name);
            }
            if (own.containsKey(name)) {
                value = own.get(name);
            }
            env.put(name, value == null ? "" : value);
        });
        return env;
    }

    public java.util.Set<String> parameterNames() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        root.path("Parameters").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The template's parameters with the values a local run gives them. */
    public Map<String, JsonNode> parameterValues(Overrides overrides) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        root.path("Parameters").properties().forEach(e -> {
            String name = e.getKey();
            String text = overrides.parameters().containsKey(name) ? overrides.parameters().get(name)
                    : e.getValue().has("Default") ? e.getValue().get("Default").asText() : null;
            if (text == null) {
                return;
            }
            String type = e.getValue().path("Type").asText("String");
            if (type.startsWith("List<") || type.equals("CommaDelimitedList")) {
                var list = JsonNodeFactory.instance.arrayNode();
                for (String item : text.split(",", -1)) {
                    list.add(item.strip());
                }
                values.put(name, list);
            } else {
                values.put(name, JsonNodeFactory.instance.textNode(text));
            }
        });
        return values;
    }

    TemplateValues values(Overrides overrides, Map<String, String> shell) {
        String region = firstNonBlank(shell.get("AWS_REGION"), shell.get("AWS_DEFAULT_REGION"), "us-east-1");
        Map<String, String> pseudo = Map.of(
                "AWS::Region", region,
                "AWS::AccountId", LOCAL_ACCOUNT,
                "AWS::StackName", "local",
                "AWS::StackId", "arn:aws:cloudformation:" + region + ":" + LOCAL_ACCOUNT + ":stack/local/local",
                "AWS::Partition", "aws",
                "AWS::URLSuffix", "amazonaws.com");
        return new TemplateValues(root, parameterValues(overrides), pseudo);
    }

    private static Map<String, JsonNode> variables(TemplateValues values, JsonNode properties) {
        JsonNode environment = properties.get("Environment");
        Map<String, JsonNode> vars = new LinkedHashMap<>();
        if (environment == null) {
            return vars;
        }
        // The Environment block itself may be an !If; its variables' values are evaluated one by one later.
        JsonNode block = environment.size() == 1 && environment.has("Fn::If") ? values.evaluate(environment) : environment;
        block.path("Variables").properties().forEach(e -> vars.put(e.getKey(), e.getValue()));
        return vars;
    }

    private JsonNode function(String functionId) {
        JsonNode resource = root.path("Resources").get(functionId);
        if (resource == null || !(isServerless(resource) || resource.path("Type").asText().equals(LAMBDA_FUNCTION))) {
            throw new IllegalArgumentException(source + " has no function '" + functionId + "'; its functions: "
                    + String.join(", ", functionIds()));
        }
        return resource;
    }

    private static boolean isServerless(JsonNode resource) {
        return resource.path("Type").asText().equals(SERVERLESS_FUNCTION);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
