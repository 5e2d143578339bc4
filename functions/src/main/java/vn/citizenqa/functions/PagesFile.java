package vn.citizenqa.functions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import vn.citizenqa.core.model.Channel;
import vn.citizenqa.core.store.PageRegistration;
import vn.citizenqa.core.store.PageRegistry;
import vn.citizenqa.core.store.Store;
import vn.citizenqa.core.store.StoreSettings;
import vn.citizenqa.core.store.Unit;
import vn.citizenqa.core.units.UnitChanges;
import vn.citizenqa.functions.channel.JsonFields;

/**
 * {@code PAGES_FILE}: a JSON array of {@code {channel, pageId, unit, name, accessToken, refreshToken?}}, one per
 * page or OA, loaded into the page registry at start. A mistake names the entry and the field.
 */
public final class PagesFile {

    private PagesFile() {
    }

    public static List<PageRegistration> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("PAGES_FILE " + file + " cannot be read: " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = JsonFields.read(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("PAGES_FILE " + file + " is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("PAGES_FILE " + file + " must hold a JSON array of pages");
        }
        List<PageRegistration> pages = new ArrayList<>();
        int n = 0;
        for (JsonNode entry : root) {
            n++;
            String where = "PAGES_FILE " + file + ", page " + n + ": ";
            String channelName = required(entry, "channel", where);
            Channel channel = Channel.fromWireName(channelName)
                    .orElseThrow(() -> new IllegalArgumentException(where + "'channel' must be messenger or zalo, not '" + channelName + "'"));
            try {
                pages.add(new PageRegistration(channel, required(entry, "pageId", where), required(entry, "unit", where),
                        required(entry, "name", where), required(entry, "accessToken", where), JsonFields.text(entry, "refreshToken"), null));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
        }
        return pages;
    }

    /** What registering a file's pages did, page by page. */
    public record Registered(List<PageRegistration> added, List<PageRegistration> replaced, List<PageRegistration> kept) {
    }

    /**
     * Registers the pages the registry does not hold yet. A page already registered keeps its stored tokens unless
     * {@code replace}: a Zalo refresh token is single use, and the file's may already be spent. A unit without a
     * record gets one named after its first page; a page of a unit merged into another is registered to that one
     * (an old pages file never undoes a merge).
     */
    public static Registered register(List<PageRegistration> pages, Store store, boolean replace) {
        PageRegistry registry = store.pages();
        UnitChanges units = new UnitChanges(store, java.time.Clock.systemUTC(), StoreSettings.VIETNAM);
        List<PageRegistration> added = new ArrayList<>();
        List<PageRegistration> replaced = new ArrayList<>();
        List<PageRegistration> kept = new ArrayList<>();
        for (PageRegistration listed : pages) {
            if (store.units().find(listed.unit()).isEmpty()) {
                units.add(listed.unit(), listed.displayName(), null, false);
            }
            String unit = units.current(listed.unit()).map(Unit::id).orElse(listed.unit());
            PageRegistration page = unit.equals(listed.unit()) ? listed : new PageRegistration(listed.channel(),
                    listed.pageId(), unit, listed.displayName(), listed.accessToken(), listed.refreshToken(),
                    listed.tokenExpiresAt());
            boolean known = registry.find(page.channel(), page.pageId()).isPresent();
            if (known && !replace) {
                kept.add(page);
                continue;
            }
            registry.register(page);
            (known ? replaced : added).add(page);
        }
        return new Registered(added, replaced, kept);
    }

    private static String required(JsonNode entry, String field, String where) {
        String v = JsonFields.text(entry, field);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(where + "'" + field + "' is required");
        }
        return v;
    }
}
