package vn.citizenqa.functions.testsupport;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * One LocalStack container per test JVM, serving DynamoDB and SQS (FIFO queues, redrive policies), started through
 * Testcontainers on first use when a Docker engine answers. Without one the test servers fall back to dynalite and
 * ElasticMQ, so the same tests run either way and none is skipped.
 */
public final class LocalStack {

    /** Pinned: LocalStack images after 4.x need an account; DynamoDB and SQS are in the community edition. */
    static final String IMAGE = "localstack/localstack:4.4";

    private static boolean tried;
    private static URI endpoint;

    private LocalStack() {
    }

    /** The container's edge endpoint, started now if need be; empty when no Docker engine answers. */
    public static synchronized Optional<URI> endpoint() {
        if (!tried) {
            tried = true;
            if (dockerAnswers()) {
                endpoint = start();
            }
        }
        return Optional.ofNullable(endpoint);
    }

    /** What serves, for the tests' first line: "LocalStack (localstack/localstack:4.4) at …". */
    static String describe(URI at) {
        return "LocalStack (" + IMAGE + ") at " + at;
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static URI start() {
        GenericContainer<?> localstack = new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withExposedPorts(4566)
                .withEnv("SERVICES", "dynamodb,sqs")
                .waitingFor(Wait.forHttp("/_localstack/health").forPort(4566).forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(2)));
        localstack.start();
        Runtime.getRuntime().addShutdownHook(new Thread(localstack::stop, "stop-localstack"));
        return URI.create("http://" + localstack.getHost() + ":" + localstack.getMappedPort(4566));
    }
}
