package vn.citizenqa.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

class LambdaEventsTest {

    /** A plain Jackson binding of the same JSON: the Lambda serializer reads the same fields into the same event. */
    private static final ObjectMapper BINDING = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void everySampleEventReadsAsAnHttpApiEventWithItsFields() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(SampleEventsTest.EVENTS)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().matches("env\\.json|pages\\.json")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path f : files) {
            byte[] json = Files.readAllBytes(f);
            assertEquals(BINDING.readValue(json, APIGatewayV2HTTPEvent.class), read(json), f.toString());
        }
    }

    @Test
    void anOfficerEventKeepsItsAuthorizerClaimsScopesAndQuery() throws IOException {
        byte[] json = """
                {"version": "2.0", "routeKey": "GET /officer/queue", "rawPath": "/officer/queue", "rawQueryString": "status=OPEN",
                 "cookies": ["a=1"], "queryStringParameters": {"status": "OPEN"}, "pathParameters": {"id": "e-1"},
                 "headers": {"authorization": "Bearer x"},
                 "requestContext": {"http": {"method": "GET", "path": "/officer/queue", "sourceIp": "10.0.0.1"},
                   "timeEpoch": 1772420400000, "requestId": "r-1",
                   "authorizer": {"jwt": {"claims": {"sub": "officer-1", "cognito:groups": "[officer]", "custom:unit": "PA-Q1"},
                                          "scopes": ["openid"]},
                                  "lambda": {"unit": "PA-Q1", "level": 2, "big": 12345678901, "ratio": 0.5, "ok": true}}},
                 "body": null, "isBase64Encoded": false}
                """.getBytes(StandardCharsets.UTF_8);
        APIGatewayV2HTTPEvent e = read(json);
        assertEquals(BINDING.readValue(json, APIGatewayV2HTTPEvent.class), e);
        assertEquals(Map.of("sub", "officer-1", "cognito:groups", "[officer]", "custom:unit", "PA-Q1"),
                e.getRequestContext().getAuthorizer().getJwt().getClaims());
        assertEquals(1772420400000L, e.getRequestContext().getTimeEpoch());
        assertNull(e.getBody());
    }

    @Test
    void somethingElseThanAJsonObjectIsRefused() {
        assertThrows(IOException.class, () -> read("[1]".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> read("{".getBytes(StandardCharsets.UTF_8)));
    }

    private static APIGatewayV2HTTPEvent read(byte[] json) throws IOException {
        return (APIGatewayV2HTTPEvent) LambdaEvents.read(json, APIGatewayV2HTTPEvent.class, LambdaEventsTest.class.getClassLoader());
    }
}
