package vn.citizenqa.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Lambda package as {@code sam build} lays it out — the Makefile copies the functions' shaded jar into the
 * function's {@code lib/} — loaded as Lambda's Java runtime loads it: a class loader over the task root and
 * {@code lib/*.jar} only. Every handler template.yaml names is made with its no-argument constructor from that jar
 * (index, lexicon and all inside it) and answers an event read as the runtime reads it. The package holds what Lambda
 * runs and nothing of the local runner.
 */
class LambdaPackageIT {

    private static final Path EVENTS = Path.of("..", "events");

    /** The jar the Makefile's {@code build-<Function>} targets copy, as the Makefile names it. */
    static Path lambdaPackage() throws Exception {
        Matcher jar = Pattern.compile("(?m)^JAR := (\\S+)$").matcher(Files.readString(Path.of("..", "Makefile")));
        assertTrue(jar.find(), "the Makefile names the jar it copies");
        return Path.of("..").resolve(jar.group(1));
    }

    @Test
    void everyHandlerOfTheTemplateLoadsFromTheJarInLibAndAnswers(@TempDir Path task) throws Exception {
        Path lib = Files.createDirectories(task.resolve("lib"));
        Path jar = lib.resolve(lambdaPackage().getFileName());
        Files.copy(lambdaPackage(), jar);
        SamTemplate template = SamTemplate.read(Path.of("..", "template.yaml"));
        Map<String, Object> answers = new HashMap<>();
        try (URLClassLoader lambda = new URLClassLoader(new URL[] {task.toUri().toURL(), jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (String id : template.functionIds()) {
                Class<?> handlerClass = lambda.loadClass(SamTemplate.handlerClass(template.handler(id)));
                assertSame(lambda, handlerClass.getClassLoader(), id + "'s handler comes from the package");
                Object handler = handlerClass.getConstructor().newInstance();
                Type eventType = LocalHandlers.eventTypes(handlerClass)[0];
                Object event = id.equals("QueueWatchFunction") ? new HashMap<String, Object>()
                        : id.equals("WorkerFunction") ? LambdaEvents.read("{\"Records\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8), eventType, lambda)
                        : LambdaEvents.read(Files.readAllBytes(EVENTS.resolve(
                                id.equals("WebhookFunction") ? "messenger-verify.json" : "officer-queue.json")), eventType, lambda);
                assertSame(lambda, event.getClass().getClassLoader() == null ? lambda : event.getClass().getClassLoader(),
                        id + "'s event class is the package's");
                Class<?> context = lambda.loadClass("com.amazonaws.services.lambda.runtime.Context");
                Object response = handlerClass.getMethod("handleRequest", Object.class, context).invoke(handler, event, null);
                answers.put(id, response instanceof Map<?, ?> map ? map.get("unitsLooked")
                        : id.equals("WorkerFunction") ? ((List<?>) response.getClass().getMethod("getBatchItemFailures").invoke(response)).size()
                        : response.getClass().getMethod("getStatusCode").invoke(response));
            }
        }
        // Without its parameters the webhook says it is not configured (503); the officer API answers an officer's
        // queue from the in-process store; the queue watch finds no unit; the worker has nothing to hand back.
        assertEquals(Map.of("WebhookFunction", 503, "OfficerApiFunction", 200, "QueueWatchFunction", 0, "WorkerFunction", 0),
                answers);
    }

    @Test
    void thePackageHoldsNothingOfTheLocalRunner() throws Exception {
        List<String> entries;
        try (JarFile jar = new JarFile(lambdaPackage().toFile())) {
            entries = jar.stream().map(JarEntry::getName).toList();
        }
        assertTrue(entries.contains("vn/citizenqa/functions/WebhookHandler.class"), "the handlers are in the package");
        for (String foreign : List.of("vn/citizenqa/runner/", "vn/citizenqa/standin/", "org/yaml/snakeyaml/", "com/nimbusds/",
                "com/amazonaws/services/lambda/runtime/serialization/")) {
            assertEquals(List.of(), entries.stream().filter(e -> e.startsWith(foreign)).limit(3).toList(),
                    "the Lambda package holds nothing under " + foreign);
        }
        try (JarFile jar = new JarFile(lambdaPackage().toFile())) {
            assertEquals(null, jar.getManifest().getMainAttributes().getValue("Main-Class"), "the Lambda package is no runnable jar");
        }
    }
}
