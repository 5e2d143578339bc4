package vn.citizenqa.functions.officer;

import java.util.Map;
import java.util.Objects;
import java.lang.System.Logger.Level;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.citizenqa.core.officer.Officer;
import vn.citizenqa.core.officer.OfficerDesk;
import vn.citizenqa.core.officer.OfficerRequestRefused;
import vn.citizenqa.core.officer.Refusal;
import vn.citizenqa.core.store.StoreUnavailableException;
import vn.citizenqa.functions.logging.LogContext;

/**
 * The officer routes over the {@link OfficerDesk}: finds the route, reads the caller from the claims, reads the
 * query and the JSON body, and turns the desk's answer or refusal into a status and a JSON body. Every failure
 * answers {@code {"error": code, "message": words}}, never a stack trace.
 */
public final class OfficerApi {

    private static final System.Logger LOG = System.getLogger(OfficerApi.class.getName());
    /** The largest body read (64 KiB): a reply is at most 2000 characters, so anything near this is not an officer's. */
    public static final int MAX_BODY_CHARS = 64 * 1024;
    /** The largest violation list read in one request (2 MiB, some 15,000 lines); larger lists are split. */
    public static final int MAX_FILE_CHARS = 2 * 1024 * 1024;

    private final OfficerDesk desk;

    public OfficerApi(OfficerDesk desk) {
        this.desk = Objects.requireNonNull(desk, "desk");
    }

    /** One request as the handler got it; the claims are those the authorizer verified (null when none). */
    public record Request(String method, String path, Map<String, String> query, Map<String, String> claims,
                          String body) {

        public Request {
            query = query == null ? Map.of() : query;
        }
    }

    public record Response(int status, ObjectNode body) {

        public String json() {
            try {
                return OfficerJson.MAPPER.writeValueAsString(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a tree of plain nodes always serialises", e);
            }
        }
    }

    public Response handle(Request request) {
        var match = OfficerRoute.match(request.method(), request.path());
        if (match.isEmpty()) {
            return OfficerRoute.knowsPath(request.path())
                    ? failure(405, "method_not_allowed", request.method() + " is not served on " + request.path())
                    : failure(404, "not_found", "no route " + request.method() + " " + request.path());
        }
        Officer officer;
        switch (OfficerClaims.caller(request.claims())) {
            case OfficerClaims.Caller.Known(Officer o) -> {
                officer = o;
                LogContext.put(LogContext.Field.UNIT, o.unit());
            }
            case OfficerClaims.Caller.Unauthenticated(String message) -> {
                return failure(401, "unauthorized", message);
            }
            case OfficerClaims.Caller.NotAnOfficer(String message) -> {
                return failure(403, "forbidden", message);
            }
        }
        int limit = match.get().route() == OfficerRoute.IMPORT_VIOLATIONS ? MAX_FILE_CHARS : MAX_BODY_CHARS;
        if (request.body() != null && request.body().length() > limit) {
            return failure(413, "payload_too_large", "the body is larger than " + limit + " characters");
        }
        try {
            desk.admit(officer);
            return serve(match.get(), officer, request);
        } catch (OfficerRequestRefused e) {
            return refused(e.refusal());
        } catch (BadBody e) {
            return failure(400, e.code, e.getMessage());
        } catch (StoreUnavailableException e) {
            LOG.log(Level.WARNING, "store unavailable: " + e.getMessage());
            return failure(503, "unavailable", "the store cannot be reached just now; try again in a moment");
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "officer API failed on " + match.get().route(), e);
            return failure(500, "internal", "something went wrong on our side; nothing more was done");
        }
    }

    private Response serve(OfficerRoute.Match match, Officer officer, Request request) {
        Map<String, String> q = request.query();
        String id = match.pathParameters().get("id");
        return switch (match.route()) {
            case LIST_ESCALATIONS -> ok(OfficerJson.queue(
                    desk.queue(officer, q.get("status"), q.get("cursor"), q.get("limit"), q.get("unit"))));
            case GET_ESCALATION -> ok(OfficerJson.detail(desk.detail(officer, id)));
            case CLAIM -> ok(OfficerJson.detail(desk.claim(officer, id)));
            case REPLY -> {
                JsonNode body = body(request.body());
                yield ok(OfficerJson.replied(desk.reply(officer, id, text(body, "text"), text(body, "procedureId"))));
            }
            case CLOSE -> {
                JsonNode body = body(request.body());
                yield ok(OfficerJson.detail(desk.close(officer, id, text(body, "reason"))));
            }
            case SUGGEST -> {
                JsonNode body = body(request.body());
                yield new Response(201, OfficerJson.suggestion(desk.suggest(officer, id, text(body, "procedureId"),
                        text(body, "question"), text(body, "answer"))));
            }
            case STATS -> ok(OfficerJson.stats(desk.stats(officer, q.get("from"), q.get("to"), q.get("unit"))));
            case LIST_UNITS -> ok(OfficerJson.units(desk.units(officer)));
            case LIST_PROCEDURES -> ok(OfficerJson.procedures(desk.procedures(q.get("q"), q.get("limit"))));
            case IMPORT_VIOLATIONS -> ok(OfficerJson.imported(desk.importViolations(officer, q.get("unit"),
                    request.body())));
        };
    }

    private static Response refused(Refusal refusal) {
        return switch (refusal) {
            case Refusal.Forbidden r -> new Response(403, OfficerJson.error("forbidden", r));
            case Refusal.NotFound r -> new Response(404, OfficerJson.error("not_found", r));
            case Refusal.InvalidRequest r -> new Response(400, OfficerJson.error("invalid_request", r));
            case Refusal.InvalidStatus r -> new Response(400, OfficerJson.error("invalid_status", r));
            case Refusal.InvalidCursor r -> new Response(400, OfficerJson.error("invalid_cursor", r));
            case Refusal.UnknownProcedure r -> new Response(400, OfficerJson.error("unknown_procedure", r));
            case Refusal.HeldByOther r -> new Response(409, OfficerJson.error("held_by_other", r));
            case Refusal.Closed r -> new Response(409, OfficerJson.error("closed", r));
            case Refusal.ReplyWindowClosed r -> new Response(409, OfficerJson.error("reply_window_closed", r));
            case Refusal.ChannelFailed r -> new Response(502, OfficerJson.error("channel_failed", r));
            case Refusal.InvalidFile r -> new Response(400, OfficerJson.error("invalid_file", r));
        };
    }

    private static JsonNode body(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new BadBody("malformed_json", "a JSON object body is required");
        }
        JsonNode node;
        try {
            node = OfficerJson.MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new BadBody("malformed_json", "the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadBody("malformed_json", "the body must be a JSON object");
        }
        return node;
    }

    /** A string field, or null when absent or null; any other JSON type is refused. */
    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new BadBody("invalid_request", field + " must be a string");
        }
        return v.textValue();
    }

    /** 413: the body is over {@link #MAX_BODY_CHARS}. */
    public static Response tooLarge() {
        return failure(413, "payload_too_large", "the body is larger than " + MAX_BODY_CHARS + " characters");
    }

    private static Response ok(ObjectNode body) {
        return new Response(200, body);
    }

    private static Response failure(int status, String code, String message) {
        return new Response(status, OfficerJson.error(code, message));
    }

    /** A request body the desk never sees: not JSON, not an object, a field of the wrong type. */
    private static final class BadBody extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String code;

        BadBody(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
