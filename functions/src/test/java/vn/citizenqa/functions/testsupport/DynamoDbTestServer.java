package vn.citizenqa.functions.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.citizenqa.functions.dynamo.DynamoDbSettings;
import vn.citizenqa.functions.dynamo.DynamoDbStore;
import vn.citizenqa.functions.dynamo.TableSetup;

/**
 * A real DynamoDB-compatible server for the tests, one per test JVM, shared by every test class. Chosen at start:
 * {@code DYNAMODB_ENDPOINT} if set; else LocalStack through Testcontainers when a Docker engine answers; else
 * dynalite (pinned in the repository's package-lock.json, installed with {@code npm ci} when node_modules is
 * missing) run with the machine's Node.js on a free loopback port. Without any of them the tests fail with a
 * message saying what to install; they are never skipped.
 */
public final class DynamoDbTestServer {

    private static final String DYNALITE_SCRIPT = "functions/src/test/node/dynalite-server.js";
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");

    private static DynamoDbTestServer instance;

    private final URI endpoint;
    private final String description;
    private final DynamoDbClient client;

    private DynamoDbTestServer(URI endpoint, String description) {
        this.endpoint = endpoint;
        this.description = description;
        this.client = DynamoDbStore.client(settings("unused"));
    }

    /** The server, started on first use. */
    public static synchronized DynamoDbTestServer get() {
        if (instance == null) {
            instance = start();
            System.out.println("[DynamoDbTestServer] DynamoDB tests run against " + instance.description);
        }
        return instance;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** What serves: "dynalite 4.0.0 (Node.js v20…)", "LocalStack …" or the DYNAMODB_ENDPOINT. */
    public String description() {
        return description;
    }

    /** A client on the server with the store's own client settings. */
    public DynamoDbClient client() {
        return client;
    }

    /** Store settings for a table on this server, as the functions read them from the environment. */
    public DynamoDbSettings settings(String tableName) {
        return DynamoDbSettings.fromEnvironment(Map.of("TABLE_NAME", tableName,
                "DYNAMODB_ENDPOINT", endpoint.toString(), "AWS_REGION", DynamoDbSettings.DEFAULT_REGION)).orElseThrow();
    }

    /** A new empty table, as {@code setup-table} creates it, with a name no other test uses. */
    public String createTable() {
        String name = "citizen-qa-test-" + TABLES.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        TableSetup.ensure(client, name);
        return name;
    }

    private static DynamoDbTestServer start() {
        String configured = System.getenv("DYNAMODB_ENDPOINT");
        if (configured != null && !configured.isBlank()) {
            return new DynamoDbTestServer(URI.create(configured), "DYNAMODB_ENDPOINT=" + configured);
        }
        Optional<URI> localstack = LocalStack.endpoint();
        if (localstack.isPresent()) {
            return new DynamoDbTestServer(localstack.get(), LocalStack.describe(localstack.get()));
        }
        return startDynalite();
    }

    private static DynamoDbTestServer startDynalite() {
        Path root = repositoryRoot();
        String node = NodeTools.nodeVersion(nothingToRunOn());
        NodeTools.ensureInstalled();
        try {
            Process process = new ProcessBuilder("node", DYNALITE_SCRIPT)
                    .directory(root.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            CompletableFuture<String> portLine = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line; (line = out.readLine()) != null; ) {
                        if (line.startsWith("DYNALITE_PORT=")) {
                            return line.substring("DYNALITE_PORT=".length()).trim();
                        }
                    }
                    return null;
                } catch (IOException e) {
                    return null;
                }
            });
            String port = portLine.get(60, TimeUnit.SECONDS);
            if (port == null) {
                process.destroyForcibly();
                throw new IllegalStateException("dynalite exited before listening (exit code "
                        + process.waitFor() + "); its error output is above");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "stop-dynalite"));
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            return new DynamoDbTestServer(endpoint, "dynalite " + dynaliteVersion(root) + " (Node.js " + node
                    + ") at " + endpoint);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start dynalite with node: " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("dynalite did not start listening within 60 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting dynalite", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read dynalite's output", e);
        }
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
        }
    }

    static String nothingToRunOn() {
        return "The DynamoDB tests need a DynamoDB-compatible server and found none: DYNAMODB_ENDPOINT is not set, "
                + "no Docker engine answers (for LocalStack), and Node.js is not installed (for dynalite). "
                + "Install Node.js 20 or newer (https://nodejs.org/, or your package manager's nodejs and npm): "
                + "the tests then install dynalite with `npm ci` and start it themselves. Or start Docker, or set "
                + "DYNAMODB_ENDPOINT to a running DynamoDB Local.";
    }

    private static String dynaliteVersion(Path root) {
        try {
            String json = Files.readString(root.resolve("node_modules/dynalite/package.json"));
            Matcher m = VERSION.matcher(json);
            return m.find() ? m.group(1) : "?";
        } catch (IOException e) {
            return "?";
        }
    }

    /** The directory holding package.json and the dynalite launcher, found upwards from the working directory. */
    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("package-lock.json")) && Files.exists(p.resolve(DYNALITE_SCRIPT))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository's package-lock.json and " + DYNALITE_SCRIPT
                + " above " + Path.of("").toAbsolutePath());
    }
}
