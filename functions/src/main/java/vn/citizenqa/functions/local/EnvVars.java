package vn.citizenqa.functions.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import vn.citizenqa.functions.channel.JsonFields;

/**
 * The environment a local function runs with: this process's environment, overlaid with an
 * {@code --env-vars} file in the format {@code sam local invoke --env-vars} reads
 * ({@code {"Parameters": {...}, "WebhookFunction": {...}}}: the global section, then the function's own).
 */
public final class EnvVars {

    private EnvVars() {
    }

    public static Map<String, String> forFunction(Path file, String functionName) {
        Map<String, String> env = new HashMap<>(System.getenv());
        if (file == null) {
            return env;
        }
        JsonNode root;
        try {
            root = JsonFields.read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("--env-vars " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("--env-vars " + file + " must be a JSON object like {\"" + functionName + "\": {\"NAME\": \"value\"}}");
        }
        overlay(env, root.get("Parameters"));
        overlay(env, root.get(functionName));
        return env;
    }

    private static void overlay(Map<String, String> env, JsonNode section) {
        if (section == null || !section.isObject()) {
            return;
        }
        section.properties().forEach(e -> env.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : JsonFields.write(e.getValue())));
    }
}
