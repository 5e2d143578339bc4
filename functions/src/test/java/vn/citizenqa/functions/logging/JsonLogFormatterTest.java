package vn.citizenqa.functions.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.citizenqa.functions.testsupport.TestJson;

class JsonLogFormatterTest {

    private final JsonLogFormatter formatter = new JsonLogFormatter();

    @AfterEach
    void clear() {
        LogContext.end();
    }

    private static LogRecord record(Level level, String message, Object... params) {
        LogRecord r = new LogRecord(level, message);
        r.setLoggerName("citizenqa.test");
        r.setParameters(params);
        return r;
    }

    @Test
    void aRecordIsOneJsonLineWithTheRequestsFields() throws Exception {
        LogContext.begin("req-1");
        LogContext.put(LogContext.Field.CHANNEL, "zalo");
        LogContext.put(LogContext.Field.OUTCOME, "rejected");
        String line = formatter.format(record(Level.WARNING, "{0} webhook: rejected, \"quoted\"\nsecond line", "zalo"));

        assertTrue(line.endsWith(System.lineSeparator()));
        assertEquals(1, line.strip().lines().count(), "a newline in a message stays inside the JSON string");
        JsonNode json = TestJson.MAPPER.readTree(line);
        assertEquals("WARN", json.path("level").asText());
        assertEquals("citizenqa.test", json.path("logger").asText());
        assertEquals("zalo webhook: rejected, \"quoted\"\nsecond line", json.path("message").asText());
        assertEquals("req-1", json.path("requestId").asText());
        assertEquals("zalo", json.path("channel").asText());
        assertEquals("rejected", json.path("outcome").asText());
        assertFalse(json.has("unit"), "a field not set is left out");
    }

    @Test
    void aFailureGivesItsTypeAndMessageOnTheSameLine() throws Exception {
        LogRecord r = record(Level.SEVERE, "officer API failed");
        r.setThrown(new IllegalStateException("the table is gone"));
        JsonNode json = TestJson.MAPPER.readTree(formatter.format(r));
        assertEquals("ERROR", json.path("level").asText());
        assertEquals(IllegalStateException.class.getName(), json.path("errorType").asText());
        assertEquals("the table is gone", json.path("errorMessage").asText());
        assertFalse(json.has("requestId"), "no request, no request id");
    }

    @Test
    void levelsUseLambdasNamesBothWays() {
        assertEquals("DEBUG", JsonLogFormatter.levelName(Level.FINE));
        assertEquals("TRACE", JsonLogFormatter.levelName(Level.FINEST));
        assertEquals("INFO", JsonLogFormatter.levelName(Level.INFO));
        assertEquals(Level.FINE, JsonLogFormatter.level("debug"));
        assertEquals(Level.WARNING, JsonLogFormatter.level("WARN"));
        assertEquals(Level.SEVERE, JsonLogFormatter.level("FATAL"));
        assertEquals(Level.INFO, JsonLogFormatter.level(null));
    }
}
