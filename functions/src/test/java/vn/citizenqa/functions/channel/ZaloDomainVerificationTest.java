package vn.citizenqa.functions.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.store.InProcessStore;
import vn.citizenqa.functions.WebhookSettings;
import vn.citizenqa.functions.Wiring;

/** Zalo accepts a webhook URL only on a verified domain: GET / carries the meta tag its console gives. */
class ZaloDomainVerificationTest {

    private static WebhookResponse home(Map<String, String> env) {
        Webhook webhook = Wiring.webhook(WebhookSettings.from(env), new InProcessStore(), new vn.citizenqa.core.queue.InProcessQueue(vn.citizenqa.core.queue.QueueSettings.DEFAULT), Clock.systemUTC());
        return webhook.handle(new WebhookRequest("GET", "/", Map.of(), Map.of(), new byte[0], "203.0.113.50"));
    }

    @Test
    void theHomePageCarriesTheConfiguredMetaTag() {
        WebhookResponse page = home(Map.of("ZALO_SITE_VERIFICATION", "Abc_123-xyz"));
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().contains("<meta name=\"zalo-platform-site-verification\" content=\"Abc_123-xyz\" />"), page.body());
    }

    @Test
    void withoutItTheHomePageIsNotFoundAndOnlyAPlainCodeIsAccepted() {
        assertEquals(404, home(Map.of()).status());
        var e = assertThrows(IllegalArgumentException.class, () -> WebhookSettings.from(Map.of("ZALO_SITE_VERIFICATION", "\"><script>")));
        assertTrue(e.getMessage().contains("ZALO_SITE_VERIFICATION"), e.getMessage());
    }
}
