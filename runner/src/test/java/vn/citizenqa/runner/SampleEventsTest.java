package vn.citizenqa.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.citizenqa.functions.WebhookSettings;
import vn.citizenqa.functions.channel.JsonFields;
import vn.citizenqa.standin.ChannelStandIn;

/**
 * Every sample event in events/ goes through {@code invoke} — template.yaml's handler and environment, the
 * configuration of events/env.json with its API bases pointed at a loopback stand-in — and gets the status listed
 * here (and causes the listed number of replies). A new event without a line here, or a stale signature, fails.
 */
class SampleEventsTest {

    static final Path EVENTS = Path.of("..", "events");

    /** The function an event is for, the HTTP status it gets (0: not an HTTP function) and how many replies it causes. */
    record Expected(String function, int status, int replies) {
    }

    private static Expected webhook(int status, int replies) {
        return new Expected("WebhookFunction", status, replies);
    }

    private static Expected officer(int status) {
        return new Expected("OfficerApiFunction", status, 0);
    }

    static final Map<String, Expected> EXPECTED = Map.ofEntries(
            Map.entry("messenger-verify.json", webhook(200, 0)),
            Map.entry("messenger-text.json", webhook(200, 1)),
            Map.entry("messenger-quick-reply.json", webhook(200, 1)),
            Map.entry("messenger-postback.json", webhook(200, 1)),
            Map.entry("messenger-batch.json", webhook(200, 3)),
            Map.entry("messenger-echo.json", webhook(200, 0)),
            Map.entry("messenger-receipts.json", webhook(200, 0)),
            Map.entry("messenger-sticker.json", webhook(200, 1)),
            Map.entry("messenger-emergency.json", webhook(200, 1)),
            Map.entry("messenger-base64.json", webhook(200, 1)),
            Map.entry("messenger-unknown-page.json", webhook(200, 0)),
            Map.entry("messenger-forged-signature.json", webhook(401, 0)),
            Map.entry("messenger-unsigned.json", webhook(401, 0)),
            Map.entry("zalo-text.json", webhook(200, 1)),
            Map.entry("zalo-follow.json", webhook(200, 1)),
            Map.entry("zalo-sticker.json", webhook(200, 1)),
            Map.entry("zalo-oa-send-text.json", webhook(200, 0)),
            Map.entry("zalo-probe.json", webhook(200, 0)),
            Map.entry("zalo-forged-signature.json", webhook(401, 0)),
            Map.entry("zalo-domain-verification.json", webhook(200, 0)),
            Map.entry("officer-queue.json", officer(200)),
            Map.entry("officer-queue-bad-status.json", officer(400)),
            Map.entry("officer-queue-supervisor-unit.json", officer(200)),
            Map.entry("officer-queue-no-claims.json", officer(401)),
            Map.entry("officer-queue-not-an-officer.json", officer(403)),
            Map.entry("officer-escalation-unknown.json", officer(404)),
            Map.entry("officer-claim-unknown.json", officer(404)),
            Map.entry("officer-reply-unknown.json", officer(404)),
            Map.entry("officer-reply-malformed-json.json", officer(400)),
            Map.entry("officer-close-unknown.json", officer(404)),
            Map.entry("officer-suggest-unknown.json", officer(404)),
            Map.entry("officer-stats.json", officer(200)),
            Map.entry("officer-stats-bad-range.json", officer(400)),
            Map.entry("console-folder.json", officer(308)),
            Map.entry("console-page.json", officer(200)),
            Map.entry("console-config.json", officer(200)),
            Map.entry("schedule-queue-watch.json", new Expected("QueueWatchFunction", 0, 0)));

    private final ChannelStandIn channels = ChannelStandIn.start(0, null);
    private final Path envFile = envFile();

    SampleEventsTest() throws Exception {
    }

    /** events/env.json with the API bases pointed at this test's stand-in and the pages file found from here. */
    private Path envFile() throws Exception {
        ObjectNode env = (ObjectNode) JsonFields.read(Files.readAllBytes(EVENTS.resolve("env.json")));
        env.properties().forEach(section -> {
            ObjectNode vars = (ObjectNode) section.getValue();
            if (vars.has("GRAPH_API_BASE")) {
                vars.put("GRAPH_API_BASE", channels.graphApiBase());
                vars.put("ZALO_API_BASE", channels.zaloApiBase());
                vars.put("ZALO_OAUTH_BASE", channels.zaloOAuthBase());
            }
            if (vars.has("PAGES_FILE")) {
                vars.put("PAGES_FILE", EVENTS.resolve("pages.json").toString());
            }
        });
        Path file = Files.createTempFile("env", ".json");
        Files.writeString(file, JsonFields.write(env));
        return file;
    }

