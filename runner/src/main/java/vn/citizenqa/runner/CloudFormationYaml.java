package vn.citizenqa.runner;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a CloudFormation YAML template into the JSON form CloudFormation itself works on: the short tags become
 * their long forms ({@code !Ref X} → {@code {"Ref": "X"}}, {@code !Sub s} → {@code {"Fn::Sub": s}},
 * {@code !GetAtt A.B} → {@code {"Fn::GetAtt": ["A", "B"]}}, {@code !Condition C} → {@code {"Condition": "C"}}).
 * A plain YAML-to-JSON reader drops the tags and keeps only their arguments, which turns {@code !Sub} text into
 * what looks like a literal; SnakeYAML's node API keeps them.
 */
public final class CloudFormationYaml {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CloudFormationYaml() {
    }

    public static JsonNode read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return read(new StringReader(text), file.toString());
    }

    /** @param source named in error messages */
    public static JsonNode read(Reader yaml, String source) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(yaml);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(source + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof MappingNode)) {
            throw new IllegalArgumentException(source + " must be a YAML mapping (Resources:, Parameters:, …)");
        }
        return convert(root, source);
    }

    private static JsonNode convert(Node node, String source) {
        String tag = node.getTag().getValue();
        if (tag.startsWith("!")) {
            return intrinsic(tag.substring(1), node, source);
        }
        return switch (node) {
            case MappingNode map -> {
                ObjectNode o = JSON.objectNode();
                for (NodeTuple entry : map.getValue()) {
                    if (!(entry.getKeyNode() instanceof ScalarNode key)) {
                        throw new IllegalArgumentException(source + ": line " + line(entry.getKeyNode()) + ": a key must be plain text");
                    }
                    if (o.has(key.getValue())) {
                        // CloudFormation refuses duplicate keys; a silent last-one-wins would hide a mistake.
                        throw new IllegalArgumentException(source + ": line " + line(key) + ": duplicate key '" + key.getValue() + "'");
                    }
                    o.set(key.getValue(), convert(entry.getValueNode(), source));
                }
                yield o;
            }
            case SequenceNode seq -> {
                ArrayNode a = JSON.arrayNode();
                seq.getValue().forEach(item -> a.add(convert(item, source)));
                yield a;
            }
            case ScalarNode scalar -> scalar(scalar);
            default -> throw new IllegalArgumentException(source + ": line " + line(node) + ": unsupported YAML node");
        };
    }

    /** A short-form intrinsic function: its argument converted as usual, under the long-form key. */
    private static JsonNode intrinsic(String name, Node node, String source) {
        JsonNode argument = node instanceof ScalarNode s ? JSON.textNode(s.getValue()) : convert(untagged(node), source);
        ObjectNode o = JSON.objectNode();
        switch (name) {
            case "Ref", "Condition" -> o.set(name, argument);
            case "GetAtt" -> {
                if (argument.isTextual()) {
                    // !GetAtt Resource.Attribute.Maybe.Dotted: the resource name is up to the first dot.
                    String text = argument.asText();
                    int dot = text.indexOf('.');
                    if (dot <= 0 || dot == text.length() - 1) {
                        throw new IllegalArgumentException(source + ": line " + line(node) + ": !GetAtt needs Resource.Attribute, not '" + text + "'");
                    }
                    o.set("Fn::GetAtt", JSON.arrayNode().add(text.substring(0, dot)).add(text.substring(dot + 1)));
                } else {
                    o.set("Fn::GetAtt", argument);
                }
            }
            default -> o.set("Fn::" + name, argument);
        }
        return o;
    }

    /** The same node without its short-form tag, so its content converts as plain YAML. */
    private static Node untagged(Node node) {
        return switch (node) {
            case MappingNode m -> new MappingNode(Tag.MAP, m.getValue(), m.getFlowStyle());
            case SequenceNode s -> new SequenceNode(Tag.SEQ, s.getValue(), s.getFlowStyle());
            default -> node;
        };
    }

    private static JsonNode scalar(ScalarNode scalar) {
        String value = scalar.getValue();
        Tag tag = scalar.getTag();
        try {
            if (Tag.NULL.equals(tag)) {
                return JSON.nullNode();
            }
            if (Tag.BOOL.equals(tag)) {
                return JSON.booleanNode(switch (value.toLowerCase(java.util.Locale.ROOT)) {
                    case "true", "yes", "on", "y" -> true;
                    default -> false;
                });
            }
            if (Tag.INT.equals(tag)) {
                return JSON.numberNode(new BigInteger(value.replace("_", "")));
            }
            if (Tag.FLOAT.equals(tag)) {
                return JSON.numberNode(new BigDecimal(value.replace("_", "")));
            }
        } catch (NumberFormatException e) {
            // Octal, hex or sexagesimal forms CloudFormation would read as text anyway.
            return JSON.textNode(value);
        }
        return JSON.textNode(value);
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
