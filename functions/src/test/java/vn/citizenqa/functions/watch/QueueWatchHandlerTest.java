package vn.citizenqa.functions.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.model.Priority;
import vn.citizenqa.core.store.InProcessStore;
import vn.citizenqa.core.store.MessageKey;
import vn.citizenqa.core.store.NewEscalation;
import vn.citizenqa.core.store.PageRegistration;
import vn.citizenqa.core.store.StoreSettings;
import vn.citizenqa.functions.QueueWatchHandler;
import vn.citizenqa.functions.channel.JsonFields;

/** The queue watch writes, as a CloudWatch embedded metric, how long the oldest OPEN URGENT escalation has waited. */
class QueueWatchHandlerTest {

    private static final Instant T0 = Instant.parse("2026-03-02T03:00:00Z");
    private final InProcessStore store = new InProcessStore(Clock.fixed(T0, ZoneOffset.UTC), StoreSettings.defaults());
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    QueueWatchHandlerTest() {
        store.pages().register(new PageRegistration(Channel.MESSENGER, "p1", "ca-phuong-a", "A", "token-a", null, null));
        store.pages().register(new PageRegistration(Channel.ZALO, "p2", "ca-phuong-b", "B", "token-b", "refresh-b", null));
        store.pages().register(new PageRegistration(Channel.MESSENGER, "p3", "ca-phuong-c", "C", "token-c", null, null));
    }

    private void escalate(String unit, String pageId, String messageId, Priority priority) {
        MessageKey message = new MessageKey(Channel.MESSENGER, messageId);
        store.escalations().create(new NewEscalation(NewEscalation.idFor(message), unit,
                new ConversationKey(Channel.MESSENGER, pageId, "citizen-" + messageId), messageId, T0, priority,
                "test", priority == Priority.URGENT ? Intent.EMERGENCY : Intent.PROCEDURE, "…", "…", List.of()));
    }

    private JsonNode watchAt(Duration later) throws Exception {
        Clock now = Clock.fixed(T0.plus(later), ZoneOffset.UTC);
        Map<String, Object> result = new QueueWatchHandler(new UrgentBacklog(store, now), now,
                new PrintStream(log, true, StandardCharsets.UTF_8)).handleRequest(Map.of("source", "aws.events"), null);
        String line = log.toString(StandardCharsets.UTF_8).strip();
        assertEquals(1, line.lines().count(), "one log line per run");
        JsonNode emf = JsonFields.read(line);
        assertEquals(result.get("oldestOpenUrgentAgeSeconds"), emf.get(QueueWatchHandler.OLDEST_AGE_METRIC).asLong());
        return emf;
    }

    @Test
    void theOldestOpenUrgentEscalationsAgeIsWrittenAsAnEmbeddedMetric() throws Exception {
        escalate("ca-phuong-a", "p1", "m1", Priority.URGENT);
        escalate("ca-phuong-b", "p2", "m2", Priority.NORMAL);
        JsonNode emf = watchAt(Duration.ofMinutes(20));

        assertEquals(1200, emf.get(QueueWatchHandler.OLDEST_AGE_METRIC).asLong());
        assertEquals(1, emf.get(QueueWatchHandler.UNITS_METRIC).asLong(), "only unit a has an URGENT one waiting");
        assertEquals("ca-phuong-a", emf.get("oldestUnit").asText());
        JsonNode directive = emf.path("_aws").path("CloudWatchMetrics").get(0);
        assertEquals(EmbeddedMetrics.NAMESPACE, directive.path("Namespace").asText());
        assertEquals("[[]]", directive.path("Dimensions").toString());
        assertTrue(directive.path("Metrics").valueStream().anyMatch(m -> m.path("Name").asText().equals(QueueWatchHandler.OLDEST_AGE_METRIC)
                && m.path("Unit").asText().equals("Seconds")));
        assertEquals(T0.plus(Duration.ofMinutes(20)).toEpochMilli(), emf.path("_aws").path("Timestamp").asLong());
    }

    @Test
    void aClaimedUrgentEscalationNoLongerCountsAndNoneWaitingWritesZero() throws Exception {
        escalate("ca-phuong-c", "p3", "m3", Priority.URGENT);
        String id = NewEscalation.idFor(new MessageKey(Channel.MESSENGER, "m3"));
        store.escalations().claim(id, "officer-an");
        JsonNode emf = watchAt(Duration.ofHours(1));
        assertEquals(0, emf.get(QueueWatchHandler.OLDEST_AGE_METRIC).asLong());
        assertEquals(0, emf.get(QueueWatchHandler.UNITS_METRIC).asLong());
    }
}
