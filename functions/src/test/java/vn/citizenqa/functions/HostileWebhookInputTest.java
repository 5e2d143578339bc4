package vn.citizenqa.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.citizenqa.functions.WebhookRig.utf8;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.citizenqa.core.channel.CitizenText;
import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.model.ConversationKey;
import vn.citizenqa.core.store.ConversationMessage;
import vn.citizenqa.core.store.InProcessStore;
import vn.citizenqa.core.store.MessageKey;
import vn.citizenqa.functions.channel.Signed;
import vn.citizenqa.functions.channel.Webhook;
import vn.citizenqa.functions.channel.messenger.MessengerSignature;
import vn.citizenqa.functions.channel.zalo.ZaloSignature;
import vn.citizenqa.functions.testsupport.HostileInputs;
import vn.citizenqa.standin.ChannelStandIn;
import vn.citizenqa.standin.HttpApiEvents;

/**
 * Anyone can post anything to a public page's webhook. Generated hostile requests (fixed seeds, bounded counts) go
 * through the real handler, and each gets the status its kind deserves: 401 unsigned or forged, 400 signed but
 * not the platform's JSON, 413 too large, 200 taken (answered or ignored). Never a 5xx, never a stack trace, never a
 * hang (each call must finish within a generous bound), and never more than one reply per message.
 */
class HostileWebhookInputTest {

    private static final long SEED = 20_261_128L;
    private static final Set<Integer> TAKEN_OR_REFUSED = Set.of(200, 400);

    private final InProcessStore store = new InProcessStore();
    // The same few senders send hundreds of cases here; the rate limit has its own tests (AbuseTest).
    private final WebhookRig rig = new WebhookRig(store, Clock.systemUTC(), Map.of("RATE_LIMIT_PER_MINUTE", "0"));

    @AfterEach
    void stop() {
        rig.close();
    }

