package vn.citizenqa.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One execution environment as Lambda's {@code java25} managed runtime starts it: a fresh JVM whose class path holds
 * the runtime's own jars (AWS's runtime interface client from Maven Central, as {@code /var/runtime/lib} holds it),
 * the working directory and {@code LAMBDA_TASK_ROOT} the function's package (the client loads the handler from the task
 * root and its {@code lib/*.jar}), the handler as the only argument, and the environment Lambda sets (the reserved
 * variables, placeholder keys of an execution role, the function's own variables) and nothing of this shell's.
 * The JVM options are the runtime's documented defaults: tiered compilation stopped at C1 (off under SnapStart), the
 * serial collector, the heap sized from the function's memory.
 */
final class LambdaEnvironment {

    /** The client's entry point, the class the managed runtime starts. */
    static final String RUNTIME_CLIENT_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    /** A function as the template declares it: its handler, memory and variables. */
    record Function(String name, String handler, int memoryMb, Path taskRoot, Map<String, String> variables) {
    }

    private final Path runtimeLib;

    LambdaEnvironment(Path runtimeLib) {
        this.runtimeLib = runtimeLib;
        if (!Files.isDirectory(runtimeLib) || jars(runtimeLib).isEmpty()) {
            throw new IllegalStateException(runtimeLib + " holds no runtime interface client: build the bench first "
                    + "(./mvnw -q package -DskipTests), which copies it there from Maven Central");
        }
    }

    /** The JVM command of the managed runtime; {@code snapStart} keeps the full JIT, as Lambda does then. */
    List<String> command(Function f, boolean snapStart, List<String> extraOptions) {
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.javaExecutable().toString());
        if (!snapStart) {
            command.addAll(List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"));
        } else {
            // The runtime's hooks (beforeCheckpoint, afterRestore) reach org.crac resources through the client's own
            // CRaC context, which org.crac is pointed at by this property.
            command.add("-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac");
        }
        command.addAll(List.of("-XX:+UseSerialGC", "-XX:MaxRAM=" + f.memoryMb() + "m", "-Xshare:auto"));
        command.addAll(extraOptions);
        command.add("-cp");
        command.add(runtimeLib.toAbsolutePath() + "/*");
        command.add(RUNTIME_CLIENT_MAIN);
        command.add(f.handler());
        return command;
    }

    /** The environment of the function's process: Lambda's reserved variables, then the function's own. */
    static Map<String, String> variables(Function f, String runtimeApi, boolean snapStart) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("LAMBDA_TASK_ROOT", f.taskRoot().toAbsolutePath().toString());
        env.put("LAMBDA_RUNTIME_DIR", "/var/runtime");
        env.put("_HANDLER", f.handler());
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("AWS_REGION", "ap-southeast-1");
        env.put("AWS_DEFAULT_REGION", "ap-southeast-1");
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java25");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "citizen-qa-" + f.name());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(f.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", snapStart ? "1" : "$LATEST");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", snapStart ? "snap-start" : "on-demand");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/citizen-qa-" + f.name());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/12/02/[$LATEST]bench");
        env.put("AWS_LAMBDA_LOG_FORMAT", "JSON");
        env.put("AWS_LAMBDA_LOG_LEVEL", "INFO");
        // An execution role's keys, as Lambda puts them in the environment (placeholders: the servers are local).
        env.put("AWS_ACCESS_KEY_ID", "ASIABENCHPLACEHOLDER");
        env.put("AWS_SECRET_ACCESS_KEY", "bench-placeholder-secret");
        env.put("AWS_SESSION_TOKEN", "bench-placeholder-session-token");
        env.putAll(f.variables());
        return env;
    }

    private static List<Path> jars(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".jar")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
