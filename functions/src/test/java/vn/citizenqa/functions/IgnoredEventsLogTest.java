package vn.citizenqa.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.citizenqa.core.store.InProcessStore;
import vn.citizenqa.functions.channel.Signed;

/** What the webhook does not answer is logged at INFO by its kind, never with the words it carried. */
class IgnoredEventsLogTest {

    private static final String WORDS = "nhà tôi ở số 12 ngõ 5, gọi 0912345678";

    private final WebhookRig rig = new WebhookRig(new InProcessStore(), Clock.systemUTC());
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger log = Logger.getLogger("citizenqa.conversation");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    IgnoredEventsLogTest() {
        log.addHandler(capture);
    }

    @AfterEach
    void close() {
        log.removeHandler(capture);
        rig.close();
    }

    private String formatted(LogRecord r) {
        return new java.util.logging.SimpleFormatter().formatMessage(r);
    }

    @Test
    void anEchoAndAPolicyWarningAreLoggedByKindAtTheirLevelWithoutTheirWords() throws Exception {
        String echo = "{\"object\":\"page\",\"entry\":[{\"id\":\"" + WebhookRig.PAGE + "\",\"messaging\":[{\"sender\":{\"id\":\""
                + WebhookRig.PAGE + "\"},\"recipient\":{\"id\":\"u1\"},\"timestamp\":1,\"message\":{\"is_echo\":true,\"mid\":\"m_echo\","
                + "\"text\":" + Signed.quote(WORDS) + "}}]}]}";
        assertEquals(200, rig.call(WebhookRig.messenger(WebhookRig.utf8(echo))).getStatusCode());
        assertEquals(200, rig.call(WebhookRig.messenger(WebhookRig.utf8(Signed.fixture("messenger-policy-enforcement.json"))))
                .getStatusCode());

        assertTrue(records.stream().anyMatch(r -> r.getLevel() == Level.INFO && formatted(r).contains("echo ignored")),
                records.stream().map(this::formatted).toList().toString());
        assertTrue(records.stream().anyMatch(r -> r.getLevel() == Level.WARNING && formatted(r).contains("warning")
                && formatted(r).contains(WebhookRig.PAGE)));
        assertTrue(records.stream().noneMatch(r -> formatted(r).contains("0912345678") || formatted(r).contains("ngõ 5")));
    }
}
