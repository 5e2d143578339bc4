package vn.citizenqa.runner;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Evaluates a template's intrinsic functions the way {@code sam local invoke} does before anything is deployed:
 * parameters and pseudo parameters are known, conditions follow from them, and whatever only a deployment
 * creates (a resource's id, {@code Fn::GetAtt}, an imported value) is unknown. Unknown values read as
 * {@link #UNKNOWN}; text containing one is unknown as a whole.
 */
final class TemplateValues {

    /** A value only a deployment could give. */
    static final JsonNode UNKNOWN = MissingNode.getInstance();

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** {@code AWS::NoValue}: the property or list item is left out. */
    private static final JsonNode NO_VALUE = JSON.objectNode().put("AWS::NoValue", true);
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final JsonNode template;
    private final Map<String, JsonNode> parameters;
    private final Map<String, String> pseudo;

    /**
     * @param parameters each template parameter's value (text, or a list for list types); absent when it has neither a
     *                   default nor an override
     * @param pseudo     {@code AWS::Region}, {@code AWS::AccountId}… as a local run pretends them
     */
    TemplateValues(JsonNode template, Map<String, JsonNode> parameters, Map<String, String> pseudo) {
        this.template = template;
        this.parameters = parameters;
        this.pseudo = pseudo;
    }

    /** The value with every intrinsic function evaluated ({@link #UNKNOWN} where a deployment would decide). */
    JsonNode evaluate(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return UNKNOWN;
        }
        if (value.isArray()) {
            ArrayNode out = JSON.arrayNode();
            for (JsonNode item : value) {
                JsonNode v = evaluate(item);
                if (v != NO_VALUE) {
                    out.add(v);
                }
            }
            return out;
        }
        if (!value.isObject()) {
            return value;
        }
        if (value.size() == 1) {
            String key = value.fieldNames().next();
            if (key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::")) {
                return function(key, value.get(key));
            }
        }
        ObjectNode out = JSON.objectNode();
        value.properties().forEach(e -> {
            JsonNode v = evaluate(e.getValue());
            if (v != NO_VALUE) {
                out.set(e.getKey(), v);
            }
        });
        return out;
    }

    /** The value as the text a Lambda environment variable would hold; null when it is unknown or left out. */
    String text(JsonNode value) {
        JsonNode v = evaluate(value);
        if (v == UNKNOWN || v == NO_VALUE || v.isNull() || v.isContainerNode()) {
            return null;
        }
        return v.asText();
    }

    /** Whether the value is {@code AWS::NoValue} (possibly chosen by an {@code Fn::If}): the property is left out. */
    boolean leftOut(JsonNode value) {
        return evaluate(value) == NO_VALUE;
    }

    /** Whether a named condition of the template holds. */
    boolean condition(String name) {
        JsonNode definition = template.path("Conditions").get(name);
        if (definition == null) {
            throw new IllegalArgumentException("template has no condition '" + name + "'");
        }
        return truth(evaluate(definition), "condition " + name);
    }

    private JsonNode function(String name, JsonNode argument) {
        return switch (name) {
            case "Ref" -> ref(argument.asText());
            case "Condition" -> JSON.booleanNode(condition(argument.asText()));
            case "Fn::Sub" -> sub(argument);
            case "Fn::Join" -> join(argument);
            case "Fn::If" -> {
                requireList(name, argument, 3);
                yield evaluate(condition(argument.get(0).asText()) ? argument.get(1) : argument.get(2));
            }
            case "Fn::Equals" -> {
                requireList(name, argument, 2);
                JsonNode a = evaluate(argument.get(0));
                JsonNode b = evaluate(argument.get(1));
                yield a == UNKNOWN || b == UNKNOWN ? UNKNOWN : JSON.booleanNode(a.asText().equals(b.asText()));
            }
            case "Fn::Not" -> {
                requireList(name, argument, 1);
                yield JSON.booleanNode(!truth(evaluate(argument.get(0)), name));
            }
            case "Fn::And", "Fn::Or" -> {
                boolean and = name.equals("Fn::And");
                boolean result = and;
                for (JsonNode item : argument) {
                    boolean t = truth(evaluate(item), name);
                    result = and ? result && t : result || t;
                }
                yield JSON.booleanNode(result);
            }
            case "Fn::Select" -> {
                requireList(name, argument, 2);
                JsonNode list = evaluate(argument.get(1));
                int index = evaluate(argument.get(0)).asInt(-1);
                yield list.isArray() && index >= 0 && index < list.size() ? list.get(index) : UNKNOWN;
            }
            case "Fn::Split" -> {
                requireList(name, argument, 2);
                JsonNode text = evaluate(argument.get(1));
                if (text == UNKNOWN) {
                    yield UNKNOWN;
                }
                ArrayNode parts = JSON.arrayNode();
                for (String part : text.asText().split(Pattern.quote(argument.get(0).asText()), -1)) {
                    parts.add(part);
                }
                yield parts;
            }
            case "Fn::FindInMap" -> {
                requireList(name, argument, 3);
                JsonNode found = template.path("Mappings").path(evaluate(argument.get(0)).asText())
                        .path(evaluate(argument.get(1)).asText()).path(evaluate(argument.get(2)).asText());
                yield found.isMissingNode() ? UNKNOWN : found;
            }
            case "Fn::Base64" -> {
                JsonNode text = evaluate(argument);
                yield text == UNKNOWN ? UNKNOWN
                        : JSON.textNode(Base64.getEncoder().encodeToString(text.asText().getBytes(StandardCharsets.UTF_8)));
            }
            // Fn::GetAtt, Fn::ImportValue, Fn::GetAZs, Fn::Cidr, Fn::Transform…: known only once deployed.
            default -> UNKNOWN;
        };
    }

    private JsonNode ref(String name) {
        if (name.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        if (pseudo.containsKey(name)) {
            return JSON.textNode(pseudo.get(name));
        }
        if (template.path("Parameters").has(name)) {
            return parameters.getOrDefault(name, UNKNOWN);
        }
        // A resource: its id exists only once it is deployed.
        return UNKNOWN;
    }

    private JsonNode sub(JsonNode argument) {
        String text;
        JsonNode variables = null;
        if (argument.isArray()) {
            requireList("Fn::Sub", argument, 2);
            text = argument.get(0).asText();
            variables = argument.get(1);
        } else {
            text = argument.asText();
        }
        StringBuilder out = new StringBuilder();
        Matcher m = SUB_VARIABLE.matcher(text);
        int from = 0;
        while (m.find()) {
            out.append(text, from, m.start());
            from = m.end();
            String name = m.group(1);
            if (name.startsWith("!")) {
                // ${!Literal} is written out as ${Literal}.
                out.append("${").append(name.substring(1)).append('}');
                continue;
            }
            JsonNode v;
            if (variables != null && variables.has(name)) {
                v = evaluate(variables.get(name));
            } else if (name.contains(".")) {
                v = UNKNOWN; // ${Resource.Attribute}
            } else {
                v = ref(name);
            }
            if (v == UNKNOWN || v == NO_VALUE || v.isContainerNode()) {
                return UNKNOWN;
            }
            out.append(v.asText());
        }
        out.append(text, from, text.length());
        return JSON.textNode(out.toString());
    }

    private JsonNode join(JsonNode argument) {
        requireList("Fn::Join", argument, 2);
        JsonNode items = evaluate(argument.get(1));
        if (!items.isArray()) {
            return UNKNOWN;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (item == UNKNOWN || item.isContainerNode()) {
                return UNKNOWN;
            }
            out.append(i == 0 ? "" : argument.get(0).asText()).append(item.asText());
        }
        return JSON.textNode(out.toString());
    }

    private static boolean truth(JsonNode value, String where) {
        if (value == UNKNOWN) {
            // Conditions are made of parameters, which are all known locally; an unknown here is a template mistake.
            throw new IllegalArgumentException(where + " depends on a value known only after deployment");
        }
        return value.isBoolean() ? value.booleanValue() : Boolean.parseBoolean(value.asText());
    }

    private static void requireList(String name, JsonNode argument, int size) {
        if (!argument.isArray() || argument.size() != size) {
            throw new IllegalArgumentException(name + " takes a list of " + size + ", not " + argument);
        }
    }
}
