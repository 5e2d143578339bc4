package vn.citizenqa.functions.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.citizenqa.core.model.Channel;
import vn.citizenqa.functions.channel.Signed;
import vn.citizenqa.functions.channel.messenger.MessengerSignature;
import vn.citizenqa.functions.channel.zalo.ZaloSignature;
import vn.citizenqa.functions.testsupport.NodeTools;
import vn.citizenqa.functions.testsupport.TestJson;
import vn.citizenqa.runner.DevTokens;
import vn.citizenqa.runner.ServeCommand;
import vn.citizenqa.standin.ChannelStandIn;

/**
 * The officer console in a real browser: {@code serve} on loopback (the webhook and the officer API over one
 * in-process store, as the local runner wires them), the channel stand-in, escalations made by signed webhook
 * calls, then {@code runner/src/test/browser/console.e2e.mjs} drives the machine's chromium through the
 * console (sign in, queue, case, claim, reply, suggest, close, another unit, the figures). The reply must reach the
 * stand-in exactly once. A second {@code serve}, configured as a deployment is, signs in through a stand-in of the
 * Cognito hosted UI. Needs Node.js and chromium; without them it fails and says what to install.
 */
class ConsoleBrowserTest {

    private static final String SCRIPT = "runner/src/test/browser/console.e2e.mjs";
    private static final String DEFAULT_CHROMIUM = "/usr/bin/chromium";
    private static final String SECRET = "console-browser-test-secret-0123456789abcdef";
    private static final Duration BROWSER_TIMEOUT = Duration.ofMinutes(2);

    private static final String UNIT_A = "ca-phuong-ben-nghe";
    private static final String PAGE_A = "100000000000001";
    private static final String ZALO_OA_A = "388613280878808645";
    private static final String UNIT_B = "ca-phuong-da-kao";
    private static final String PAGE_B = "100000000000002";

    private static final String MSG_QUESTION = "Đăng ký tạm trú cần giấy tờ gì?";
    private static final String MSG_URGENT = "Cứu với, nhà hàng xóm đang bốc cháy, khói rất nhiều, có người mắc kẹt ở tầng 2!";
    private static final String MSG_SCRIPT = "Có kẻ trộm đang cạy cửa nhà tôi <script>window.pwned = 1</script>"
            + "<img src=x onerror=\"window.pwned = 2\"> cứu với";
    private static final String MSG_ZALO = "Xe máy của tôi bị trộm trước cửa nhà đêm qua, biển số 59-X1 123.45";
    private static final String MSG_OVERDUE = "Tôi muốn tố giác một nhóm lừa đảo qua mạng, họ lấy của tôi 20 triệu";
    private static final String MSG_B = "Tôi muốn trình báo bị mất trộm xe đạp ở công viên Lê Văn Tám";
    /** Sent by the browser test itself while the queue is open, to see it appear without a click. */
    private static final String MSG_LATE = "Cứu với, có người cầm dao đang đánh nhau trước cửa nhà tôi";
    /** Unit B gets more cases than one queue page holds (the console shows 20 a page). */
    private static final int FILLERS_B = 20;
    private static final String REPLY = "Chúng tôi đã báo Đội Cảnh sát PCCC và CNCH, xe chữa cháy đang trên đường tới. "
            + "Anh/chị hãy ra khỏi nhà, tránh xa khói và gọi 114 nếu đám cháy lan rộng.";
    private static final String CITIZEN_URGENT = "7000000000000001";

