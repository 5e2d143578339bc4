package vn.citizenqa.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.citizenqa.core.model.PlateNumber;
import vn.citizenqa.core.store.StoreSettings;
import vn.citizenqa.functions.channel.Signed;
import vn.citizenqa.functions.dynamo.DynamoDbStore;
import vn.citizenqa.functions.testsupport.TestJson;
import vn.citizenqa.standin.ChannelStandIn;

/**
 * Camera-recorded violations looked up by plate, as a traffic unit and citizens use it: {@code violations import} on
 * the command line into the table {@code serve} runs on, then citizens on Messenger and Zalo typing plates their own
 * way, a plate without records, a file with bad lines refused through the officer API, and the same file twice.
 */
class PlateLookupEndToEndTest {

    private static final String SECRET = "plate-end-to-end-officer-jwt-secret-0123456789";
    private static final String PAGE = "100000000000001";
    private static final String OA = "388613280878808645";
    private static final String UNIT = "ca-phuong-ben-nghe";
    private static final String TRAFFIC = "csgt-binh-thanh";
    private static final String FILE = """
            plate,vehicle,time,place,violation,handled_by,status
            51F-123.45,car,2026-11-14T08:12:00+07:00,"Ngã tư Hàng Xanh, Bình Thạnh",Không chấp hành hiệu lệnh của đèn tín hiệu giao thông,Đội CSGT Bình Thạnh,unpaid
            51F-123.45,car,2026-10-02T21:40:00+07:00,Cầu Sài Gòn,Chạy quá tốc độ quy định,Đội CSGT Thủ Đức,paid
            59X1-678.90,motorbike,2026-11-20T17:45:00+07:00,Điện Biên Phủ,Không đội mũ bảo hiểm,Đội CSGT Bình Thạnh,unpaid
            """;
    private static final String BAD_FILE = """
            plate,vehicle,time,place,violation,handled_by,status
            51F-555.55,car,2026-11-14T08:12:00+07:00,Hàng Xanh,Vượt đèn đỏ,Đội CSGT Bình Thạnh,unpaid
            ,car,2026-11-14T08:12:00+07:00,Hàng Xanh,Vượt đèn đỏ,Đội CSGT Bình Thạnh,unpaid
            51F-666.66,car,14/11/2026 08:12,Hàng Xanh,Vượt đèn đỏ,Đội CSGT Bình Thạnh,unpaid
            51F-777.77,tractor,2026-11-14T08:12:00+07:00,Hàng Xanh,Vượt đèn đỏ,Đội CSGT Bình Thạnh,done
            """;

