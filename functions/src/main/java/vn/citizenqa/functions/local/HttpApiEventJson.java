package vn.citizenqa.functions.local;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.fasterxml.jackson.databind.JsonNode;

import vn.citizenqa.functions.channel.JsonFields;

/**
 * Reads an HTTP API (payload 2.0) event from its JSON through the tree model, field by field. Jackson's data
 * binding would do it in one line, but it inspects the event classes by reflection on first use: about half a
 * second of a fresh process's start, for one event.
 */
public final class HttpApiEventJson {

    private HttpApiEventJson() {
    }

    /** The event; fields absent from the JSON stay null (false for {@code isBase64Encoded}). */
    public static APIGatewayV2HTTPEvent read(byte[] json) throws IOException {
        JsonNode root = JsonFields.read(json);
        if (root == null || !root.isObject()) {
            throw new IOException("an HTTP API event is a JSON object");
        }
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion(text(root, "version"));
        event.setRouteKey(text(root, "routeKey"));
        event.setRawPath(text(root, "rawPath"));
        event.setRawQueryString(text(root, "rawQueryString"));
        event.setCookies(strings(root.get("cookies")));
        event.setHeaders(stringMap(root.get("headers")));
        event.setQueryStringParameters(stringMap(root.get("queryStringParameters")));
        event.setPathParameters(stringMap(root.get("pathParameters")));
        event.setStageVariables(stringMap(root.get("stageVariables")));
        event.setBody(text(root, "body"));
        event.setIsBase64Encoded(root.path("isBase64Encoded").asBoolean(false));
        event.setRequestContext(requestContext(root.get("requestContext")));
        return event;
    }

    private static RequestContext requestContext(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        RequestContext c = new RequestContext();
        c.setRouteKey(text(n, "routeKey"));
        c.setAccountId(text(n, "accountId"));
        c.setStage(text(n, "stage"));
        c.setApiId(text(n, "apiId"));
        c.setDomainName(text(n, "domainName"));
        c.setDomainPrefix(text(n, "domainPrefix"));
        c.setTime(text(n, "time"));
        c.setTimeEpoch(n.path("timeEpoch").asLong(0));
        c.setRequestId(text(n, "requestId"));
        JsonNode h = n.get("http");
        if (h != null && h.isObject()) {
            RequestContext.Http http = new RequestContext.Http();
            http.setMethod(text(h, "method"));
            http.setPath(text(h, "path"));
            http.setProtocol(text(h, "protocol"));
            http.setSourceIp(text(h, "sourceIp"));
            http.setUserAgent(text(h, "userAgent"));
            c.setHttp(http);
        }
        c.setAuthorizer(authorizer(n.get("authorizer")));
        return c;
    }

    private static RequestContext.Authorizer authorizer(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        RequestContext.Authorizer a = new RequestContext.Authorizer();
        JsonNode jwt = n.get("jwt");
        if (jwt != null && jwt.isObject()) {
            RequestContext.Authorizer.JWT j = new RequestContext.Authorizer.JWT();
            j.setClaims(stringMap(jwt.get("claims")));
            j.setScopes(strings(jwt.get("scopes")));
            a.setJwt(j);
        }
        JsonNode lambda = n.get("lambda");
        if (lambda != null && lambda.isObject()) {
            Map<String, Object> values = new LinkedHashMap<>();
            lambda.properties().forEach(e -> values.put(e.getKey(), plain(e.getValue())));
            a.setLambda(values);
        }
        JsonNode iam = n.get("iam");
        if (iam != null && iam.isObject()) {
            RequestContext.IAM i = new RequestContext.IAM();
            i.setAccessKey(text(iam, "accessKey"));
            i.setAccountId(text(iam, "accountId"));
            i.setCallerId(text(iam, "callerId"));
            i.setPrincipalOrgId(text(iam, "principalOrgId"));
            i.setUserArn(text(iam, "userArn"));
            i.setUserId(text(iam, "userId"));
            a.setIam(i);
        }
        return a;
    }

    /** A field's text as the event carries it (numbers as their digits), null when absent or null. */
    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : JsonFields.write(v);
    }

    private static Map<String, String> stringMap(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        Map<String, String> m = new LinkedHashMap<>();
        n.properties().forEach(e -> m.put(e.getKey(), e.getValue().isNull() ? null
                : e.getValue().isValueNode() ? e.getValue().asText() : JsonFields.write(e.getValue())));
        return m;
    }

    private static List<String> strings(JsonNode n) {
        if (n == null || !n.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>(n.size());
        n.forEach(v -> out.add(v.isNull() ? null : v.isValueNode() ? v.asText() : JsonFields.write(v)));
        return out;
    }

    private static Object plain(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        Map<String, Object> m;
        if (v.isObject()) {
            m = new LinkedHashMap<>();
            for (var e : v.properties()) {
                m.put(e.getKey(), plain(e.getValue()));
            }
            return m;
        }
        List<Object> list = new ArrayList<>(v.size());
        v.forEach(x -> list.add(plain(x)));
        return list;
    }
}
