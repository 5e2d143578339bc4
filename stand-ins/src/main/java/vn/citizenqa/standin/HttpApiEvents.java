package vn.citizenqa.standin;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

/**
 * Builds the event API Gateway's HTTP API (payload format 2.0) would pass a function for an HTTP request:
 * header names lower-cased and repeated values joined by commas, the query both raw and decoded, the body as
 * text when it is UTF-8 and base64 otherwise. The local runner and the tests speak to handlers through it.
 */
public final class HttpApiEvents {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private HttpApiEvents() {
    }

    public static APIGatewayV2HTTPEvent of(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                                           byte[] body, String sourceIp) {
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((name, values) -> lower.merge(name.toLowerCase(Locale.ROOT), String.join(",", values), (a, b) -> a + "," + b));
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.merge(k, v, (a, b) -> a + "," + b);
            }
        }
        String text = body == null || body.length == 0 ? null : utf8(body);
        boolean base64 = body != null && body.length > 0 && text == null;
        Instant now = Instant.now();
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(method.toUpperCase(Locale.ROOT))
                .withPath(rawPath)
                .withProtocol("HTTP/1.1")
                .withSourceIp(sourceIp)
                .withUserAgent(lower.get("user-agent"))
                .build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRouteKey("$default")
                .withAccountId("anonymous")
                .withStage("$default")
                .withApiId("local")
                .withDomainName(lower.getOrDefault("host", "127.0.0.1"))
                .withRequestId(UUID.randomUUID().toString())
                .withTime(TIME.format(now))
                .withTimeEpoch(now.toEpochMilli())
                .withHttp(http)
                .build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery == null ? "" : rawQuery)
                .withHeaders(lower)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withBody(base64 ? Base64.getEncoder().encodeToString(body) : text)
                .withIsBase64Encoded(base64)
                .withRequestContext(context)
                .build();
    }

    /** A POST with a JSON body and the given (already lower-case) headers. */
    public static APIGatewayV2HTTPEvent post(String rawPath, Map<String, String> headers, byte[] body) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        h.put("content-type", List.of("application/json"));
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        return of("POST", rawPath, null, h, body, "127.0.0.1");
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