    private final ServeOnDynamo serve = ServeOnDynamo.start(SECRET, List.of(),
            Map.of("ZALO_APP_ID", Signed.ZALO_APP_ID, "ZALO_OA_SECRET", Signed.ZALO_OA_SECRET));
    private final ChannelStandIn channels = serve.channels();
    private final Map<String, String> env = serve.env();
    private final Path dir = serve.dir();
    /** Every line the conversation logs while the test runs: none may name a plate. */
    private final List<String> logged = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final java.util.logging.Logger conversationLog = java.util.logging.Logger.getLogger("citizenqa.conversation");
    private final java.util.logging.Handler capture = new java.util.logging.Handler() {
        @Override
        public void publish(java.util.logging.LogRecord r) {
            logged.add(new java.util.logging.SimpleFormatter().formatMessage(r));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    PlateLookupEndToEndTest() throws Exception {
        conversationLog.addHandler(capture);
    }

    @AfterEach
    void stop() throws Exception {
        conversationLog.removeHandler(capture);
        serve.close();
    }

    private record Command(int status, String out, String err) {
    }

    private Command cli(Object command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int status = command instanceof UnitsCommand u ? u.run(List.of(args), o, e)
                : ((ViolationsCommand) command).run(List.of(args), o, e);
        return new Command(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String importFile(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        Command c = cli(new ViolationsCommand(env, Clock.systemUTC()), "import", "--unit", TRAFFIC, file.toString());
        assertEquals(0, c.status(), c.err());
        return c.out();
    }

    /** What the citizen received in answer to their message (the stand-in's delivery to them). */
    private String messenger(String psid, String mid, String text) throws Exception {
        serve.messenger(PAGE, psid, mid, text);
        return serve.lastTo(psid);
    }

    private String zalo(String user, String msgId, String text) throws Exception {
        serve.zalo(OA, user, msgId, text);
        return serve.lastTo(user);
    }

    private HttpResponse<String> officerImport(String token, String csv) throws Exception {
        return serve.send(HttpRequest.newBuilder().header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)),
                "/violations/import?unit=" + TRAFFIC);
    }

    @Test
    void citizensLookUpTheirPlatesTypedTheirOwnWayAndABadFileChangesNothing() throws Exception {
        LocalDate day = OneVietnamDay.waitIfEnding(Duration.ofMinutes(1));
        Command added = cli(new UnitsCommand(env, Clock.systemUTC()), "add", "--id", TRAFFIC, "--name",
                "Đội CSGT Bình Thạnh", "--parent", "TP. Hồ Chí Minh", "--traffic");
        assertEquals(0, added.status(), added.err());
        String first = importFile("violations.csv", FILE);
        assertTrue(first.contains("3 added, 0 updated, 0 unchanged"), first);
        String today = day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));

        // Three citizens, two channels, the same car typed two ways and a motorbike a third.
        String an = messenger("6100000000000001", "m_plate_1", "xe 51F-123.45 có bị phạt nguội không ad");
        String binh = zalo("6200000000000002", "z_plate_2", "tra cứu vi phạm 51f 123 45");
        String cuong = messenger("6100000000000003", "m_plate_3", "59X167890");
        for (String reply : List.of(an, binh)) {
            assertTrue(reply.contains("Biển số 51F-123.45: 1 lỗi vi phạm qua hình ảnh chưa xử lý"), reply);
            assertTrue(reply.contains("14/11/2026 lúc 08:12, Ngã tư Hàng Xanh, Bình Thạnh: Không chấp hành hiệu lệnh"),
                    reply);
            assertTrue(reply.contains("Đơn vị giải quyết: Đội CSGT Bình Thạnh"), reply);
            assertTrue(reply.contains("(1 lỗi khác đã nộp phạt.)"), "the paid one is said to be paid: " + reply);
            assertFalse(reply.contains("Cầu Sài Gòn"), "the paid one is not listed: " + reply);
            assertTrue(reply.contains("dữ liệu cập nhật đến " + today), reply);
            assertTrue(reply.contains("nộp phạt trực tuyến") && reply.contains("https://dichvucong.gov.vn"), reply);
        }
        assertTrue(cuong.contains("Biển số 59X1-678.90: 1 lỗi") && cuong.contains("Không đội mũ bảo hiểm")
                && cuong.contains("(xe máy)"), cuong);

        String nobody = zalo("6200000000000004", "z_plate_4", "xe 30A-999.99 có bị phạt nguội không");
        assertTrue(nobody.contains("Biển số 30A-999.99: không có vi phạm nào trong dữ liệu của chúng tôi tính đến ngày "
                + today), nobody);
        assertTrue(nobody.contains("https://www.csgt.vn") && nobody.contains("VNeID"), nobody);

        String both = messenger("6100000000000001", "m_plate_5", "xe 51F12345 bị phạt nguội thì nộp phạt online như thế nào");
        assertTrue(both.contains("Biển số 51F-123.45: 1 lỗi") && both.contains("Nộp phạt vi phạm giao thông trực tuyến"),
                "a procedure question with a plate gets both: " + both);

        assertFalse(logged.isEmpty(), "the conversation logged its messages");
        for (String line : logged) {
            assertFalse(line.matches("(?is).*(51F|51f|59X1|30A|123[. ]?45|678[. ]?90|999[. ]?99).*"),
                    "a log line names a plate: " + line);
        }

        // A bad file through the officer API: refused whole, each bad line named; nothing of it imported.
        String supervisor = serve.token("chief", null, "supervisor");
        HttpResponse<String> refused = officerImport(supervisor, BAD_FILE);
        assertEquals(400, refused.statusCode(), refused.body());
        JsonNode problems = TestJson.MAPPER.readTree(refused.body()).get("problems");
        assertEquals(List.of(3, 4, 5), List.of(problems.get(0).get("line").asInt(), problems.get(1).get("line").asInt(),
                problems.get(2).get("line").asInt()), refused.body());
        assertTrue(problems.get(0).get("problem").asText().contains("plate is missing"), refused.body());
        assertTrue(problems.get(1).get("problem").asText().contains("bad time"), refused.body());
        assertTrue(problems.get(2).get("problem").asText().contains("unknown vehicle type 'tractor'")
                && problems.get(2).get("problem").asText().contains("unknown status 'done'"), refused.body());
        var store = new DynamoDbStore(serve.dynamo().client(), serve.table(), Clock.systemUTC(), StoreSettings.defaults());
        assertEquals(List.of(), store.violations().ofPlate(PlateNumber.parse("51F-555.55").orElseThrow()),
                "the good line of a refused file is not imported either");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, BAD_FILE);
        Command badCli = cli(new ViolationsCommand(env, Clock.systemUTC()), "import", "--unit", TRAFFIC, bad.toString());
        assertEquals(2, badCli.status());
        assertTrue(badCli.err().contains(bad + ", line 3: plate is missing")
                && badCli.err().contains("3 bad line(s); nothing was imported"), badCli.err());

        // The same file again changes nothing; the records read as before.
        var before = store.violations().ofPlate(PlateNumber.parse("51F12345").orElseThrow());
        String again = importFile("violations.csv", FILE);
        assertTrue(again.contains("0 added, 0 updated, 3 unchanged"), again);
        assertEquals(before, store.violations().ofPlate(PlateNumber.parse("51F12345").orElseThrow()));
        String officerOfPage = serve.token("officer-an", UNIT, "officer");
        assertEquals(403, officerImport(officerOfPage, FILE).statusCode(), "a ward is not a traffic unit");

        JsonNode stats = serve.officer("GET", "/stats?from=" + day + "&to=" + day, officerOfPage, null).body();
        assertEquals(5, stats.at("/units/0/total/plateLookups").asInt(), "five look-ups on the ward's pages: " + stats);
    }
}
