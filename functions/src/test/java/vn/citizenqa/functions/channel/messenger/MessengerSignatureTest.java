package vn.citizenqa.functions.channel.messenger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MessengerSignatureTest {

    private final MessengerSignature signature = new MessengerSignature("app-secret");
    private final byte[] body = "{\"object\":\"page\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void matchesAnHmacComputedIndependently() {
        // openssl: printf '%s' '{"object":"page","entry":[]}' | openssl dgst -sha256 -hmac app-secret
        String expected = "sha256=e6e9d7a842a48e17f43a34d6125d0d933e2aab92ee37f0993a4d493b50e3d438";
        assertEquals(expected, signature.sign(body));
        assertTrue(signature.verify(body, expected));
    }

    @Test
    void acceptsUpperCaseHexAndPrefix() {
        assertTrue(signature.verify(body, signature.sign(body).toUpperCase()));
    }

    @Test
    void rejectsAnotherSecretAChangedBodyAndMissingPrefix() {
        String sig = signature.sign(body);
        assertFalse(new MessengerSignature("other-secret").verify(body, sig));
        assertFalse(signature.verify("{\"object\":\"page\",\"entry\":[] }".getBytes(StandardCharsets.UTF_8), sig));
        assertFalse(signature.verify(body, sig.substring("sha256=".length())));
        assertFalse(signature.verify(body, "sha1=" + sig.substring("sha256=".length())));
        assertFalse(signature.verify(body, null));
        assertFalse(signature.verify(body, "sha256="));
    }
}
