package vn.citizenqa.functions.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.citizenqa.core.model.Candidate;
import vn.citizenqa.core.model.Decision;

/** The decision as JSON, with the reply as drafted: the {@code ask --json} contract of DESIGN.md, field for field. */
public final class DecisionJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DecisionJson() {
    }

    public static ObjectNode toJson(Decision d, String reply) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("intent", d.intent().name());
        o.put("action", d.action().name());
        if (d.procedure() == null) {
            o.putNull("procedure");
        } else {
            o.putObject("procedure").put("id", d.procedure().id()).put("title", d.procedure().title());
        }
        ArrayNode candidates = o.putArray("candidates");
        for (Candidate c : d.candidates()) {
            candidates.addObject().put("id", c.id()).put("title", c.title()).put("score", c.score());
        }
        o.put("confidence", d.confidence());
        if (d.escalation() == null) {
            o.putNull("escalation");
        } else {
            o.putObject("escalation").put("priority", d.escalation().priority().name())
                    .put("reason", d.escalation().reason());
        }
        o.put("reply", reply);
        return o;
    }

    public static String toLine(Decision d, String reply) {
        try {
            return MAPPER.writeValueAsString(toJson(d, reply));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