    private static final String COGNITO_CLIENT_ID = "console-test-client";

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newHttpClient();
    // One line per webhook message would bury the browser test's own report.
    private final Logger conversationLog = Logger.getLogger("citizenqa.conversation");
    private final Level conversationLevel = conversationLog.getLevel();
    private ChannelStandIn channels;
    private ServeCommand.Running server;
    private HostedUiStandIn hostedUi;
    private ServeCommand.Running cognitoServer;

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {cognitoServer, hostedUi, server, channels}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        conversationLog.setLevel(conversationLevel);
    }

    @Test
    void anOfficerWorksACaseThroughTheConsoleInARealBrowser() throws Exception {
        Path chromium = chromium();
        NodeTools.nodeVersion("The officer console's browser tests drive chromium with playwright-core on Node.js, "
                + "which is not installed: install Node.js 20 or newer with npm (e.g. `apt-get install -y nodejs npm`); "
                + "the tests then install playwright-core with `npm ci` themselves.");
        NodeTools.ensureInstalled();

        conversationLog.setLevel(Level.WARNING);
        channels = ChannelStandIn.start(0, null);
        server = ServeCommand.start(0, envFile(Map.of()), new PrintStream(OutputStream.nullOutputStream()));
        DevTokens tokens = new DevTokens(SECRET, Clock.systemUTC());
        // A second console, deployed as in AWS: it signs officers in through the (stand-in) Cognito hosted UI.
        hostedUi = HostedUiStandIn.start(COGNITO_CLIENT_ID,
                () -> tokens.issue("vo-thi-em", UNIT_A, List.of("officer"), Duration.ofHours(1)));
        cognitoServer = ServeCommand.start(0, envFile(Map.of(ConsoleSettings.DOMAIN_VARIABLE, hostedUi.origin(),
                ConsoleSettings.CLIENT_ID_VARIABLE, COGNITO_CLIENT_ID)), new PrintStream(OutputStream.nullOutputStream()));
        String cognitoConsole = "http://127.0.0.1:" + cognitoServer.port() + "/console/";
        hostedUi.register(cognitoConsole);

        Instant now = Instant.now();
        messenger(PAGE_A, CITIZEN_URGENT, "m_console_1", MSG_QUESTION, now.minus(Duration.ofMinutes(12)));
        messenger(PAGE_A, CITIZEN_URGENT, "m_console_2", MSG_URGENT, now.minus(Duration.ofMinutes(6)));
        // The citizen then shares where it is: it joins the emergency's case.
        messengerLocation(PAGE_A, CITIZEN_URGENT, "m_console_2_place", 10.7768889, 106.7008056, now.minus(Duration.ofMinutes(5)));
        messenger(PAGE_A, "7000000000000002", "m_console_3", MSG_SCRIPT, now.minus(Duration.ofMinutes(4)));
        zalo(ZALO_OA_A, "7000000000000003", "z_console_4", MSG_ZALO, now.minus(Duration.ofMinutes(3)));
        messenger(PAGE_A, "7000000000000004", "m_console_5", MSG_OVERDUE, now.minus(Duration.ofDays(8)));
        messenger(PAGE_B, "7100000000000000", "m_console_b0", MSG_B, now.minus(Duration.ofMinutes(30)));
        for (int i = 1; i <= FILLERS_B; i++) {
            messenger(PAGE_B, "71000000000000" + String.format("%02d", i), "m_console_b" + i,
                    "Tôi bị lừa đảo chuyển khoản " + i + " triệu qua Facebook", now.minus(Duration.ofMinutes(30 - i)));
        }
        int repliesBefore = deliveriesOf(REPLY).size();

        Path root = NodeTools.repositoryRoot();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CONSOLE_URL", "http://127.0.0.1:" + server.port() + "/console/");
        env.put("COGNITO_CONSOLE_URL", cognitoConsole);
        env.put("COGNITO_OFFICER", "vo-thi-em");
        env.put("TOKEN_OFFICER_A", tokens.issue("nguyen-van-an", UNIT_A, List.of("officer"), Duration.ofHours(1)));
        env.put("TOKEN_OFFICER_A2", tokens.issue("tran-thi-binh", UNIT_A, List.of("officer"), Duration.ofHours(1)));
        env.put("TOKEN_OFFICER_B", tokens.issue("le-van-cuong", UNIT_B, List.of("officer"), Duration.ofHours(1)));
        env.put("TOKEN_SUPERVISOR", tokens.issue("pham-thi-dung", null, List.of("supervisor"), Duration.ofHours(1)));
        env.put("OFFICER_A", "nguyen-van-an");
        env.put("UNIT_A", UNIT_A);
        env.put("UNIT_B", UNIT_B);
        env.put("UNIT_A_NAME", "Công an phường Bến Nghé");
        env.put("UNIT_B_NAME", "Công an phường Đa Kao");
        byte[] late = messengerEvent(PAGE_A, "7000000000000009", "m_console_late", MSG_LATE, Instant.now())
                .getBytes(StandardCharsets.UTF_8);
        env.put("MSG_LATE", MSG_LATE);
        env.put("LATE_WEBHOOK_URL", "http://127.0.0.1:" + server.port() + "/webhook/messenger");
        env.put("LATE_BODY", new String(late, StandardCharsets.UTF_8));
        env.put("LATE_SIGNATURE", new MessengerSignature(Signed.MESSENGER_APP_SECRET).sign(late));
        env.put("MSG_URGENT", MSG_URGENT);
        env.put("MSG_SCRIPT", MSG_SCRIPT);
        env.put("MSG_OVERDUE", MSG_OVERDUE);
        env.put("MSG_B", MSG_B);
        env.put("PAGES_B", "2");
        env.put("REPLY_TEXT", REPLY);
        env.put("SUGGEST_PROCEDURE", "to-giac-tin-bao-toi-pham");
        env.put("SCREENSHOT_DIR", screenshotDir(root).toString());
        env.put("ARTIFACT_DIR", root.resolve("functions/target/console-e2e").toString());
        env.put("CHROMIUM", chromium.toString());

        var run = runNode(root, env);
        assertEquals(0, run.exitCode(), "the browser test failed:\n" + run.output());
        System.out.println(run.output());

        var replies = deliveriesOf(REPLY);
        assertEquals(repliesBefore + 1, replies.size(), "the officer's reply reaches the channel exactly once");
        assertEquals(CITIZEN_URGENT, replies.getLast().recipientId());
        assertEquals(Channel.MESSENGER, replies.getLast().channel());
        assertEquals(List.of("authorize", "token", "refresh", "logout"), hostedUi.events(),
                "the hosted UI signed the officer in with a PKCE-checked code, renewed the token, then signed out");
        assertTrue(Files.size(screenshotDir(root).resolve("console-queue.png")) > 10_000, "queue screenshot taken");
        assertTrue(Files.size(screenshotDir(root).resolve("console-case.png")) > 10_000, "case screenshot taken");
        assertTrue(Files.size(screenshotDir(root).resolve("console-case-phone.png")) > 10_000, "phone screenshot taken");
    }

    private List<ChannelStandIn.Delivery> deliveriesOf(String text) {
        return channels.deliveries().stream().filter(d -> text.equals(d.text())).toList();
    }

    /**
     * Where the screenshots go: {@code target/} by default, so a build leaves the committed ones alone; set
     * {@code CONSOLE_SCREENSHOTS=docs/screenshots} to refresh the README's.
     */
    private static Path screenshotDir(Path root) {
        String configured = System.getenv("CONSOLE_SCREENSHOTS");
        return configured == null || configured.isBlank()
                ? root.resolve("runner/target/console-screenshots") : root.resolve(configured.strip());
    }

    private static Path chromium() {
        String configured = System.getenv("CHROMIUM");
        Path path = Path.of(configured == null || configured.isBlank() ? DEFAULT_CHROMIUM : configured.strip());
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("The officer console's browser tests need Chromium at " + path + " and found none. "
                    + "Install it: `apt-get install -y chromium` on Debian (`.ci/run` does this when it is missing), "
                    + "or set CHROMIUM to a Chromium or Chrome binary. Playwright's own browser downloads are not used.");
        }
        return path;
    }

    private record Run(int exitCode, String output) {
    }

    private static Run runNode(Path root, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("node", SCRIPT).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        // Read while it runs, so a chatty failure cannot fill the pipe and stall it.
        var output = new StringBuilder();
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append("(cannot read the browser test's output: ").append(e.getMessage()).append(')');
            }
        });
        if (!process.waitFor(BROWSER_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            reader.join(5000);
            return new Run(-1, output + "\n(the browser test did not finish within " + BROWSER_TIMEOUT.toSeconds() + " s)");
        }
        reader.join();
        return new Run(process.exitValue(), output.toString());
    }

    /** The env-vars file serve reads: the sample events' secrets, the stand-in's address, two units' pages. */
    private Path envFile(Map<String, String> extra) throws IOException {
        ArrayNode pages = (ArrayNode) TestJson.MAPPER.readTree(Path.of("../events/pages.json").toFile());
        pages.addObject().put("channel", "messenger").put("pageId", PAGE_B).put("unit", UNIT_B)
                .put("name", "Công an phường Đa Kao").put("accessToken", "test-messenger-page-token-b");
        Path pagesFile = Files.createTempFile(temp, "pages", ".json");
        TestJson.MAPPER.writeValue(pagesFile.toFile(), pages);

        ObjectNode env = TestJson.MAPPER.createObjectNode();
        ObjectNode parameters = env.putObject("Parameters");
        ObjectNode webhook = (ObjectNode) TestJson.MAPPER.readTree(Path.of("../events/env.json").toFile()).get("WebhookFunction");
        parameters.setAll(webhook);
        parameters.put("GRAPH_API_BASE", channels.graphApiBase())
                .put("ZALO_API_BASE", channels.zaloApiBase())
                .put("ZALO_OAUTH_BASE", channels.zaloOAuthBase())
                .put("PAGES_FILE", pagesFile.toString())
                .put(DevTokens.SECRET_VARIABLE, SECRET);
        extra.forEach(parameters::put);
        Path file = Files.createTempFile(temp, "env", ".json");
        TestJson.MAPPER.writeValue(file.toFile(), env);
        return file;
    }

    private static String messengerEvent(String page, String user, String mid, String text, Instant at) {
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"" + page + "\",\"time\":" + at.toEpochMilli() + ",\"messaging\":["
                + "{\"sender\":{\"id\":\"" + user + "\"},\"recipient\":{\"id\":\"" + page + "\"},\"timestamp\":" + at.toEpochMilli()
                + ",\"message\":{\"mid\":\"" + mid + "\",\"text\":" + Signed.quote(text) + "}}]}]}";
    }

    private void messenger(String page, String user, String mid, String text, Instant at) throws Exception {
        byte[] body = messengerEvent(page, user, mid, text, at).getBytes(StandardCharsets.UTF_8);
        post("/webhook/messenger", "X-Hub-Signature-256", new MessengerSignature(Signed.MESSENGER_APP_SECRET).sign(body), body);
    }

    /** A Messenger location attachment, as the platform documents it. */
    private void messengerLocation(String page, String user, String mid, double lat, double lon, Instant at) throws Exception {
        String json = "{\"object\":\"page\",\"entry\":[{\"id\":\"" + page + "\",\"time\":" + at.toEpochMilli() + ",\"messaging\":["
                + "{\"sender\":{\"id\":\"" + user + "\"},\"recipient\":{\"id\":\"" + page + "\"},\"timestamp\":" + at.toEpochMilli()
                + ",\"message\":{\"mid\":\"" + mid + "\",\"attachments\":[{\"type\":\"location\",\"title\":\"Vị trí của tôi\","
                + "\"payload\":{\"coordinates\":{\"lat\":" + lat + ",\"long\":" + lon + "}}}]}}]}]}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        post("/webhook/messenger", "X-Hub-Signature-256", new MessengerSignature(Signed.MESSENGER_APP_SECRET).sign(body), body);
    }

    private void zalo(String oa, String user, String msgId, String text, Instant at) throws Exception {
        String timestamp = Long.toString(at.toEpochMilli());
        String json = "{\"app_id\":\"" + Signed.ZALO_APP_ID + "\",\"user_id_by_app\":\"552177279717587730\","
                + "\"event_name\":\"user_send_text\",\"sender\":{\"id\":\"" + user + "\"},\"recipient\":{\"id\":\"" + oa + "\"},"
                + "\"message\":{\"msg_id\":\"" + msgId + "\",\"text\":" + Signed.quote(text) + "},\"timestamp\":\"" + timestamp + "\"}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        post("/webhook/zalo", "X-ZEvent-Signature", new ZaloSignature(Signed.ZALO_APP_ID, Signed.ZALO_OA_SECRET).sign(body, timestamp), body);
    }

    private void post(String path, String signatureHeader, String signature, byte[] body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json")
                .header(signatureHeader, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + " answered " + response.body());
    }
}
