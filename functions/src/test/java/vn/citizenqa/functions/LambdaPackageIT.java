package vn.citizenqa.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.citizenqa.functions.local.SamTemplate;

/**
 * The package as {@code sam build} lays it out — the Makefile copies the shaded jar into the function's {@code lib/}
 * — loaded as Lambda's Java runtime loads it: a class loader over the task root and {@code lib/*.jar} only. Every
 * handler template.yaml names is made with its no-argument constructor from that jar (index, lexicon and all
 * inside it) and answers an event.
 */
class LambdaPackageIT {

    private static final Path EVENTS = Path.of("..", "events");

    @Test
    void everyHandlerOfTheTemplateLoadsFromTheJarInLibAndAnswers(@TempDir Path task) throws Exception {
        Path lib = Files.createDirectories(task.resolve("lib"));
        Files.copy(Path.of("target", "citizen-qa.jar"), lib.resolve("citizen-qa.jar"));
        SamTemplate template = SamTemplate.read(Path.of("..", "template.yaml"));
        Map<String, Object> answers = new HashMap<>();
        try (URLClassLoader lambda = new URLClassLoader(new URL[] {task.toUri().toURL(), lib.resolve("citizen-qa.jar").toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (String id : template.functionIds()) {
                Class<?> handlerClass = lambda.loadClass(SamTemplate.handlerClass(template.handler(id)));
                assertSame(lambda, handlerClass.getClassLoader(), id + "'s handler comes from the package");
                Object handler = handlerClass.getConstructor().newInstance();
                Object event = id.equals("QueueWatchFunction") ? new HashMap<String, Object>()
                        : lambda.loadClass("vn.citizenqa.functions.local.InvokeCommand").getMethod("readEvent", byte[].class)
                                .invoke(null, (Object) Files.readAllBytes(EVENTS.resolve(
                                        id.equals("WebhookFunction") ? "messenger-verify.json" : "officer-queue.json")));
                Class<?> context = lambda.loadClass("com.amazonaws.services.lambda.runtime.Context");
                Object response = handlerClass.getMethod("handleRequest", Object.class, context).invoke(handler, event, null);
                answers.put(id, response instanceof Map<?, ?> map ? map.get("unitsLooked")
                        : response.getClass().getMethod("getStatusCode").invoke(response));
            }
        }
        // Without its parameters the webhook says it is not configured (503); the officer API answers an officer's
        // queue from the in-process store; the queue watch finds no unit.
        assertEquals(Map.of("WebhookFunction", 503, "OfficerApiFunction", 200, "QueueWatchFunction", 0), answers);
    }
}
