package vn.citizenqa.functions.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.citizenqa.core.store.Store;
import vn.citizenqa.functions.InitSteps;
import vn.citizenqa.functions.Wiring;
import vn.citizenqa.functions.channel.JsonFields;

/**
 * {@code invoke FUNCTION EVENT_FILE [--env-vars FILE]}: runs one HTTP API event through a function's handler
 * and prints the HTTP response as JSON, as {@code sam local invoke} does. {@code -} reads the event from
 * standard input.
 */
public final class InvokeCommand {

    public int run(List<String> args, InputStream stdin, PrintStream out, PrintStream err) {
        Options options = Options.parse(args, err, "invoke FUNCTION EVENT_FILE [--env-vars FILE]", 2);
        if (options == null) {
            return 2;
        }
        String name = options.positional().get(0);
        var function = LocalFunctions.named(name);
        if (function.isEmpty()) {
            err.println("unknown function '" + name + "'; known: " + String.join(", ", LocalFunctions.names()));
            return 2;
        }
        APIGatewayV2HTTPEvent event;
        String source = options.positional().get(1);
        try {
            byte[] json = source.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(source));
            event = InitSteps.time("event", () -> readEvent(json));
        } catch (IOException e) {
            err.println("cannot read the event " + source + ": " + e.getMessage());
            return 2;
        }
        Map<String, String> env;
        Store store;
        try {
            env = InitSteps.time("env", () -> EnvVars.forFunction(options.envVars(), name));
            store = Wiring.store(env);
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println(e.getMessage());
            return 2;
        }
        var handler = function.get().factory().build(env, store);
        APIGatewayV2HTTPResponse response = InitSteps.time("first-request", () -> handler.handleRequest(event, null));
        out.println(toJson(response));
        return 0;
    }

    /** An HTTP API event as {@code sam local invoke} reads it from a file. */
    public static APIGatewayV2HTTPEvent readEvent(byte[] json) throws IOException {
        return HttpApiEventJson.read(json);
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
