package vn.citizenqa.functions.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.functions.testsupport.TestJson;
import vn.citizenqa.functions.watch.EmbeddedMetrics;

/** A platform's warning or block of a page is counted where template.yaml's alarm reads it. */
class PolicyEnforcementMetricTest {

    @Test
    void aBlockIsOneCountOfTheMetricTheAlarmWatches() throws Exception {
        var block = new InboundMessage.PolicyEnforcement(Channel.MESSENGER, "100000000000001", "block", "spam");
        JsonNode line = TestJson.MAPPER.readTree(Webhook.policyEnforcementMetric(block, Instant.parse("2026-12-01T00:00:00Z")));
        JsonNode directive = line.at("/_aws/CloudWatchMetrics/0");
        assertEquals(EmbeddedMetrics.NAMESPACE, directive.get("Namespace").asText());
        assertEquals(Webhook.POLICY_ENFORCEMENTS, directive.at("/Metrics/0/Name").asText());
        assertEquals(1, line.get(Webhook.POLICY_ENFORCEMENTS).asInt());
        assertEquals("block", line.get("action").asText());
        assertEquals("100000000000001", line.get("pageId").asText());

        String template = Files.readString(Path.of("..", "template.yaml"));
        int alarm = template.indexOf("  PolicyEnforcementAlarm:");
        assertTrue(alarm > 0, "template.yaml declares PolicyEnforcementAlarm");
        String block2 = template.substring(alarm, template.indexOf("AlarmActions", alarm));
        assertTrue(block2.contains("Namespace: " + EmbeddedMetrics.NAMESPACE), block2);
        assertTrue(block2.contains("MetricName: " + Webhook.POLICY_ENFORCEMENTS), block2);
    }
}
