package vn.citizenqa.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.tools.ToolProvider;

import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.citizenqa.functions.WebhookSettings;
import vn.citizenqa.functions.channel.JsonFields;
import vn.citizenqa.runner.EventSigning;

/** What the cold-start benchmarks feed their JVMs: classes compiled here, signed webhook events. */
final class BenchInputs {

    static final String HELLO_WORLD = """
            public class Hello {
                public static void main(String[] args) {
                    System.out.println("hello");
                }
            }
            """;

    private BenchInputs() {
    }

    /** Compiles one class from {@code source} into {@code dir} with the running JDK, against {@code classPath}. */
    static Path compile(Path dir, String className, String source, String classPath) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(className + ".java");
        Files.writeString(file, source);
        var compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in " + System.getProperty("java.home") + ": run the bench with a JDK");
        }
        List<String> args = new ArrayList<>(List.of("-d", dir.toString()));
        if (classPath != null) {
            args.addAll(List.of("-cp", classPath));
        }
        args.add(file.toString());
        if (compiler.run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("cannot compile " + file);
        }
        Files.delete(file);
        return dir;
    }

    /**
     * {@code count} copies of events/zalo-text.json in {@code dir}, each with its own message id, signed with the
     * webhook's secrets as {@code webhookEnv} gives them.
     */
    static List<Path> signedZaloTexts(Path repo, Path dir, int count, Map<String, String> webhookEnv) throws IOException {
        Files.createDirectories(dir);
        ObjectNode template = (ObjectNode) JsonFields.read(Files.readAllBytes(repo.resolve("events/zalo-text.json")));
        ObjectNode body = (ObjectNode) JsonFields.read(template.get("body").asText());
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<Path> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ((ObjectNode) body.get("message")).put("msg_id", "bench-" + run + "-" + i);
            template.put("body", JsonFields.write(body));
            Path file = dir.resolve(String.format(Locale.ROOT, "zalo-text-%04d.json", i));
            Files.writeString(file, JsonFields.pretty(template));
            events.add(file);
        }
        new EventSigning(WebhookSettings.from(webhookEnv)).sign(dir, true);
        return events;
    }

    /** A function's section of events/env.json, as a map. */
    static Map<String, String> envSection(Path repo, String function) throws IOException {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        JsonFields.read(Files.readAllBytes(repo.resolve("events/env.json"))).get(function).properties()
                .forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }
}
