package vn.citizenqa.functions.aws;

import java.net.URI;
import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.defaultsmode.DefaultsMode;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;

/**
 * The SDK clients' settings (when {@link AwsClientChoice#sdk()}), every one given, so that building a client looks nothing up: the region, the
 * credentials (the keys Lambda puts in the environment, else the container endpoint SnapStart functions get; never a
 * profile file, web identity or instance metadata), the JDK's URL connection, the retries, the defaults mode, no dual
 * stack or FIPS endpoints, an empty profile file (no {@code ~/.aws/config} read for settings a client
 * could otherwise take from it). What the SDK would otherwise resolve at build and on the first call is a good part
 * of a cold start.
 */
public final class SdkClients {

    private SdkClients() {
    }

    /** Applies the settings to a client's builder; {@code endpoint} null for AWS itself. */
    public static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, String region, URI endpoint,
            int maxAttempts, Duration connectTimeout, Duration socketTimeout, Duration callTimeout) {
        builder.region(Region.of(region))
                .credentialsProvider(credentials(endpoint))
                .defaultsMode(DefaultsMode.LEGACY)
                .dualstackEnabled(false)
                .fipsEnabled(false)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .defaultProfileFileSupplier(SdkClients::noProfileFile)
                        .defaultProfileName("default")
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(maxAttempts).build())
                        .apiCallTimeout(callTimeout)
                        .build());
        builder.httpClient(UrlConnectionHttpClient.builder()
                .connectionTimeout(connectTimeout)
                .socketTimeout(socketTimeout)
                .build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    /**
     * On AWS the runtime's credentials, never fixed keys (they would break SnapStart): the environment's, which Lambda
     * sets, else the container endpoint ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}) it gives SnapStart functions. A
     * local endpoint (dynalite, ElasticMQ, LocalStack) only needs requests signed with something: placeholder keys
     * when the environment has none.
     */
    static AwsCredentialsProvider credentials(URI endpoint) {
        boolean localWithoutKeys = endpoint != null && System.getenv("AWS_ACCESS_KEY_ID") == null
                && System.getProperty("aws.accessKeyId") == null;
        if (localWithoutKeys) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
        return AwsCredentialsProviderChain.builder().reuseLastProviderEnabled(true)
                .credentialsProviders(EnvironmentVariableCredentialsProvider.create(), SystemPropertyCredentialsProvider.create(),
                        ContainerCredentialsProvider.builder().build())
                .build();
    }

    private static ProfileFile noProfileFile() {
        return ProfileFile.aggregator().build();
    }
}