    @AfterEach
    void stop() throws Exception {
        channels.close();
        Files.deleteIfExists(envFile);
    }

    static List<Path> eventFiles() throws Exception {
        try (Stream<Path> s = Files.list(EVENTS)) {
            return s.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> !List.of("env.json", "pages.json").contains(p.getFileName().toString()))
                    .sorted().toList();
        }
    }

    /** What {@code invoke} printed and returned. */
    record Invoked(int exitStatus, JsonNode printed, String errors) {
    }

    static Invoked invoke(List<String> args, InputStream stdin) throws Exception {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        // An empty shell: only what template.yaml and the --env-vars file say reaches the function.
        int status = new InvokeCommand(Map.of()).run(args, stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        return new Invoked(status, printed.isBlank() ? null : JsonFields.read(printed), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everySampleEventGetsItsListedStatusAndRepliesThroughInvoke() throws Exception {
        Set<String> files = eventFiles().stream().map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(EXPECTED.keySet()), files, "every event in events/ has a line here");
        for (Path file : eventFiles()) {
            Expected expected = EXPECTED.get(file.getFileName().toString());
            int before = channels.deliveries().size();
            Invoked invoked = invoke(List.of(expected.function(), file.toString(), "--template", TemplateTest.TEMPLATE.toString(),
                    "--env-vars", envFile.toString()), InputStream.nullInputStream());
            assertEquals(0, invoked.exitStatus(), file + ": " + invoked.errors() + invoked.printed());
            if (expected.status() > 0) {
                assertEquals(expected.status(), invoked.printed().path("statusCode").asInt(), file + ": " + invoked.printed());
            } else {
                // The queue watch over the pages of events/pages.json (one unit), with nothing escalated yet.
                assertEquals(1, invoked.printed().path("unitsLooked").asInt(), invoked.printed().toString());
                assertEquals(0, invoked.printed().path("oldestOpenUrgentAgeSeconds").asInt(), invoked.printed().toString());
            }
            assertEquals(expected.replies(), channels.deliveries().size() - before, file + ": replies sent");
        }
    }

    @Test
    void theSampleEventsAreSignedWithTheTestSecrets() throws Exception {
        var env = EnvVars.forFunction(EVENTS.resolve("env.json"), "WebhookFunction");
        List<Path> stale = new EventSigning(WebhookSettings.from(env)).sign(EVENTS, false);
        assertTrue(stale.isEmpty(), "re-sign with: java -jar functions/target/citizen-qa.jar sign-events  (stale: " + stale + ")");
    }

    @Test
    void invokePrintsTheResponseAsSamLocalInvokeDoes() throws Exception {
        Invoked invoked = invoke(List.of("WebhookFunction", EVENTS.resolve("messenger-verify.json").toString(),
                "--template", TemplateTest.TEMPLATE.toString(), "--env-vars", envFile.toString()), InputStream.nullInputStream());
        assertEquals(0, invoked.exitStatus(), invoked.errors());
        assertEquals(200, invoked.printed().get("statusCode").asInt());
        assertEquals("1158201444", invoked.printed().get("body").asText());
        assertEquals(false, invoked.printed().get("isBase64Encoded").asBoolean());
    }

    @Test
    void invokeReadsTheEventFromStandardInputWhenTheFileIsADash() throws Exception {
        Invoked invoked = invoke(List.of("OfficerApiFunction", "-", "--template", TemplateTest.TEMPLATE.toString(),
                "--env-vars", envFile.toString()), Files.newInputStream(EVENTS.resolve("officer-queue-not-an-officer.json")));
        assertEquals(403, invoked.printed().get("statusCode").asInt(), invoked.errors());
    }

    @Test
    void invokeSaysWhatIsWrongInsteadOfRunningAFunctionTheTemplateLacks() throws Exception {
        Invoked unknown = invoke(List.of("NoSuchFunction", EVENTS.resolve("officer-queue.json").toString(),
                "--template", TemplateTest.TEMPLATE.toString()), InputStream.nullInputStream());
        assertEquals(2, unknown.exitStatus());
        assertTrue(unknown.errors().contains("no function 'NoSuchFunction'") && unknown.errors().contains("WebhookFunction"),
                unknown.errors());
        Invoked noTemplate = invoke(List.of("WebhookFunction", EVENTS.resolve("officer-queue.json").toString(),
                "--template", "no-such-template.yaml"), InputStream.nullInputStream());
        assertEquals(2, noTemplate.exitStatus());
        assertTrue(noTemplate.errors().contains("--template"), noTemplate.errors());
    }
}
