package vn.citizenqa.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import vn.citizenqa.functions.channel.JsonFields;

/**
 * The {@code --env-vars} file, in the format {@code sam local invoke --env-vars} reads
 * ({@code {"Parameters": {...}, "WebhookFunction": {...}}}: a section for every function, then each function's own).
 */
public final class EnvVars {

    private EnvVars() {
    }

    /** For {@code serve}: this process's environment overlaid with the file's global section, then the function's. */
    public static Map<String, String> forFunction(Path file, String functionName) {
        Map<String, String> env = new HashMap<>(System.getenv());
        if (file == null) {
            return env;
        }
        JsonNode root = read(file, functionName);
        env.putAll(section(root, "Parameters"));
        env.putAll(section(root, functionName));
        return env;
    }

    /**
     * For {@code invoke}: what the file and {@code --parameter-overrides} change in the template's defaults. Keys of the
     * file's {@code Parameters} section set variables of every function (as in {@code sam local invoke}); a key that
     * names one of the template's parameters also sets that parameter.
     *
     * @param parameterOverrides {@code Key=Value Key2=Value2} or {@code ParameterKey=K,ParameterValue=V …}, as
     *                           {@code sam local invoke --parameter-overrides} takes them; null for none
     */
    public static SamTemplate.Overrides overrides(Path file, String parameterOverrides, Set<String> templateParameters) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Map<String, String> all = Map.of();
        Map<String, Map<String, String>> byFunction = new LinkedHashMap<>();
        if (file != null) {
            JsonNode root = read(file, "WebhookFunction");
            all = section(root, "Parameters");
            all.forEach((k, v) -> {
                if (templateParameters.contains(k)) {
                    parameters.put(k, v);
                }
            });
            root.properties().forEach(e -> {
                if (!e.getKey().equals("Parameters")) {
                    byFunction.put(e.getKey(), section(root, e.getKey()));
                }
            });
        }
        if (parameterOverrides != null) {
            parameters.putAll(parseParameterOverrides(parameterOverrides));
        }
        return new SamTemplate.Overrides(parameters, all, byFunction);
    }

    static Map<String, String> parseParameterOverrides(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String token : text.strip().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (token.startsWith("ParameterKey=")) {
                int comma = token.indexOf(",ParameterValue=");
                if (comma < 0) {
                    throw new IllegalArgumentException("--parameter-overrides: '" + token + "' needs ,ParameterValue=");
                }
                out.put(token.substring("ParameterKey=".length(), comma), token.substring(comma + ",ParameterValue=".length()));
            } else {
                int eq = token.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--parameter-overrides: '" + token + "' is not Key=Value");
                }
                out.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        return out;
    }

    private static JsonNode read(Path file, String exampleFunction) {
        JsonNode root;
        try {
            root = JsonFields.read(Files.readAllBytes(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("--env-vars " + file + ": no such file (" + file.toAbsolutePath() + ")", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("--env-vars " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("--env-vars " + file + " must be a JSON object like {\"" + exampleFunction
                    + "\": {\"NAME\": \"value\"}}");
        }
        return root;
    }

    private static Map<String, String> section(JsonNode root, String name) {
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode section = root.get(name);
        if (section != null && section.isObject()) {
            section.properties().forEach(e -> values.put(e.getKey(),
                    e.getValue().isValueNode() ? e.getValue().asText() : JsonFields.write(e.getValue())));
        }
        return values;
    }
}
