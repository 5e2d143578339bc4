package vn.citizenqa.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.store.StoreSettings;
import vn.citizenqa.functions.dynamo.DynamoDbStore;
import vn.citizenqa.functions.testsupport.DynamoDbTestServer;

/** An operator registers a deployment's pages and units in its table with register-pages (DynamoDB: dynalite here). */
class RegisterPagesCommandTest {

    private final DynamoDbTestServer server = DynamoDbTestServer.get();
    private final String table = server.createTable();
    private final Map<String, String> env = Map.of("TABLE_NAME", table, "DYNAMODB_ENDPOINT", server.endpoint().toString());
    private final DynamoDbStore store = new DynamoDbStore(server.client(), table, Clock.systemUTC(), StoreSettings.defaults());
    private final Path pages = Files.createTempFile("pages", ".json");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    RegisterPagesCommandTest() throws Exception {
    }

    @AfterEach
    void delete() throws Exception {
        Files.deleteIfExists(pages);
    }

    private int run(Map<String, String> env, String... args) {
        out.reset();
        return new RegisterPagesCommand().run(List.of(args), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void registersTheFilesPagesKeepsStoredTokensAndReplacesThemOnlyWhenAsked() throws Exception {
        Files.copy(SampleEventsTest.EVENTS.resolve("pages.json"), pages, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(0, run(env, pages.toString()), err.toString(StandardCharsets.UTF_8));
        assertTrue(printed().contains("registered messenger 100000000000001 → unit ca-phuong-ben-nghe"), printed());
        assertTrue(printed().contains("units with pages: ca-phuong-ben-nghe"), printed());
        assertFalse(printed().contains("test-zalo-refresh-token") || printed().contains("test-messenger-page-token"),
                "tokens are never printed");
        assertEquals("test-zalo-access-token", store.pages().find(Channel.ZALO, "388613280878808645").orElseThrow().accessToken());

        Files.writeString(pages, Files.readString(pages).replace("test-zalo-access-token", "newer-zalo-access-token"));
        assertEquals(0, run(env, pages.toString()));
        assertTrue(printed().contains("0 registered, 0 replaced, 2 kept"), printed());
        assertEquals("test-zalo-access-token", store.pages().find(Channel.ZALO, "388613280878808645").orElseThrow().accessToken(),
                "a stored token is kept: the file's may be older");

        assertEquals(0, run(env, pages.toString(), "--replace"));
        assertTrue(printed().contains("0 registered, 2 replaced, 0 kept"), printed());
        assertEquals("newer-zalo-access-token", store.pages().find(Channel.ZALO, "388613280878808645").orElseThrow().accessToken());
    }

    @Test
    void withoutATableItSaysWhatToSetAndABadFileIsNamed() throws Exception {
        assertEquals(2, run(Map.of(), SampleEventsTest.EVENTS.resolve("pages.json").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("set TABLE_NAME"), err.toString(StandardCharsets.UTF_8));
        Files.writeString(pages, "[{\"channel\": \"viber\"}]");
        assertEquals(2, run(env, pages.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("'channel' must be messenger or zalo"), err.toString(StandardCharsets.UTF_8));
    }
}
