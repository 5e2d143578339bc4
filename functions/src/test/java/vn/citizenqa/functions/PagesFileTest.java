package vn.citizenqa.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.store.InProcessStore;
import vn.citizenqa.core.store.PageRegistration;

class PagesFileTest {

    @TempDir
    Path dir;

    @Test
    void theSamplePagesFileLoads() {
        var pages = PagesFile.read(Path.of("..", "events", "pages.json"));
        assertEquals(2, pages.size());
        assertEquals(Channel.ZALO, pages.get(1).channel());
        assertEquals("test-zalo-refresh-token", pages.get(1).refreshToken());
    }

    @Test
    void aMistakeNamesTheEntryAndTheField() throws Exception {
        Path file = dir.resolve("pages.json");
        Files.writeString(file, "[{\"channel\":\"messenger\",\"pageId\":\"1\",\"unit\":\"u\",\"name\":\"n\",\"accessToken\":\"t\"},"
                + "{\"channel\":\"telegram\",\"pageId\":\"2\"}]");
        var e = assertThrows(IllegalArgumentException.class, () -> PagesFile.read(file));
        assertTrue(e.getMessage().contains("page 2") && e.getMessage().contains("'channel'"), e.getMessage());
        Files.writeString(file, "[{\"channel\":\"zalo\",\"pageId\":\"2\",\"unit\":\"u\",\"name\":\"n\"}]");
        e = assertThrows(IllegalArgumentException.class, () -> PagesFile.read(file));
        assertTrue(e.getMessage().contains("page 1") && e.getMessage().contains("'accessToken' is required"), e.getMessage());
        Files.writeString(file, "{\"channel\":\"zalo\"}");
        assertThrows(IllegalArgumentException.class, () -> PagesFile.read(file));
    }

    @Test
    void aPageAlreadyRegisteredKeepsItsStoredTokens() throws Exception {
        var store = new InProcessStore();
        store.pages().register(new PageRegistration(Channel.ZALO, "388613280878808645", "ca-phuong-ben-nghe", "OA", "refreshed-access",
                "refreshed-refresh", null));
        Wiring.registerPages(Path.of("..", "events", "pages.json"), store);
        assertEquals("refreshed-refresh", store.pages().find(Channel.ZALO, "388613280878808645").orElseThrow().refreshToken());
        assertTrue(store.pages().find(Channel.MESSENGER, "100000000000001").isPresent());
    }
}