    /** Calls the handler, checking what holds for every request whatever it carries; returns the status. */
    private int send(String label, APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> rig.call(event),
                () -> label + ": no answer");
        int status = r.getStatusCode();
        String body = r.getBody() == null ? "" : r.getBody();
        assertTrue(status >= 200 && status < 500, () -> label + " → " + status + " " + body);
        assertFalse(body.contains("Exception") || body.contains("\tat "), () -> label + ": internals in " + body);
        return status;
    }

    private static String label(String family, int n, byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 120), java.nio.charset.StandardCharsets.UTF_8);
        return family + " #" + n + " (seed " + SEED + ", " + body.length + " bytes: " + head + ")";
    }

    @Test
    void randomBytesAndRandomJsonAreRefusedOrIgnoredNeverFailed() {
        Random random = new Random(SEED);
        for (int i = 0; i < 150; i++) {
            byte[] body = HostileInputs.randomBody(random, 2_000);
            String l = label("random", i, body);
            assertEquals(401, send(l + " unsigned to messenger", HttpApiEvents.post("/webhook/messenger", Map.of(), body)));
            assertTrue(TAKEN_OR_REFUSED.contains(send(l + " signed to messenger", WebhookRig.messenger(body))), l);
            assertTrue(Set.of(200, 401).contains(send(l + " unsigned to zalo", HttpApiEvents.post("/webhook/zalo", Map.of(), body))),
                    l);
            assertTrue(Set.of(200, 400, 401).contains(send(l + " signed to zalo", WebhookRig.zalo(body))), l);
        }
        assertEquals(List.of(), rig.channels.deliveries());
    }

    @Test
    void everyTruncationOfARealEventIsRefused() {
        int n = 0;
        for (HostileInputs.Sample sample : HostileInputs.samples(WebhookRig.PAGE, WebhookRig.OA)) {
            byte[] whole = utf8(sample.json());
            APIGatewayV2HTTPEvent original = WebhookRig.signed(sample.path(), whole);
            String originalSignature = original.getHeaders().get(sample.zalo() ? "x-zevent-signature" : "x-hub-signature-256");
            for (int cut = 1; cut < whole.length; cut += 3) {
                byte[] part = java.util.Arrays.copyOf(whole, cut);
                String l = label(sample.name() + " cut at " + cut, n++, part);
                String header = sample.zalo() ? "x-zevent-signature" : "x-hub-signature-256";
                int withWholeSignature = send(l + " with the whole body's signature",
                        HttpApiEvents.post(sample.path(), Map.of(header, originalSignature), part));
                // Messenger's signature covers the bytes; Zalo's needs the body's fields, so unreadable is 400 there.
                assertTrue(sample.zalo() ? Set.of(400, 401).contains(withWholeSignature) : withWholeSignature == 401,
                        l + " → " + withWholeSignature);
                assertEquals(400, send(l + " signed as it is", WebhookRig.signed(sample.path(), part)), l);
            }
        }
        assertEquals(List.of(), rig.channels.deliveries());
    }

    @Test
    void invalidUtf8InASignedEventIsRefusedOrCleanedNeverStoredBroken() {
        List<byte[]> broken = List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0x80},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xE1, (byte) 0x80},
                new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
        int n = 0;
        for (byte[] bad : broken) {
            for (String path : List.of("/webhook/messenger", "/webhook/zalo")) {
                String mid = "utf8_" + n;
                String json = path.endsWith("zalo") ? Signed.zaloText(WebhookRig.OA, "u-utf8", mid, "tạm trú BAD ở đâu")
                        : Signed.messengerText(WebhookRig.PAGE, "u-utf8", mid, "tạm trú BAD ở đâu");
                byte[] body = splice(utf8(json), utf8("BAD"), bad);
                int status = send(label("invalid utf-8 " + HexFormat.of().formatHex(bad), n++, body), WebhookRig.signed(path, body));
                assertTrue(TAKEN_OR_REFUSED.contains(status));
            }
        }
        storedTextsAreClean();
    }

    @Test
    void deeplyNestedJsonIsRefusedWithoutRecursingAway() {
        for (int depth : List.of(100_000, 10_000, 1_001)) {
            for (boolean objects : List.of(true, false)) {
                byte[] body = utf8(HostileInputs.nested(depth, objects));
                assertEquals(400, send("nested " + depth + (objects ? " objects" : " arrays"), WebhookRig.messenger(body)));
                assertEquals(400, send("nested " + depth + " to zalo", WebhookRig.zalo(body)));
            }
        }
        assertEquals(200, send("nested 40", WebhookRig.messenger(utf8(HostileInputs.nested(40, true)))), "shallow nesting is just ignored");
        assertEquals(List.of(), rig.channels.deliveries());
    }

    @Test
    void bodiesOverOneMebibyteAre413BeforeTheirSignatureIsChecked() {
        String text = "đăng ký tạm trú ".repeat(Webhook.MAX_BODY_BYTES / 16);
        byte[] huge = utf8(Signed.messengerText(WebhookRig.PAGE, "u-huge", "m_huge", text));
        assertTrue(huge.length > Webhook.MAX_BODY_BYTES);
        assertEquals(413, send("huge signed", WebhookRig.messenger(huge)));
        assertEquals(413, send("huge unsigned", HttpApiEvents.post("/webhook/messenger", Map.of(), huge)));
        assertEquals(413, send("huge zalo", WebhookRig.zalo(huge)));
        APIGatewayV2HTTPEvent encoded = WebhookRig.messenger(huge);
        encoded.setBody(Base64.getEncoder().encodeToString(huge));
        encoded.setIsBase64Encoded(true);
        assertEquals(413, send("huge base64", encoded));
        assertEquals(List.of(), rig.channels.deliveries());
        assertTrue(store.messages().find(new MessageKey(Channel.MESSENGER, "m_huge")).isEmpty());

        // Just under the limit: a genuine (if absurd) message is answered, its text cut to what is kept.
        String fits = "tạm trú ".repeat(80_000);
        byte[] large = utf8(Signed.messengerText(WebhookRig.PAGE, "u-large", "m_large", fits));
        assertTrue(large.length <= Webhook.MAX_BODY_BYTES);
        assertEquals(200, send("large but within the limit", WebhookRig.messenger(large)));
        assertEquals(1, rig.channels.deliveries().size());
        String stored = citizenMessages(new ConversationKey(Channel.MESSENGER, WebhookRig.PAGE, "u-large")).getFirst().text();
        assertTrue(stored.codePointCount(0, stored.length()) <= CitizenText.MAX_LENGTH + 1, "kept: " + stored.length());
    }

    @Test
    void everyFieldOfEveryKindOfEventGivenEveryWrongTypeIsTakenOrRefused() {
        int n = 0;
        for (HostileInputs.Sample sample : HostileInputs.samples(WebhookRig.PAGE, WebhookRig.OA)) {
            for (HostileInputs.Mutation m : HostileInputs.mutations(sample.json(), HostileInputs.wrongValues())) {
                // A fresh message id per case (unless the case replaces it), so every case runs the whole path.
                String json = m.json().replace("\"m_", "\"m" + n + "_").replace("\"z_", "\"z" + n + "_");
                int before = rig.channels.deliveries().size();
                String l = sample.name() + " " + m.path() + " = " + abbreviate(m.value().toString()) + " (case " + n++ + ")";
                int status = send(l, WebhookRig.signed(sample.path(), utf8(json)));
                boolean timestampChanged = sample.zalo() && m.path().startsWith("[timestamp");
                assertTrue(TAKEN_OR_REFUSED.contains(status) || (timestampChanged && status == 401), l + " → " + status);
                assertTrue(rig.channels.deliveries().size() - before <= 1, l + ": more than one reply");
            }
        }
        assertTrue(n > 1_000, "cases: " + n);
        storedTextsAreClean();
    }

    @Test
    void strangeWordsAreAnsweredOnceStoredCleanAndNeverEchoed() {
        int n = 0;
        for (var e : HostileInputs.strangeTexts().entrySet()) {
            for (String path : List.of("/webhook/messenger", "/webhook/zalo")) {
                String user = "u-strange-" + n;
                String json = path.endsWith("zalo") ? Signed.zaloText(WebhookRig.OA, user, "z_strange_" + n, e.getValue())
                        : Signed.messengerText(WebhookRig.PAGE, user, "m_strange_" + n, e.getValue());
                int before = rig.channels.deliveries().size();
                assertEquals(200, send(e.getKey() + " to " + path, WebhookRig.signed(path, utf8(json))), e.getKey());
                List<ChannelStandIn.Delivery> replies = rig.channels.deliveries().subList(before, rig.channels.deliveries().size());
                assertEquals(e.getKey().equals("invisible-only") ? 0 : 1, replies.size(), e.getKey() + " on " + path);
                for (ChannelStandIn.Delivery reply : replies) {
                    for (String marker : List.of("<script", "onerror", "DROP TABLE", "jndi", "{{7*7}}", "SEVERE", "Привет")) {
                        assertFalse(reply.text().contains(marker), e.getKey() + ": the reply echoes " + marker);
                    }
                }
                n++;
            }
        }
        storedTextsAreClean();
    }

    @Test
    void forgedSignaturesNeverPass() {
        Random random = new Random(SEED + 1);
        byte[] body = utf8(Signed.messengerText(WebhookRig.PAGE, "u-forged", "m_forged", "Đăng ký tạm trú cần giấy tờ gì?"));
        String right = new MessengerSignature(Signed.MESSENGER_APP_SECRET).sign(body);
        byte[] zaloBody = utf8(Signed.zaloText(WebhookRig.OA, "u-forged", "z_forged", "Đăng ký tạm trú cần giấy tờ gì?"));
        String zaloRight = new ZaloSignature(Signed.ZALO_APP_ID, Signed.ZALO_OA_SECRET).sign(zaloBody, Signed.NOW_MILLIS);
        List<String> messengerForgeries = new java.util.ArrayList<>(List.of(
                "", "sha256=", "sha1=" + right.substring(7, 47), right.substring(7) + "00", right + right,
                "sha256=" + right.substring(7, 70), right.substring(0, right.length() - 1),
                new MessengerSignature(Signed.MESSENGER_VERIFY_TOKEN).sign(body),
                new MessengerSignature(Signed.MESSENGER_APP_SECRET).sign(utf8(new String(body, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("u-forged", "u-forgee"))),
                "sha256=" + "0".repeat(64), "sha256=" + "x".repeat(10_000), "sha256=" + right.substring(7).toUpperCase() + " "));
        List<String> zaloForgeries = new java.util.ArrayList<>(List.of(
                "", "mac=", "mac=" + "0".repeat(64), zaloRight + "0", zaloRight.substring(0, zaloRight.length() - 2),
                new ZaloSignature(Signed.ZALO_APP_ID, Signed.ZALO_OA_SECRET).sign(zaloBody, "1"),
                new ZaloSignature("1", Signed.ZALO_OA_SECRET).sign(zaloBody, Signed.NOW_MILLIS),
                "mac=" + sha256Hex(zaloBody), "mac=" + "x".repeat(10_000)));
        for (int i = 0; i < 60; i++) {
            messengerForgeries.add(flipOneHexDigit(right, random));
            zaloForgeries.add(flipOneHexDigit(zaloRight, random));
            messengerForgeries.add("sha256=" + HexFormat.of().formatHex(randomBytes(random, 32)));
        }
        for (String forged : messengerForgeries) {
            if (forged.equalsIgnoreCase(right) || forged.strip().equalsIgnoreCase(right)) {
                continue;
            }
            assertEquals(401, send("forged " + abbreviate(forged), HttpApiEvents.post("/webhook/messenger",
                    Map.of("x-hub-signature-256", forged), body)), forged);
        }
        for (String forged : zaloForgeries) {
            assertEquals(401, send("forged zalo " + abbreviate(forged), HttpApiEvents.post("/webhook/zalo",
                    Map.of("x-zevent-signature", forged), zaloBody)), forged);
        }
        assertEquals(List.of(), rig.channels.deliveries());
        assertTrue(store.messages().find(new MessageKey(Channel.MESSENGER, "m_forged")).isEmpty());
        assertTrue(store.messages().find(new MessageKey(Channel.ZALO, "z_forged")).isEmpty());
    }

    @Test
    void aReplayedOldZaloEventIsIgnoredWhileZalosOwnRetriesAreAnswered() {
        Instant now = Instant.now();
        String replayedAt = Long.toString(now.minus(Duration.ofHours(4)).toEpochMilli());
        byte[] replay = utf8(Signed.zaloText(WebhookRig.OA, "u-replay", "z_replay", "Làm hộ chiếu mất bao lâu?")
                .replace(Signed.NOW_MILLIS, replayedAt));
        var ignored = rig.call(WebhookRig.zalo(replay));
        assertEquals(200, ignored.getStatusCode(), "nothing for Zalo to retry");
        assertTrue(ignored.getBody().contains("ignored"), ignored.getBody());
        assertEquals(List.of(), rig.channels.deliveries());
        assertTrue(store.messages().find(new MessageKey(Channel.ZALO, "z_replay")).isEmpty(), "nothing stored");

        String lastRetryAt = Long.toString(now.minus(Duration.ofMinutes(110)).toEpochMilli());
        byte[] retry = utf8(Signed.zaloText(WebhookRig.OA, "u-replay", "z_retry", "Làm hộ chiếu mất bao lâu?")
                .replace(Signed.NOW_MILLIS, lastRetryAt));
        assertEquals(200, rig.call(WebhookRig.zalo(retry)).getStatusCode());
        assertEquals(200, rig.call(WebhookRig.zalo(retry)).getStatusCode());
        assertEquals(1, rig.channels.deliveries().size(), "Zalo's last retry is answered, once");
    }

    // ---- helpers ----

    /** Every citizen message stored holds text that can be written anywhere: no controls, no broken characters. */
    private void storedTextsAreClean() {
        for (String page : List.of(WebhookRig.PAGE, WebhookRig.OA)) {
            // The users of these tests are known by prefix; look at what the store kept for each conversation seen.
            rig.channels.deliveries().stream().map(ChannelStandIn.Delivery::recipientId).distinct().forEach(user -> {
                Channel channel = page.equals(WebhookRig.PAGE) ? Channel.MESSENGER : Channel.ZALO;
                for (ConversationMessage m : store.conversations().recent(new ConversationKey(channel, page, user), 50)) {
                    assertClean(m.text());
                }
            });
        }
    }

    private List<ConversationMessage> citizenMessages(ConversationKey conversation) {
        return store.conversations().recent(conversation, 50).stream()
                .filter(m -> m.author() == vn.citizenqa.core.store.Author.CITIZEN).toList();
    }

    static void assertClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int at = i;
            assertFalse(Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r', () -> "control U+"
                    + Integer.toHexString(c) + " at " + at);
            if (Character.isHighSurrogate(c)) {
                assertTrue(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)), "unpaired surrogate at " + i);
                i++;
            } else {
                assertFalse(Character.isLowSurrogate(c), "unpaired surrogate at " + i);
            }
            assertFalse(c >= '\u202A' && c <= '\u202E', "bidi override at " + i);
        }
    }

    private static byte[] splice(byte[] body, byte[] marker, byte[] with) {
        String s = HexFormat.of().formatHex(body);
        String m = HexFormat.of().formatHex(marker);
        return HexFormat.of().parseHex(s.replace(m, HexFormat.of().formatHex(with)));
    }

    private static String flipOneHexDigit(String signature, Random random) {
        int prefix = signature.indexOf('=') + 1;
        int at = prefix + random.nextInt(signature.length() - prefix);
        char c = signature.charAt(at);
        char other = "0123456789abcdef".charAt((Character.digit(c, 16) + 1 + random.nextInt(15)) % 16);
        return signature.substring(0, at) + other + signature.substring(at + 1);
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…(" + s.length() + ")";
    }
}
