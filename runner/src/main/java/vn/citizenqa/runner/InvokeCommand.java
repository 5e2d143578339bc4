package vn.citizenqa.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.citizenqa.core.store.Store;
import vn.citizenqa.functions.InitSteps;
import vn.citizenqa.functions.Wiring;
import vn.citizenqa.functions.channel.JsonFields;

/**
 * {@code invoke FUNCTION EVENT_FILE [--env-vars FILE] [--template FILE] [--parameter-overrides "K=V …"]}: finds the
 * function in template.yaml, runs one event through the handler class it names, in this process, with the
 * environment {@code sam local invoke} would give it, and prints the handler's response as JSON (for an HTTP API
 * function, the status, headers and body). {@code -} reads the event from standard input.
 */
public final class InvokeCommand {

    static final String USAGE = "invoke FUNCTION EVENT_FILE [--env-vars FILE] [--template FILE] [--parameter-overrides \"Key=Value …\"]";

    /** For a handler whose response is not an HTTP API response (the queue watch's JSON map). */
    private static final ObjectMapper RESPONSES = new ObjectMapper();

    private final Map<String, String> shell;

    public InvokeCommand() {
        this(System.getenv());
    }

    /** @param shell the environment the command runs in (its {@code AWS_*} and declared variables reach the function) */
    public InvokeCommand(Map<String, String> shell) {
        this.shell = shell;
    }

    /** @return 0 when the handler answered, 1 when it threw (the error printed as JSON), 2 when it could not be run */
    public int run(List<String> args, InputStream stdin, PrintStream out, PrintStream err) {
        Options options = Options.parse(args, err, USAGE, 2, Set.of("--env-vars", "--template", "--parameter-overrides"));
        if (options == null) {
            return 2;
        }
        String functionId = options.positional().get(0);
        Path templateFile = options.template() != null ? options.template() : Path.of("template.yaml");
        if (!Files.isRegularFile(templateFile)) {
            err.println("no " + templateFile + " here: run invoke from the project's top directory, or pass --template FILE");
            return 2;
        }
        RequestHandler<?, ?> handler;
        Class<?> handlerClass;
        try {
            SamTemplate template = InitSteps.time("template", () -> SamTemplate.read(templateFile));
            String className = SamTemplate.handlerClass(template.handler(functionId));
            LocalHandlers.Factory factory = LocalHandlers.forClass(className).orElseThrow(() -> new IllegalArgumentException(
                    functionId + "'s handler " + className + " cannot be run locally (no local wiring for it)"));
            SamTemplate.Overrides overrides = EnvVars.overrides(options.envVars(), options.parameterOverrides(),
                    template.parameterNames());
            Map<String, String> env = InitSteps.time("env", () -> template.environment(functionId, overrides, shell));
            Store store = Wiring.store(env);
            handler = factory.build(env, store);
            handlerClass = handler.getClass();
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println(e.getMessage());
            return 2;
        }
        Object event;
        String source = options.positional().get(1);
        try {
            byte[] json = source.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(source));
            Type type = LocalHandlers.eventTypes(handlerClass)[0];
            event = InitSteps.time("event", () -> LambdaEvents.read(json, type, handlerClass.getClassLoader()));
        } catch (IOException e) {
            err.println("cannot read the event " + source + ": " + e.getMessage());
            return 2;
        }
        Object response;
        try {
            Object input = event;
            response = InitSteps.time("first-request", () -> call(handler, input));
        } catch (RuntimeException e) {
            // As the Lambda runtime reports a handler that throws.
            ObjectNode error = JsonFields.newObject()
                    .put("errorType", e.getClass().getName())
                    .put("errorMessage", String.valueOf(e.getMessage()));
            out.println(JsonFields.pretty(error).stripTrailing());
            return 1;
        }
        out.println(response instanceof APIGatewayV2HTTPResponse http ? toJson(http)
                : JsonFields.pretty(RESPONSES.valueToTree(response)).stripTrailing());
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static Object call(RequestHandler<?, ?> handler, Object event) {
        return ((RequestHandler<Object, Object>) handler).handleRequest(event, null);
    }

    static String toJson(APIGatewayV2HTTPResponse response) {
        ObjectNode o = JsonFields.newObject();
        o.put("statusCode", response.getStatusCode());
        ObjectNode headers = o.putObject("headers");
        if (response.getHeaders() != null) {
            response.getHeaders().forEach(headers::put);
        }
        o.put("body", response.getBody());
        o.put("isBase64Encoded", response.getIsBase64Encoded());
        return JsonFields.pretty(o).stripTrailing();
    }
}
