package vn.citizenqa.functions.aws;

/**
 * Which AWS clients this process uses: those over the JDK's URL connection ({@link DynamoDbOverHttp}, {@link SqsOverHttp}),
 * or with {@code CITIZENQA_AWS_CLIENT=sdk} in the environment the SDK's own ({@link SdkClients}), a way back should a
 * service answer something the former do not read. A class of its own so that asking loads nothing of the SDK.
 */
public final class AwsClientChoice {

    private AwsClientChoice() {
    }

    public static boolean sdk() {
        return "sdk".equalsIgnoreCase(String.valueOf(System.getenv("CITIZENQA_AWS_CLIENT")).strip());
    }
}
