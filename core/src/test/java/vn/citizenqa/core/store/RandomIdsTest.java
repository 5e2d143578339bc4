package vn.citizenqa.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RandomIdsTest {

    @Test
    void idsAreDistinctVersion4Uuids() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RandomIds.newId();
            UUID u = UUID.fromString(id);
            assertEquals(4, u.version());
            assertEquals(2, u.variant());
            assertEquals(id, u.toString());
            assertTrue(seen.add(id), "repeated id " + id);
        }
    }

    @Test
    void afterAReseedIdsComeFromANewGeneratorAndStayDistinct() {
        String before = RandomIds.newId();
        RandomIds.reseed();
        String after = RandomIds.newId();
        assertTrue(!before.equals(after));
        assertEquals(4, UUID.fromString(after).version());
    }
}
