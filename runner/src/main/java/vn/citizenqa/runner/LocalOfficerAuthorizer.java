package vn.citizenqa.runner;

import java.util.Map;
import java.util.function.Predicate;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import vn.citizenqa.functions.officer.OfficerApi;
import vn.citizenqa.functions.officer.OfficerJson;

/**
 * Does locally what API Gateway's JWT authorizer does in AWS, for {@code serve}: checks the request's bearer token
 * ({@link DevTokens}, HS256 with {@code OFFICER_JWT_SECRET}; local development only), answers 401 itself when it
 * is missing or invalid, and otherwise passes the token's claims on in {@code requestContext.authorizer.jwt.claims}.
 * An event that already carries the authorizer's claims (a sample event run with {@code invoke}, as API Gateway
 * would deliver it) is passed on as it is: requests {@code serve} receives over HTTP never carry them.
 */
public final class LocalOfficerAuthorizer implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final DevTokens tokens;
    private final Predicate<String> publicPath;
    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> next;

    /** @param tokens null when {@code OFFICER_JWT_SECRET} is not set: every request is then refused, saying so */
    public LocalOfficerAuthorizer(DevTokens tokens, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> next) {
        this(tokens, path -> false, next);
    }

    /** @param publicPath the paths whose routes have no authorizer in template.yaml: passed on without a token */
    public LocalOfficerAuthorizer(DevTokens tokens, Predicate<String> publicPath,
                                  RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> next) {
        this.tokens = tokens;
        this.publicPath = publicPath;
        this.next = next;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        if (publicPath.test(event.getRawPath())) {
            return next.handleRequest(event, context);
        }
        var given = event.getRequestContext() == null ? null : event.getRequestContext().getAuthorizer();
        if (given != null && given.getJwt() != null && given.getJwt().getClaims() != null) {
            return next.handleRequest(event, context);
        }
        if (tokens == null) {
            return unauthorized("officer routes are off: set " + DevTokens.SECRET_VARIABLE
                    + " (32+ characters) for serve and for citizen-qa.jar token");
        }
        Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
        String authorization = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("authorization"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        return switch (tokens.verify(authorization)) {
            case DevTokens.Verdict.Invalid(String reason) -> unauthorized(reason);
            case DevTokens.Verdict.Valid(Map<String, String> claims) -> {
                var requestContext = event.getRequestContext() == null
                        ? new APIGatewayV2HTTPEvent.RequestContext() : event.getRequestContext();
                requestContext.setAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                .withClaims(claims).build())
                        .build());
                event.setRequestContext(requestContext);
                yield next.handleRequest(event, context);
            }
        };
    }

    private static APIGatewayV2HTTPResponse unauthorized(String reason) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(401)
                .withHeaders(Map.of("Content-Type", "application/json; charset=utf-8",
                        "WWW-Authenticate", "Bearer"))
                .withBody(new OfficerApi.Response(401, OfficerJson.error("unauthorized", reason)).json())
                .withIsBase64Encoded(false)
                .build();
    }
}
