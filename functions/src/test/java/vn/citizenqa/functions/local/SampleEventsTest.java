package vn.citizenqa.functions.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.citizenqa.core.model.Priority;
import vn.citizenqa.core.store.EscalationStatus;
import vn.citizenqa.core.store.Store;
import vn.citizenqa.functions.WebhookHandler;
import vn.citizenqa.functions.WebhookSettings;
import vn.citizenqa.functions.Wiring;

/**
 * Every sample event in events/ does what README says, with the configuration of events/env.json (its API bases
 * pointed at a loopback stand-in): a stale signature or a new event without an expectation fails here.
 */
class SampleEventsTest {

    static final Path EVENTS = Path.of("..", "events");

    /** The status each event gets and how many replies it causes. */
    record Expected(int status, int replies) {
    }

    static final Map<String, Expected> EXPECTED = Map.ofEntries(
            Map.entry("messenger-verify.json", new Expected(200, 0)),
            Map.entry("messenger-text.json", new Expected(200, 1)),
            Map.entry("messenger-quick-reply.json", new Expected(200, 1)),
            Map.entry("messenger-postback.json", new Expected(200, 1)),
            Map.entry("messenger-batch.json", new Expected(200, 3)),
            Map.entry("messenger-echo.json", new Expected(200, 0)),
            Map.entry("messenger-receipts.json", new Expected(200, 0)),
            Map.entry("messenger-sticker.json", new Expected(200, 1)),
            Map.entry("messenger-emergency.json", new Expected(200, 1)),
            Map.entry("messenger-base64.json", new Expected(200, 1)),
            Map.entry("messenger-unknown-page.json", new Expected(200, 0)),
            Map.entry("messenger-forged-signature.json", new Expected(401, 0)),
            Map.entry("messenger-unsigned.json", new Expected(401, 0)),
            Map.entry("zalo-text.json", new Expected(200, 1)),
            Map.entry("zalo-follow.json", new Expected(200, 1)),
            Map.entry("zalo-sticker.json", new Expected(200, 1)),
            Map.entry("zalo-oa-send-text.json", new Expected(200, 0)),
            Map.entry("zalo-probe.json", new Expected(200, 0)),
            Map.entry("zalo-forged-signature.json", new Expected(401, 0)));

    private final ChannelStandIn channels = ChannelStandIn.start(0, null);
    private final Map<String, String> env = environment();

    SampleEventsTest() throws Exception {
    }

    private Map<String, String> environment() {
        Map<String, String> e = new HashMap<>(EnvVars.forFunction(EVENTS.resolve("env.json"), "WebhookFunction"));
        e.put("GRAPH_API_BASE", channels.graphApiBase());
        e.put("ZALO_API_BASE", channels.zaloApiBase());
        e.put("ZALO_OAUTH_BASE", channels.zaloOAuthBase());
        e.put("PAGES_FILE", EVENTS.resolve("pages.json").toString());
        return e;
    }

    @AfterEach
    void stop() {
        channels.close();
    }

    private static List<Path> eventFiles() throws Exception {
        try (Stream<Path> s = Files.list(EVENTS)) {
            return s.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> !List.of("env.json", "pages.json").contains(p.getFileName().toString()))
                    .sorted().toList();
        }
    }

    @Test
    void everySampleEventGetsItsDocumentedStatusAndReplies() throws Exception {
        List<Path> files = eventFiles();
        assertEquals(EXPECTED.keySet(), new java.util.TreeSet<>(files.stream().map(p -> p.getFileName().toString()).toList())
                .stream().collect(java.util.stream.Collectors.toSet()), "every event in events/ has an expectation here");
        for (Path file : files) {
            WebhookSettings settings = WebhookSettings.from(env);
            Store store = Wiring.store(env);
            WebhookHandler handler = new WebhookHandler(Wiring.webhook(settings, store, Clock.systemUTC()));
            int before = channels.deliveries().size();
            var response = handler.handleRequest(InvokeCommand.readEvent(Files.readAllBytes(file)), null);
            Expected expected = EXPECTED.get(file.getFileName().toString());
            assertEquals(expected.status(), response.getStatusCode(), file + ": " + response.getBody());
            assertEquals(expected.replies(), channels.deliveries().size() - before, file.toString());
            if (file.getFileName().toString().equals("messenger-emergency.json")) {
                var queue = store.escalations().queue("ca-phuong-ben-nghe", EscalationStatus.OPEN, null, 10).escalations();
                assertEquals(Priority.URGENT, queue.getFirst().priority());
            }
        }
    }

    @Test
    void theSampleEventsAreSignedWithTheTestSecrets() throws Exception {
        List<Path> stale = new EventSigning(WebhookSettings.from(env)).sign(EVENTS, false);
        assertTrue(stale.isEmpty(), "re-sign with: java -jar functions/target/citizen-qa.jar sign-events  (stale: " + stale + ")");
    }

    @Test
    void invokePrintsTheResponseAsSamLocalInvokeDoes() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        var envFile = Files.createTempFile("env", ".json");
        Files.writeString(envFile, vn.citizenqa.functions.testsupport.TestJson.MAPPER.writeValueAsString(Map.of("WebhookFunction", env)));
        int status = new InvokeCommand().run(List.of("WebhookFunction", EVENTS.resolve("messenger-verify.json").toString(), "--env-vars", envFile.toString()),
                System.in, new java.io.PrintStream(out, true, "UTF-8"), new java.io.PrintStream(err, true, "UTF-8"));
        Files.delete(envFile);
        assertEquals(0, status, err.toString("UTF-8"));
        var printed = vn.citizenqa.functions.testsupport.TestJson.MAPPER.readTree(out.toByteArray());
        assertEquals(200, printed.get("statusCode").asInt());
        assertEquals("1158201444", printed.get("body").asText());
        assertEquals(false, printed.get("isBase64Encoded").asBoolean());
    }
}
