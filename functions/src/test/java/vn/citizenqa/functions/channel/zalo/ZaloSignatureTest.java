package vn.citizenqa.functions.channel.zalo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ZaloSignatureTest {

    private static final String APP_ID = "360846524940903967";
    private static final String TIMESTAMP = "1543908534740";
    private final ZaloSignature signature = new ZaloSignature(APP_ID, "oa-secret");
    private final byte[] body = ("{\"event_name\":\"user_send_text\",\"timestamp\":\"" + TIMESTAMP + "\"}").getBytes(StandardCharsets.UTF_8);
    // printf '%s' '360846524940903967{"event_name":"user_send_text","timestamp":"1543908534740"}1543908534740oa-secret' | sha256sum
    private static final String EXPECTED = "b2e2526dba97512bbf1a5683a1c6e81c555e04255d99cad7ab276fb9de500064";

    @Test
    void isAPlainSha256OfAppIdBodyTimestampAndSecret() {
        assertEquals("mac=" + EXPECTED, signature.sign(body, TIMESTAMP));
    }

    @Test
    void acceptsTheValueWithOrWithoutTheMacPrefix() {
        assertTrue(signature.verify(body, TIMESTAMP, "mac=" + EXPECTED));
        assertTrue(signature.verify(body, TIMESTAMP, EXPECTED));
        assertTrue(signature.verify(body, TIMESTAMP, " MAC=" + EXPECTED.toUpperCase() + " "));
    }

    @Test
    void rejectsAnotherAppAnotherSecretAnotherTimestampOrBody() {
        assertFalse(new ZaloSignature("1", "oa-secret").verify(body, TIMESTAMP, EXPECTED));
        assertFalse(new ZaloSignature(APP_ID, "other").verify(body, TIMESTAMP, EXPECTED));
        assertFalse(signature.verify(body, "1543908534741", EXPECTED));
        assertFalse(signature.verify((new String(body, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8), TIMESTAMP, EXPECTED));
        assertFalse(signature.verify(body, null, EXPECTED));
        assertFalse(signature.verify(body, TIMESTAMP, "mac="));
    }
}
