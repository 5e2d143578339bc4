package vn.citizenqa.functions.officer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The packaged OpenAPI description, read for tests: its operations, and a check of a response body against the
 * schema it declares (the subset of OpenAPI 3.0 schemas the description uses: $ref, allOf, type, nullable,
 * required, properties, items, enum, minimum/maximum).
 */
final class OfficerApiDescription {

    private static final String[] METHODS = {"get", "put", "post", "delete", "patch", "head", "options"};

    final JsonNode root;

    OfficerApiDescription() {
        try (InputStream in = OfficerApiDescription.class.getResourceAsStream(OfficerRoute.OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing from the package: " + OfficerRoute.OPENAPI_RESOURCE);
            }
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every operation as "METHOD /path". */
    Set<String> operations() {
        Set<String> out = new LinkedHashSet<>();
        root.get("paths").properties().forEach(path -> {
            for (String m : METHODS) {
                if (path.getValue().has(m)) {
                    out.add(m.toUpperCase() + " " + path.getKey());
                }
            }
        });
        return out;
    }

    JsonNode operation(OfficerRoute route) {
        return root.path("paths").path(route.template()).path(route.method().toLowerCase());
    }

    /** The names of the operation's query parameters. */
    Set<String> queryParameters(OfficerRoute route) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode p : operation(route).path("parameters")) {
            JsonNode param = resolve(p);
            if ("query".equals(param.path("in").asText())) {
                out.add(param.path("name").asText());
            }
        }
        return out;
    }

    boolean hasRequestBody(OfficerRoute route) {
        return operation(route).has("requestBody");
    }

    /** The statuses the operation declares. */
    Set<Integer> statuses(OfficerRoute route) {
        Set<Integer> out = new LinkedHashSet<>();
        operation(route).path("responses").fieldNames().forEachRemaining(s -> out.add(Integer.parseInt(s)));
        return out;
    }

    /** Where the body breaks the schema the operation declares for the status; empty when it conforms. */
    List<String> violations(OfficerRoute route, int status, JsonNode body) {
        JsonNode response = resolve(operation(route).path("responses").path(String.valueOf(status)));
        if (response.isMissingNode()) {
            return List.of(route + " declares no " + status + " response");
        }
        JsonNode schema = response.path("content").path("application/json").path("schema");
        List<String> problems = new ArrayList<>();
        check(schema, body, "$", false, problems);
        return problems;
    }

    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            JsonNode target = root;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part);
            }
            node = target;
        }
        return node;
    }

    /** The properties a schema describes, its allOf parts' included. */
    private Set<String> described(JsonNode schemaRef) {
        JsonNode schema = resolve(schemaRef);
        Set<String> names = new LinkedHashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        for (JsonNode part : schema.path("allOf")) {
            names.addAll(described(part));
        }
        return names;
    }

    /** @param part checking one allOf part: the whole schema, not the part, says which fields may appear */
    private void check(JsonNode schemaRef, JsonNode value, String at, boolean part, List<String> problems) {
        JsonNode schema = resolve(schemaRef);
        if (value == null || value.isMissingNode()) {
            problems.add(at + " is missing");
            return;
        }
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                problems.add(at + " is null but not nullable");
            }
            return;
        }
        for (JsonNode p : schema.path("allOf")) {
            check(p, value, at, true, problems);
        }
        Set<String> described = described(schema);
        if (!part && value.isObject() && !described.isEmpty()) {
            value.fieldNames().forEachRemaining(name -> {
                if (!described.contains(name)) {
                    problems.add(at + "." + name + " is not described");
                }
            });
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> {
                if (!value.isObject()) {
                    problems.add(at + " is not an object");
                    return;
                }
                for (JsonNode required : schema.path("required")) {
                    if (!value.has(required.asText())) {
                        problems.add(at + "." + required.asText() + " is required");
                    }
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    JsonNode propertySchema = schema.path("properties").path(field.getKey());
                    if (!propertySchema.isMissingNode()) {
                        check(propertySchema, field.getValue(), at + "." + field.getKey(), false, problems);
                    }
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(at + " is not an array");
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(schema.path("items"), value.get(i), at + "[" + i + "]", false, problems);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(at + " is not a string");
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(at + " is not an integer");
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    problems.add(at + " is not a number");
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(at + " is not a boolean");
                }
            }
            default -> {
                // allOf-only schemas are checked above
            }
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                problems.add(at + " = " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (schema.has("minimum") && value.isNumber() && value.asDouble() < schema.get("minimum").asDouble()) {
            problems.add(at + " is below the minimum");
        }
        if (schema.has("maximum") && value.isNumber() && value.asDouble() > schema.get("maximum").asDouble()) {
            problems.add(at + " is above the maximum");
        }
    }
}
