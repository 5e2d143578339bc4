package vn.citizenqa.functions.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The streaming reader and writer give the trees and texts Jackson's ObjectMapper gives, as configured before. */
class JsonFieldsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private static final List<String> DOCUMENTS = List.of(
            "{\"a\":1,\"b\":-12345678901234567890,\"c\":1.50,\"d\":2e3,\"e\":true,\"f\":false,\"g\":null,\"h\":\"Đăng ký\\n\\\"tạm trú\\\"\"}",
            "[1,[2,[3,{}]],[],{\"x\":[]}]",
            "{\"dup\":1,\"dup\":2}",
            "\"just text\"",
            "42",
            "{\"recipient\":{\"id\":2468458835296197922},\"message\":{\"text\":\"\\u0110\\u1eb7ng\"}} trailing");

    @Test
    void treesReadAsTheObjectMapperReadsThem() throws IOException {
        for (String doc : DOCUMENTS) {
            assertEquals(MAPPER.readTree(doc), JsonFields.read(doc), doc);
            assertEquals(MAPPER.readTree(doc), JsonFields.read(doc.getBytes(StandardCharsets.UTF_8)), doc);
        }
    }

    @Test
    void everyEventAndConfigurationFileReadsAndWritesAsTheObjectMapperDoes() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("..", "events"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() > 10);
        for (Path f : files) {
            byte[] json = Files.readAllBytes(f);
            JsonNode tree = JsonFields.read(json);
            assertEquals(MAPPER.readTree(json), tree, f.toString());
            assertEquals(MAPPER.writeValueAsString(tree), JsonFields.write(tree), f.toString());
            assertEquals(MAPPER.writer(new DefaultPrettyPrinter().withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))).writeValueAsString(tree) + "\n", JsonFields.pretty(tree));
        }
    }

    @Test
    void builtTreesWriteAsTheObjectMapperWritesThem() throws IOException {
        ObjectNode o = JsonFields.newObject();
        o.put("int", 7).put("long", 1L << 40).put("double", 0.25).put("float", 1.5f).put("text", "Chưa đúng")
                .put("decimal", new java.math.BigDecimal("1.10")).put("big", new java.math.BigInteger("123456789012345678901"))
                .put("yes", true).putNull("none");
        o.putArray("options").addObject().put("title", "Hữu ích").put("payload", "1");
        o.putObject("empty");
        assertEquals(MAPPER.writeValueAsString(o), JsonFields.write(o));
    }

    @Test
    void nothingToReadIsMissingAndBrokenJsonIsAnError() throws IOException {
        assertTrue(JsonFields.read("").isMissingNode());
        assertTrue(JsonFields.read(new byte[0]).isMissingNode());
        assertThrows(IOException.class, () -> JsonFields.read("{\"a\":"));
        assertThrows(IOException.class, () -> JsonFields.read("{a:1}"));
        assertNull(JsonFields.object("[]".getBytes(StandardCharsets.UTF_8)));
        assertNull(JsonFields.object("not json".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void idsSentAsNumbersComeBackAsTheirDigits() {
        JsonNode n = JsonFields.object("{\"id\":2468458835296197922,\"t\":1772420400000,\"f\":12.50}".getBytes(StandardCharsets.UTF_8));
        assertEquals("2468458835296197922", JsonFields.text(n, "id"));
        assertEquals(1772420400000L, JsonFields.millis(n, "t").toEpochMilli());
        assertEquals("12.50", JsonFields.text(n, "f"));
    }
}
