package vn.citizenqa.functions.aws;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * One call of a service's model over {@link AwsJsonHttp}: the request object written as its JSON body, the answer read
 * into the response's builder, a refusal thrown as the service's exception of that error code (the SDK's, so callers
 * catch what they caught before), no answer at all as an {@link SdkClientException}.
 */
final class ModelOverHttp {

    private final AwsJsonHttp http;
    private final String serviceName;
    private final Function<String, AwsServiceException.Builder> exceptionOfCode;

    /** @param exceptionOfCode the builder of the service's exception for an error code (its base exception for others) */
    ModelOverHttp(AwsJsonHttp http, String serviceName, Function<String, AwsServiceException.Builder> exceptionOfCode) {
        this.http = http;
        this.serviceName = serviceName;
        this.exceptionOfCode = exceptionOfCode;
    }

    <T> T call(String operation, AwsRequest request, SdkPojo responseBuilder) {
        try {
            return switch (http.call(operation, SdkPojoJson.write(request), headersOf(request))) {
                case AwsJsonHttp.Answer.Ok ok -> SdkPojoJson.read(ok.body(), responseBuilder);
                case AwsJsonHttp.Answer.Refused r -> throw error(r);
            };
        } catch (AwsJsonHttp.Unreachable e) {
            throw SdkClientException.builder().message("Unable to execute HTTP request: " + e.getMessage()).cause(e.getCause()).build();
        }
    }

    /** The headers a request's override configuration adds (the priming read's {@code Connection: close}). */
    private static Map<String, String> headersOf(AwsRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.overrideConfiguration().ifPresent(o -> o.headers().forEach((k, v) -> headers.put(k, String.join(",", v))));
        return headers;
    }

    AwsServiceException error(AwsJsonHttp.Answer.Refused r) {
        return exceptionOfCode.apply(r.code())
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(r.code()).errorMessage(r.message()).serviceName(serviceName).build())
                .statusCode(r.status()).requestId(r.requestId()).numAttempts(r.attempts())
                .message(r.message() + " (Service: " + serviceName + ", Status Code: " + r.status() + ", Request ID: " + r.requestId() + ")")
                .build();
    }
}
