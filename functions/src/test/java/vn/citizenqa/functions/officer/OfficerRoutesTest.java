package vn.citizenqa.functions.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The routes the officer API serves are exactly those its OpenAPI description documents. */
class OfficerRoutesTest {

    private final OfficerApiDescription description = new OfficerApiDescription();

    @Test
    void theServedRoutesAreTheDescribedOperations() {
        Set<String> served = Arrays.stream(OfficerRoute.values())
                .map(r -> r.method() + " " + r.template())
                .collect(Collectors.toCollection(LinkedHashSet::new));

        assertEquals(description.operations(), served);
    }

    @Test
    void eachRouteReadsTheDescribedQueryParametersAndBody() {
        for (OfficerRoute route : OfficerRoute.values()) {
            assertEquals(description.queryParameters(route), new LinkedHashSet<>(route.queryParameters()),
                    route + " query parameters");
            assertEquals(description.hasRequestBody(route), route.readsBody(), route + " request body");
        }
    }

    @Test
    void everyRouteDescribesTheAnswersEveryRouteCanGive() {
        for (OfficerRoute route : OfficerRoute.values()) {
            Set<Integer> statuses = description.statuses(route);
            assertTrue(statuses.containsAll(Set.of(401, 403, 503)), route + " declares " + statuses);
            assertTrue(statuses.stream().anyMatch(s -> s / 100 == 2), route + " declares a success");
        }
    }

    @Test
    void theSchemaCheckCatchesBodiesThatBreakTheDescription() throws Exception {
        var mapper = OfficerJson.MAPPER;

        assertEquals(List.of(), description.violations(OfficerRoute.CLAIM, 409,
                mapper.readTree("{\"error\":\"held_by_other\",\"message\":\"a holds it\",\"holder\":\"a\"}")));
        assertEquals(List.of("$.message is required"), description.violations(OfficerRoute.CLAIM, 409,
                mapper.readTree("{\"error\":\"held_by_other\"}")));
        assertEquals(List.of("$.extra is not described",
                "$.error = \"nope\" is not one of " + description.root.at("/components/schemas/Error/properties/error/enum")), description.violations(OfficerRoute.CLAIM, 409,
                mapper.readTree("{\"error\":\"nope\",\"message\":\"m\",\"extra\":1}")));
        assertEquals(List.of("$.units[0].days is not an array"), description.violations(OfficerRoute.STATS, 200,
                mapper.readTree("{\"from\":\"2026-01-01\",\"to\":\"2026-01-01\",\"units\":[{\"unit\":\"u\",\"days\":{},"
                        + "\"total\":{\"day\":null,\"questions\":0,\"answered\":0,\"clarified\":0,\"escalated\":0,"
                        + "\"crimeReports\":0,\"emergencies\":0,\"officerReplies\":0,\"plateLookups\":0,"
                        + "\"firstReplies\":0,\"medianFirstReplySeconds\":null}}],\"total\":{\"day\":null,"
                        + "\"questions\":0,\"answered\":0,\"clarified\":0,\"escalated\":0,\"crimeReports\":0,"
                        + "\"emergencies\":0,\"officerReplies\":0,\"plateLookups\":0,\"firstReplies\":0,"
                        + "\"medianFirstReplySeconds\":null}}")));
        assertEquals(List.of("CLAIM declares no 418 response"), description.violations(OfficerRoute.CLAIM, 418,
                mapper.readTree("{}")));
    }

    @Test
    void pathsMatchTheirTemplatesAndBindTheId() {
        assertEquals(Optional.of(new OfficerRoute.Match(OfficerRoute.CLAIM, Map.of("id", "E12ab"))),
                OfficerRoute.match("POST", "/escalations/E12ab/claim"));
        assertEquals(Optional.of(new OfficerRoute.Match(OfficerRoute.LIST_ESCALATIONS, Map.of())),
                OfficerRoute.match("get", "/escalations/"));
        assertEquals(Optional.empty(), OfficerRoute.match("GET", "/escalations/E1/claim"));
        assertEquals(Optional.empty(), OfficerRoute.match("POST", "/escalations/E1/claim/extra"));
        assertTrue(OfficerRoute.knowsPath("/escalations/E1/claim"));
        assertEquals(false, OfficerRoute.knowsPath("/webhook/messenger"));
    }
}
